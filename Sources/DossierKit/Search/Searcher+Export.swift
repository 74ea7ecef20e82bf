import DossierSQLite

/// A hit as `export` sees it: the ``Hit`` plus the identities needed to dedupe rows and name documents.
public struct ExportedHit: Sendable {
    /// The hit, exactly as ``Searcher/search(_:sink:)`` would give it.
    public var hit: Hit
    /// The passage's row id in this index file (for deduplicating within one run; changes when the index is rebuilt).
    public var passageID: Int64
    /// The article's content hash (SHA-256 of title and text, see ``ContentHash``): stable across rebuilds.
    public var articleHash: String

    public init(hit: Hit, passageID: Int64, articleHash: String) {
        self.hit = hit
        self.passageID = passageID
        self.articleHash = articleHash
    }
}

extension Searcher {
    /// Streams every hit of `request` for export, in the same order and with the same values as
    /// ``search(_:sink:)``, but in one SQL statement: snippets are made while the matches are read,
    /// instead of by a second full-text lookup per hit. SQLite's sorter spills to a temporary file
    /// when the rows outgrow its cache, so memory stays flat however many hits there are.
    ///
    /// Use it when every hit is wanted; ``search(_:sink:)`` is faster for a top few. With `snippets`
    /// false, ``Hit/snippet`` is empty: FTS5's `snippet()` is most of the cost of a query that matches
    /// a word many times in every passage (about 70% for "the").
    /// - returns: the number of hits passed to `sink` (stops early when `sink` returns false).
    /// - throws: ``SearchError`` for a query SQLite rejects, ``IndexError`` for storage failures.
    @discardableResult
    public func exportHits(_ request: SearchRequest, snippets: Bool = true, sink: (ExportedHit) throws -> Bool) throws -> Int {
        let plan = try self.plan(request)
        guard plan.isTextOnly, let node = plan.textNode else {
            // Topics or categories: the searcher's own plan, so rows always equal `search --count`.
            return try exportThroughSearch(request, snippets: snippets, sink: sink)
        }
        let filter = request.filters.sqlClause(articleAlias: "a")
        // ORDER BY with any LIMIT makes SQLite keep the rows in a B-tree instead of its sorter:
        // measured 2-3 times slower for every hit of "the" in 20,000 articles. Slice only when asked.
        let sliced = request.limit != nil || request.offset > 0
        do {
            return try db.readTransaction {
                let rows = try db.prepare(
                    """
                    SELECT f.rowid, \(textScoreSQL) AS score,
                        \(snippets ? "snippet(passage_fts, 0, char(57344), char(57345), '…', 24)" : "''"),
                        p.ordinal, p.start, p."end", p.text, a.id, a.path, a.title, a.author, a.date, a.date_source,
                        a.url, a.source, a.format, a.language, a.hash
                    \(Self.rankedTextMatches(filter: filter.sql))\(sliced ? " LIMIT :limit OFFSET :offset" : "")
                    """)
                for (name, value) in ranking.sqlBindings { try rows.bind(value, named: name) }
                try rows.bind(node.fts5, named: ":q")
                if sliced {
                    try rows.bind(request.limit ?? -1, named: ":limit")
                    try rows.bind(request.offset, named: ":offset")
                }
                for (name, value) in filter.bindings { try rows.bind(value, named: name) }
                let pathsOf = try db.prepare("SELECT path FROM article_paths WHERE article_id = ? ORDER BY path")
                let topicsOf = try db.prepare("SELECT topic_id FROM passage_topics WHERE passage_id = ? ORDER BY topic_id")
                var emitted = 0
                while try rows.step() {
                    try topicsOf.bind([rows.int64(0)])
                    var topics: [String] = []
                    while try topicsOf.step() { topics.append(topicsOf.string(0)) }
                    try pathsOf.bind([rows.int64(7)])
                    var paths: [String] = []
                    while try pathsOf.step() { paths.append(pathsOf.string(0)) }
                    let path = rows.string(8)
                    let metadata = ArticleMetadata(
                        author: rows.optionalString(10), date: rows.optionalString(11), dateSource: rows.optionalString(12),
                        url: rows.optionalString(13), source: rows.optionalString(14), format: rows.string(15),
                        language: rows.optionalString(16))
                    let hit = Hit(
                        rank: request.offset + emitted + 1, score: rows.double(1), path: path, paths: paths.isEmpty ? [path] : paths,
                        title: rows.string(9), metadata: metadata, passage: rows.int(3), start: rows.int(4), end: rows.int(5),
                        text: rows.string(6), snippet: Self.mergeAdjacentMatches(rows.string(2)), topics: topics)
                    emitted += 1
                    if try !sink(ExportedHit(hit: hit, passageID: rows.int64(0), articleHash: rows.string(17))) { break }
                }
                return emitted
            }
        } catch {
            throw Self.wrap(error, path: path)
        }
    }

