import DossierSQLite

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs queries against a Dossier index.
///
/// Ranking happens in one SQL statement that reads only ids and scores; snippets, text and metadata
/// are then fetched for the hits that are kept, so a query matching many passages does not build
/// snippets it throws away.
///
/// ```swift
/// let searcher = try Searcher(path: "dossier.db")
/// let query = try QueryParser().parse("cluster munitions")
/// try searcher.search(query, limit: 10) { hit in print(hit.path); return true }
/// ```
public final class Searcher {
    let db: Connection
    public let path: String
    public var ranking: RankingProfile

    /// Opens the index at `path` for reading.
    /// - throws: ``IndexError/missing(path:)`` when there is no file, or another ``IndexError``.
    public init(path: String, ranking: RankingProfile = .standard) throws {
        guard access(path, F_OK) == 0 else { throw IndexError.missing(path: path) }
        self.path = path
        self.ranking = ranking
        do {
            db = try Connection(path: path, mode: .readOnly)
            db.setBusyTimeout(milliseconds: 5000)
            try IndexSchema.check(db)
        } catch {
            throw IndexError.wrap(error, path: path)
        }
    }

    /// Calls `sink` with each hit of `request` in rank order, skipping `request.offset` hits and
    /// stopping after `request.limit` (nil: all) or when `sink` returns false. Returns the number of
    /// hits passed to `sink`.
    /// - throws: ``SearchError`` for a query SQLite rejects, ``IndexError`` for storage failures.
    @discardableResult
    public func search(_ request: SearchRequest, sink: (Hit) throws -> Bool) throws -> Int {
        let expression = request.query.expression
        let offset = request.offset
        do {
            return try db.readTransaction {
                let ranked = try rankedPassages(request)
                let details = try db.prepare(
                    """
                    SELECT snippet(passage_fts, 0, char(57344), char(57345), '…', 24),
                        p.ordinal, p.start, p."end", p.text, a.id, a.path, a.title, a.author, a.date, a.date_source,
                        a.url, a.source, a.format, a.language
                    FROM passage_fts JOIN passages AS p ON p.id = passage_fts.rowid JOIN articles AS a ON a.id = p.article_id
                    WHERE passage_fts MATCH :q AND passage_fts.rowid = :id
                    """)
                let pathsOf = try db.prepare("SELECT path FROM article_paths WHERE article_id = ? ORDER BY path")
                var emitted = 0
                for (rowid, score) in ranked.map({ ($0.rowid, $0.score) }) {
                    try details.bind(expression, named: ":q")
                    try details.bind(rowid, named: ":id")
                    guard try details.step() else { continue }
                    try pathsOf.bind([details.int64(5)])
                    var paths: [String] = []
                    while try pathsOf.step() { paths.append(pathsOf.string(0)) }
                    let metadata = ArticleMetadata(
                        author: details.optionalString(8), date: details.optionalString(9), dateSource: details.optionalString(10),
                        url: details.optionalString(11), source: details.optionalString(12), format: details.string(13),
                        language: details.optionalString(14))
                    let hit = Hit(
                        rank: offset + emitted + 1, score: score, path: details.string(6), paths: paths.isEmpty ? [details.string(6)] : paths,
                        title: details.string(7), metadata: metadata, passage: details.int(1), start: details.int(2),
                        end: details.int(3), text: details.string(4), snippet: Self.mergeAdjacentMatches(details.string(0)), topics: [])
                    details.reset()
                    emitted += 1
                    if try !sink(hit) { break }
                }
                return emitted
            }
        } catch {
            throw Self.wrap(error, path: path)
        }
    }

    /// Convenience: the hits of a plain query.
    @discardableResult
    public func search(_ query: SearchQuery, limit: Int?, offset: Int = 0, sink: (Hit) throws -> Bool) throws -> Int {
        try search(SearchRequest(query: query, limit: limit, offset: offset), sink: sink)
    }

    /// The number of passages that match `request` (ignoring its limit and offset).
    public func count(_ request: SearchRequest) throws -> Int {
        let filter = request.filters.sqlClause(articleAlias: "a")
        do {
            let sql = filter.sql.isEmpty
                ? "SELECT count(*) FROM passage_fts WHERE passage_fts MATCH :q"
                : """
                SELECT count(*) FROM passage_fts AS f JOIN passages AS p ON p.id = f.rowid JOIN articles AS a ON a.id = p.article_id
                WHERE passage_fts MATCH :q\(filter.sql)
                """
            let statement = try db.prepare(sql)
            try statement.bind(request.query.expression, named: ":q")
            for (name, value) in filter.bindings { try statement.bind(value, named: name) }
            guard try statement.step() else { return 0 }
            return statement.int(0)
        } catch {
            throw Self.wrap(error, path: path)
        }
    }

    /// The number of passages that match `query`.
    public func count(_ query: SearchQuery) throws -> Int {
        try count(SearchRequest(query: query))
    }

    /// Joins highlights of neighbouring words: `[cluster] [munitions]` becomes `[cluster munitions]`.
    static func mergeAdjacentMatches(_ snippet: String) -> String {
        guard snippet.unicodeScalars.contains("\u{E001}") else { return snippet }
        var out = String.UnicodeScalarView()
        let scalars = Array(snippet.unicodeScalars)
        var i = 0
        while i < scalars.count {
            if scalars[i] == "\u{E001}" {
                var j = i + 1
                while j < scalars.count, scalars[j] == " " { j += 1 }
                if j < scalars.count, j > i + 1, scalars[j] == "\u{E000}" {
                    out.append(contentsOf: scalars[(i + 1)..<j])
                    i = j + 1
                    continue
                }
            }
            out.append(scalars[i])
            i += 1
        }
        return String(out)
    }

    static func wrap(_ error: any Error, path: String) -> any Error {
        if let error = error as? SQLiteError, error.primaryCode == 1 {  // SQLITE_ERROR from MATCH: a query FTS5 rejects
            return SearchError.malformedQuery(reason: "the index cannot run this query", hint: "pass --literal to search the words as typed")
        }
        return IndexError.wrap(error, path: path)
    }
}
