import DossierSQLite

/// Writes topic tags into an index: for new passages as they are stored, and for every passage
/// again when the lexicon changes (from the stored passage text: no file is read).
///
/// The lexicon the tags were made with is stored in `meta` (`lexicon`, in ``Lexicon/compact`` form,
/// and `lexicon_hash`), so searches use the same lexicon as the tags even without `--lexicon`.
public final class TopicTagStore {
    /// What a re-tag did.
    public struct Retag: Sendable, Equatable {
        /// Passages whose tags were recomputed.
        public var passages = 0
        /// Seconds it took.
        public var seconds = 0.0
    }

    let db: Connection
    public let matcher: TopicMatcher
    private let tagger: TopicTagger
    /// SHA-256 of the lexicon's ``Lexicon/compact`` form.
    public let lexiconHash: String
    private let insertPassageTag, insertTitleTag: Statement

    /// Prepares to tag with `lexicon` on `db` (an index opened for writing).
    init(db: Connection, lexicon: Lexicon) throws {
        self.db = db
        self.matcher = TopicMatcher(lexicon: lexicon)
        self.tagger = TopicTagger(matcher: matcher)
        self.lexiconHash = Self.hash(lexicon)
        insertPassageTag = try db.prepare(
            "INSERT OR REPLACE INTO passage_topics(passage_id, topic_id, mentions, names) VALUES (?, ?, ?, ?)", persistent: true)
        insertTitleTag = try db.prepare("INSERT OR IGNORE INTO title_topics(article_id, topic_id) VALUES (?, ?)", persistent: true)
    }

    /// The hash an index stores for `lexicon`.
    public static func hash(_ lexicon: Lexicon) -> String {
        ContentHash.sha256(Array(lexicon.compact.utf8))
    }

    /// Tags one passage.
    func tagPassage(id: Int64, text: String) throws {
        try writePassage(id: id, tags: tagger.tags(in: text))
    }

    /// Stores tags computed elsewhere (by a ``TopicTagger`` of the same lexicon) for one passage.
    func writePassage(id: Int64, tags: [TopicMatcher.Tag]) throws {
        for tag in tags {
            try insertPassageTag.bind([id, tag.topic, tag.mentions, tag.names])
            try insertPassageTag.run()
        }
    }

    /// Tags one article title.
    func tagTitle(articleID: Int64, title: String) throws {
        try writeTitle(articleID: articleID, tags: tagger.tags(in: title))
    }

    /// Stores tags computed elsewhere for one article title.
    func writeTitle(articleID: Int64, tags: [TopicMatcher.Tag]) throws {
        for tag in tags {
            try insertTitleTag.bind([articleID, tag.topic])
            try insertTitleTag.run()
        }
    }

    /// True when the index's tags were made with this lexicon.
    func isCurrent() throws -> Bool {
        try db.scalar("SELECT value FROM meta WHERE key = 'lexicon_hash'", as: String.self) == lexiconHash
    }

    /// Recomputes every tag when the index's tags were made with another lexicon (or none), in
    /// batches of `batchSize` passages, each its own transaction. The new lexicon is recorded last,
    /// so an interrupted re-tag starts again on the next run. Returns nil when the tags were current.
    func retagIfNeeded(batchSize: Int = 2000, progress: ((Int, Int) -> Void)? = nil) throws -> Retag? {
        guard try !isCurrent() else { return nil }
        let clock = Stopwatch()
        let total = try db.scalar("SELECT count(*) FROM passages", as: Int.self) ?? 0
        try db.transaction {
            try db.execute("DELETE FROM passage_topics; DELETE FROM title_topics; DELETE FROM topics")
            let insertTopic = try db.prepare("INSERT INTO topics(id, label, category) VALUES (?, ?, ?)")
            for topic in matcher.lexicon.topics {
                try insertTopic.bind([topic.id, topic.label, topic.category])
                try insertTopic.run()
            }
            let titles = try db.prepare("SELECT id, title FROM articles")
            while try titles.step() { try tagTitle(articleID: titles.int64(0), title: titles.string(1)) }
        }
        let page = try db.prepare("SELECT id, text FROM passages WHERE id > ? ORDER BY id LIMIT ?")
        var last: Int64 = 0
        var done = 0
        while true {
            let count: Int = try db.transaction {
                try page.bind([last, batchSize])
                var n = 0
                while try page.step() {
                    last = page.int64(0)
                    try tagPassage(id: last, text: page.string(1))
                    n += 1
                }
                return n
            }
            done += count
            progress?(done, total)
            if count < batchSize { break }
        }
        try db.transaction {
            try db.run("INSERT OR REPLACE INTO meta(key, value) VALUES('lexicon', ?)", [matcher.lexicon.compact])
            try db.run("INSERT OR REPLACE INTO meta(key, value) VALUES('lexicon_hash', ?)", [lexiconHash])
        }
        return Retag(passages: done, seconds: clock.seconds)
    }
}
