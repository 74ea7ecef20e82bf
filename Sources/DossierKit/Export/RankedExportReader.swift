import DossierModel
import DossierSQLite
import DossierSearch

/// One row of a text-only export on its way from SQLite to the sink, passed between threads by
/// reference (one retain per hand-over instead of one per string of the hit).
final class ExportItem: @unchecked Sendable {
    private var slot: ExportedHit?
    /// The row (until ``take()``).
    var exported: ExportedHit {
        _read { yield slot! }
        _modify { yield &slot! }
    }
    /// FTS5's instances of the row (``FTS5Instances``) when its snippet is still to be made.
    var instances: [UInt8]?

    init(exported: ExportedHit, instances: [UInt8]?) {
        slot = exported
        self.instances = instances
    }

    /// Moves the row out (no copy of its strings, so no retains on this thread of what the
    /// reader's thread made); the item is spent after.
    func take() -> ExportedHit {
        slot.take()!
    }

    /// The export's order, `ORDER BY score DESC, a.path, p.ordinal`: SQLite compares text byte by byte.
    static func precedes(_ a: ExportItem, _ b: ExportItem) -> Bool {
        let x = a.exported.hit
        let y = b.exported.hit
        if x.score != y.score { return x.score > y.score }
        if x.path != y.path { return x.path.utf8.lexicographicallyPrecedes(y.path.utf8) }
        return x.passage < y.passage
    }
}

/// Reads the ranked rows of a text-only export from one connection: the ranked statement gives
/// the passage, its score, tags and (for snippets) FTS5's instances; the article's fields come from
/// a cache by article id, so they are read once per article instead of once per passage and
/// need not ride through SQLite's sorter.
final class RankedExportReader {
    private let rows: Statement
    private let articleOf: Statement
    private let pathsOf: Statement
    private let copiesOf: Statement
    private let ftsSnippetOf: Statement
    private let multiPath: Set<Int64>
    private let withInstances: Bool
    private let fts5Query: String
    private var articles: [Int64: Article] = [:]
    /// About what the cached articles take (their strings and the table's entries).
    private var cachedBytes = 0
    /// The cache is emptied past about this many bytes (as counted below; the heap takes about
    /// twice that), so memory stays flat on any index. Measured, every hit of "the": without a
    /// cache, peak RSS 47 MB at 20,000 articles and 53 MB at 100,000; caching every article (two
    /// readers) took 100,000 to 157 MB for 5% less time; with this budget, see README.
    static let cacheBudget = 4 << 20

    /// What the export writes of an article.
    private struct Article {
        var path: String
        var paths: [String]
        var title: String
        var metadata: ArticleMetadata
        var hash: String
        var copies: [String]
        var copyCount: Int
        var cluster: Int64?
    }

    /// The columns of the ranked statement, in order (after `FROM`: ``Searcher/rankedTextMatches(filter:)``).
    static func columns(score: String, instances: Bool) -> String {
        """
        f.rowid, \(score) AS score,
            (SELECT group_concat(topic_id, char(31)) FROM passage_topics WHERE passage_id = f.rowid),
            p.ordinal, p.start, p."end", p.text, a.id\(instances ? ", \(FTS5Instances.functionName)(passage_fts)" : ""), p.page
        """
    }

    /// - parameter rows: the ranked statement (``columns(score:instances:)``), bound.
    /// - parameter multiPath: the articles with more than one path (the others' only path is `articles.path`).
    init(db: Connection, rows: Statement, multiPath: Set<Int64>, withInstances: Bool, fts5Query: String) throws {
        self.rows = rows
        self.multiPath = multiPath
        self.withInstances = withInstances
        self.fts5Query = fts5Query
        articleOf = try db.prepare(
            "SELECT path, title, author, date, date_source, url, source, format, language, hash, cluster_id FROM articles WHERE id = ?")
        pathsOf = try db.prepare("SELECT path FROM article_paths WHERE article_id = ? ORDER BY path")
        copiesOf = try db.prepare(Searcher.copiesSQL)
        ftsSnippetOf = try db.prepare(
            "SELECT snippet(passage_fts, 0, char(57344), char(57345), '…', 24) FROM passage_fts WHERE passage_fts MATCH ? AND rowid = ?")
    }

