import DossierSQLite

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Counts of topic tags in an index: per topic, topics that co-occur, and per month.
///
/// ```swift
/// let stats = try TopicStatistics(path: "dossier.db")
/// for row in try stats.topics() { print(row.id, row.passages, row.articles) }
/// ```
public final class TopicStatistics {
    /// A topic with how many passages and articles name it.
    public struct Row: Sendable, Equatable {
        public var id: String
        public var label: String
        public var category: String
        public var passages: Int
        public var articles: Int
    }

    /// Articles and passages naming a topic in one month.
    public struct Month: Sendable, Equatable {
        /// `YYYY-MM`.
        public var month: String
        public var articles: Int
        public var passages: Int
    }

    /// Per-month counts, and what had no usable date.
    public struct Timeline: Sendable, Equatable {
        public var months: [Month]
        /// Articles without a date from their content (no date, or only the file's modification time).
        public var undatedArticles: Int
        /// Passages of those articles that name the topic.
        public var undatedPassages: Int
    }

    let db: Connection
    public let path: String

    /// Opens the index at `path` for reading.
    /// - throws: ``IndexError``.
    public init(path: String) throws {
        self.path = path
        db = try IndexSchema.openForReading(path: path)
    }

    /// Every topic of the index's lexicon (of `category` when given) with its counts, most
    /// passages first, then by id.
    public func topics(category: String? = nil) throws -> [Row] {
        try guarded {
            let s = try db.prepare(
                """
                SELECT t.id, t.label, t.category, count(pt.passage_id), count(DISTINCT p.article_id)
                FROM topics AS t LEFT JOIN passage_topics AS pt ON pt.topic_id = t.id LEFT JOIN passages AS p ON p.id = pt.passage_id
                WHERE ?1 IS NULL OR t.category = ?1
                GROUP BY t.id ORDER BY 4 DESC, t.id
                """)
            try s.bind([category?.lowercased()])
            return try rows(s)
        }
    }

    /// The topics named in the same passages as `topicID`, most shared passages first (then by id).
    /// `passages` counts shared passages, `articles` the articles they are in.
    public func cooccurring(with topicID: String, category: String? = nil) throws -> [Row] {
        try guarded {
            let s = try db.prepare(
                """
                SELECT t.id, t.label, t.category, count(*), count(DISTINCT p.article_id)
                FROM passage_topics AS mine
                JOIN passage_topics AS other ON other.passage_id = mine.passage_id AND other.topic_id <> mine.topic_id
                JOIN topics AS t ON t.id = other.topic_id
                JOIN passages AS p ON p.id = mine.passage_id
                WHERE mine.topic_id = ?1 AND (?2 IS NULL OR t.category = ?2)
                GROUP BY t.id ORDER BY 4 DESC, t.id
                """)
            try s.bind([topicID, category?.lowercased()])
            return try rows(s)
        }
    }

    /// Articles and passages per month naming `topicID` (any topic when nil, any of `category` when given).
    /// Months come from `articles.date` (its first seven characters) when the date came from the content.
    public func timeline(topicID: String? = nil, category: String? = nil) throws -> Timeline {
        try guarded {
            let selection = """
                FROM passage_topics AS pt JOIN topics AS t ON t.id = pt.topic_id
                JOIN passages AS p ON p.id = pt.passage_id JOIN articles AS a ON a.id = p.article_id
                WHERE (?1 IS NULL OR pt.topic_id = ?1) AND (?2 IS NULL OR t.category = ?2)
                """
            let dated = "a.date IS NOT NULL AND length(a.date) >= 7 AND coalesce(a.date_source, 'content') <> 'mtime'"
            let s = try db.prepare(
                "SELECT substr(a.date, 1, 7) AS month, count(DISTINCT a.id), count(DISTINCT p.id) \(selection) AND \(dated) GROUP BY month ORDER BY month"
            )
            try s.bind([topicID, category?.lowercased()])
            var months: [Month] = []
            while try s.step() { months.append(Month(month: s.string(0), articles: s.int(1), passages: s.int(2))) }
            let undated = try db.prepare("SELECT count(DISTINCT a.id), count(DISTINCT p.id) \(selection) AND NOT (\(dated))")
            try undated.bind([topicID, category?.lowercased()])
            _ = try undated.step()
            return Timeline(months: months, undatedArticles: undated.int(0), undatedPassages: undated.int(1))
        }
    }

    /// The SHA-256 of the lexicon the index was tagged with, or nil for an index without tags.
    public func lexiconHash() throws -> String? {
        try guarded { try db.scalar("SELECT value FROM meta WHERE key = 'lexicon_hash'", as: String.self) }
    }

    /// True when the index has tags (it was indexed by a Dossier that tags).
    public func hasTags() throws -> Bool {
        try guarded { try db.scalar("SELECT value FROM meta WHERE key = 'lexicon_hash'", as: String.self) != nil }
    }

    private func rows(_ s: Statement) throws -> [Row] {
        var out: [Row] = []
        while try s.step() {
            out.append(Row(id: s.string(0), label: s.string(1), category: s.string(2), passages: s.int(3), articles: s.int(4)))
        }
        return out
    }

    private func guarded<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch { throw IndexError.wrap(error, path: path) }
    }
}