    /// Calls `body` with the passage row id of each hit of `request`, in rank order, honouring its
    /// limit and offset. Reads no text: this is the cheap first pass of a deduplicating export.
    /// - returns: the number of ids passed to `body`.
    /// - throws: ``SearchError`` or ``IndexError``.
    @discardableResult
    public func passageIDs(_ request: SearchRequest, body: (Int64) throws -> Void) throws -> Int {
        let plan = try self.plan(request)
        guard plan.isTextOnly, let node = plan.textNode else {
            return try searchRows(request, explaining: false) { _, _, passageID, _ in
                try body(passageID)
                return true
            }
        }
        let filter = request.filters.sqlClause(articleAlias: "a")
        let ranked = request.limit != nil || request.offset > 0
        do {
            return try db.readTransaction {
                // Without a limit the order does not matter, and neither does the title score.
                let statement = try db.prepare(
                    ranked
                        ? """
                        SELECT f.rowid, \(textScoreSQL) AS score
                        \(Self.rankedTextMatches(filter: filter.sql))
                        LIMIT :limit OFFSET :offset
                        """
                        : """
                        SELECT f.rowid FROM passage_fts AS f
                        JOIN passages AS p ON p.id = f.rowid
                        JOIN articles AS a ON a.id = p.article_id
                        WHERE passage_fts MATCH :q\(filter.sql)
                        """)
                if ranked {
                    for (name, value) in ranking.sqlBindings { try statement.bind(value, named: name) }
                    try statement.bind(request.limit ?? -1, named: ":limit")
                    try statement.bind(request.offset, named: ":offset")
                }
                try statement.bind(node.fts5, named: ":q")
                for (name, value) in filter.bindings { try statement.bind(value, named: name) }
                var count = 0
                while try statement.step() {
                    try body(statement.int64(0))
                    count += 1
                }
                return count
            }
        } catch {
            throw Self.wrap(error, path: path)
        }
    }

    /// Export rows from the searcher's compiled plan (used when the query involves topics).
    func exportThroughSearch(_ request: SearchRequest, snippets: Bool, sink: (ExportedHit) throws -> Bool) throws -> Int {
        let hashOf = try db.prepare("SELECT hash FROM articles WHERE id = ?")
        return try searchRows(request, explaining: false) { hit, _, passageID, articleID in
            try hashOf.bind([articleID])
            let hash = try hashOf.step() ? hashOf.string(0) : ""
            hashOf.reset()
            var hit = hit
            if !snippets { hit.snippet = "" }
            return try sink(ExportedHit(hit: hit, passageID: passageID, articleHash: hash))
        }
    }

    /// The score of a text-only hit: bm25 of the passage plus the capped title bonus (as the
    /// compiled plan and the ranked fast path compute it).
    var textScoreSQL: String { "-bm25(passage_fts) + " + ranking.titleBonusSQL("t.s") }

    /// The passages matching `:q` with their article and title score, filtered and in rank order.
    static func rankedTextMatches(filter: String) -> String {
        """
        FROM passage_fts AS f
        JOIN passages AS p ON p.id = f.rowid
        JOIN articles AS a ON a.id = p.article_id
        LEFT JOIN (SELECT rowid AS id, -bm25(title_fts) AS s FROM title_fts WHERE title_fts MATCH :q) AS t
            ON t.id = p.article_id
        WHERE passage_fts MATCH :q\(filter)
        ORDER BY score DESC, a.path, p.ordinal
        """
    }
}