    /// Steps the statement and emits each row (rank 0: the merge numbers them); stops when `emit` returns false.
    func run(_ emit: (ExportItem) -> Bool) throws {
        while try rows.step() {
            let passageID = rows.int64(0)
            let articleID = rows.int64(7)
            let article = try self.article(articleID)
            var snippet = ""
            var instances: [UInt8]? = nil
            if withInstances {
                if rows.bytes(6).contains(0) {
                    // The maker gives up on a NUL byte (sqlite3_mprintf stops there): FTS5 makes those.
                    try ftsSnippetOf.bind([fts5Query, passageID])
                    if try ftsSnippetOf.step() { snippet = Searcher.mergeAdjacentMatches(ftsSnippetOf.string(0)) }
                    ftsSnippetOf.reset()
                } else {
                    instances = Array(rows.bytes(8))
                }
            }
            var hit = Hit(
                rank: 0, score: rows.double(1), path: article.path, paths: article.paths, title: article.title,
                metadata: article.metadata, passage: rows.int(3), start: rows.int(4), end: rows.int(5),
                text: rows.string(6), snippet: snippet, topics: Searcher.sortedList(rows.bytes(2)))
            hit.copies = article.copies
            hit.copyCount = article.copyCount
            hit.copyCluster = article.cluster
            let pageColumn: Int32 = withInstances ? 9 : 8
            if !rows.isNull(pageColumn) { hit.page = rows.int(pageColumn) }
            let item = ExportItem(exported: ExportedHit(hit: hit, passageID: passageID, articleHash: article.hash), instances: instances)
            if !emit(item) { break }
        }
    }

    /// The article's fields, read on first use. The cache is emptied past ``cacheBudget`` bytes, so
    /// memory stays bounded on any index.
    private func article(_ id: Int64) throws -> Article {
        if let known = articles[id] { return known }
        try articleOf.bind([id])
        guard try articleOf.step() else {
            throw SQLiteError(code: 11, message: "passage of a missing article \(id)")
        }
        let path = articleOf.string(0)
        let paths = multiPath.contains(id) ? try Searcher.strings(pathsOf, id) : [path]
        let cluster = articleOf.isNull(10) ? nil : articleOf.int64(10)
        let copies = try cluster.map { try Searcher.copies(copiesOf, cluster: $0, article: id) } ?? (paths: [], count: 0)
        let article = Article(
            path: path, paths: paths, title: articleOf.string(1),
            metadata: ArticleMetadata(
                author: articleOf.optionalString(2), date: articleOf.optionalString(3), dateSource: articleOf.optionalString(4),
                url: articleOf.optionalString(5), source: articleOf.optionalString(6), format: articleOf.string(7),
                language: articleOf.optionalString(8)),
            hash: articleOf.string(9), copies: copies.paths, copyCount: copies.count, cluster: cluster)
        articleOf.reset()
        let m = article.metadata
        let bytes =
            256 + article.path.utf8.count + article.title.utf8.count + article.hash.utf8.count
            + article.paths.reduce(0) { $0 + 32 + $1.utf8.count } + article.copies.reduce(0) { $0 + 32 + $1.utf8.count }
            + [m.author, m.date, m.dateSource, m.url, m.source, m.language].reduce(m.format.utf8.count) { $0 + ($1?.utf8.count ?? 0) }
        if cachedBytes + bytes > Self.cacheBudget {
            articles.removeAll(keepingCapacity: true)
            cachedBytes = 0
        }
        articles[id] = article
        cachedBytes += bytes
        return article
    }
}
