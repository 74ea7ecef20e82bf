import DossierIngest
import DossierSQLite
import DossierSupport

/// Everything one search asks for: the query, topics and filters, and which slice of the ranked hits.
///
/// ```swift
/// var request = SearchRequest(query: try QueryParser().parse("Izium"))
/// request.categories = ["weapon"]   // and a passage naming any weapon
/// request.topics = ["kyiv"]         // and Kyiv (by id, label or alias)
/// ```
public struct SearchRequest: Sendable {
    /// The free-text query; nil when only ``topics`` and ``categories`` select passages.
    public var query: SearchQuery?
    public var filters: SearchFilters
    /// At most this many hits; nil for all of them.
    public var limit: Int?
    /// Hits to skip first.
    public var offset: Int
    /// Topics every hit must be tagged with, each named by id, label or alias.
    public var topics: [String] = []
    /// Categories every hit must have a topic of (one topic of each).
    public var categories: [String] = []
    /// When true (the default), query words that name a topic also match the topic's other names.
    public var expand = true
    /// Passages on each side of every hit to return with it (``Hit/context``); 0 for none.
    public var context = 0
    /// When false (the default), hits from an article's wire copies are left out after the hits of
    /// the copy that ranks first (its hits name them in ``Hit/copies``); true returns every copy's hits.
    public var allCopies = false

    public init(
        query: SearchQuery?, filters: SearchFilters = SearchFilters(), limit: Int? = 10, offset: Int = 0,
        topics: [String] = [], categories: [String] = [], expand: Bool = true
    ) {
        self.query = query
        self.filters = filters
        self.limit = limit
        self.offset = offset
        self.topics = topics
        self.categories = categories
        self.expand = expand
    }
}

/// Restrictions on the articles a search looks in. All given filters must hold.
public struct SearchFilters: Sendable, Equatable {
    /// Articles dated on or after this day or time (ISO 8601 prefix, e.g. `2023-07`). Date filters
    /// use dates found in the articles themselves, never the file-time fallback.
    public var since: String?
    /// Articles dated on or before this day or time (ISO 8601 prefix; `2023-07` means to the end of July).
    public var until: String?
    /// Articles whose source is one of these (case-insensitive).
    public var sources: [String] = []
    /// Articles with a path matching this glob (`*`, `?`, `[...]`, as SQLite's GLOB).
    public var pathGlob: String?
    /// Articles in one of these languages (ISO 639-1 codes, lower case; see ``languages(parsing:)``).
    public var languages: [String] = []
    /// Articles stored by these index runs (``Searcher/newRuns()`` gives the last run's).
    public var runs: ClosedRange<Int64>?
    /// Only articles in a copy cluster (for counting the hits that folding copies leaves out).
    package var clusteredOnly = false

    public init(since: String? = nil, until: String? = nil, sources: [String] = [], pathGlob: String? = nil) {
        self.since = since
        self.until = until
        self.sources = sources
        self.pathGlob = pathGlob
    }

    /// True when no filter is set.
    public var isEmpty: Bool {
        since == nil && until == nil && sources.isEmpty && pathGlob == nil && runs == nil && languages.isEmpty && !clusteredOnly
    }

    /// The language codes in `values`, each a code or a comma-separated list (`uk,ru`), trimmed and
    /// lower-cased, without repeats.
    /// - throws: ``SearchError/unknownLanguage(_:)`` for a code that is not an ISO 639-1 code the
    ///   language detector knows.
    public static func languages(parsing values: [String]) throws -> [String] {
        var codes: [String] = []
        for value in values {
            for part in value.split(separator: ",", omittingEmptySubsequences: false) {
                let code = part.trimmingSpaces().lowercased()
                guard LanguageDetector.isKnown(code) else { throw SearchError.unknownLanguage(String(part.trimmingSpaces())) }
                if !codes.contains(code) { codes.append(code) }
            }
        }
        return codes
    }

    /// The SQL conditions (each starting with ` AND `) and their named bindings. Values are bound, never spliced.
    package func sqlClause(articleAlias a: String) -> (sql: String, bindings: [(String, any Bindable)]) {
        var sql = ""
        var bindings: [(String, any Bindable)] = []
        if since != nil || until != nil {
            sql += " AND \(a).date_source = 'content'"
        }
        if let since {
            sql += " AND \(a).date >= :since"
            bindings.append((":since", since))
        }
        if let until {
            // A prefix bound covers everything that starts with it: "2023-07" includes "2023-07-31T23:00Z".
            sql += " AND \(a).date < :until"
            bindings.append((":until", until + "\u{10FFFF}"))
        }
        if !sources.isEmpty {
            let names = sources.indices.map { ":source\($0)" }
            sql += " AND lower(\(a).source) IN (\(names.joined(separator: ", ")))"
            for (name, value) in zip(names, sources) { bindings.append((name, value.lowercased())) }
        }
        if !languages.isEmpty {
            let names = languages.indices.map { ":language\($0)" }
            sql += " AND \(a).language IN (\(names.joined(separator: ", ")))"
            for (name, value) in zip(names, languages) { bindings.append((name, value)) }
        }
        if let pathGlob {
            sql += " AND EXISTS (SELECT 1 FROM article_paths AS pf WHERE pf.article_id = \(a).id AND pf.path GLOB :pathglob)"
            bindings.append((":pathglob", pathGlob))
        }
        if let runs {
            sql += " AND \(a).run_id BETWEEN :run_first AND :run_last"
            bindings += [(":run_first", runs.lowerBound), (":run_last", runs.upperBound)]
        }
        if clusteredOnly { sql += " AND \(a).cluster_id IS NOT NULL" }
        return (sql, bindings)
    }
}
