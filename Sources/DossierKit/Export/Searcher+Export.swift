import DossierIndex
import DossierModel
import DossierSQLite
import DossierSearch
import DossierSupport
import Foundation

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
    /// ``search(_:sink:)``, but in one ranked SQL statement instead of a second full-text lookup per
    /// hit. SQLite's sorter spills to a temporary file when the rows outgrow its cache, so memory
    /// stays flat however many hits there are.
    ///
    /// Snippets are FTS5's `snippet()`, byte for byte, for any query shape: made in Swift by
    /// ``FTS5SnippetMaker`` from FTS5's own phrase instances (``FTS5Instances``, read in the ranked
    /// statement) and the passage's token boundaries; by FTS5 in the statement only over an index
    /// made with another tokenizer. Rows are read, and snippets made, on other threads while `sink`
    /// runs on the calling one.
    ///
    /// Use it when every hit is wanted; ``search(_:sink:)`` is faster for a top few. With `snippets`
    /// false, ``Hit/snippet`` is empty.
    /// - returns: the number of hits passed to `sink` (stops early when `sink` returns false).
    /// - throws: ``SearchError`` for a query SQLite rejects, ``IndexError`` for storage failures.
    ///
    /// Unless the request asks for every copy, the hits of wire copies are folded as ``search(_:sink:)``
    /// folds them (the first copy met in rank order is kept).
    @discardableResult
    public func exportHits(_ request: SearchRequest, snippets: Bool = true, sink: (consuming ExportedHit) throws -> Bool) throws -> Int {
        let plan = try self.plan(request)
        guard plan.isTextOnly, let node = plan.textNode else {
            // Topics or categories: the searcher's own plan, so rows always equal `search --count`.
            return try exportThroughSearch(request, snippets: snippets, sink: sink)
        }
        guard try request.allCopies || !hasCopyClusters() else {
            // Every row ranked, the copies' rows left out here, then the slice asked for.
            var every = request
            (every.allCopies, every.limit, every.offset) = (true, nil, 0)
            var shown: [Int64: String] = [:]  // cluster -> article hash kept
            var skipped = 0
            var emitted = 0
            _ = try exportText(every, plan: plan, node: node, snippets: snippets) { (exported: consuming ExportedHit) in
                var exported = exported
                if let cluster = exported.hit.copyCluster {
                    if let kept = shown[cluster] {
                        guard kept == exported.articleHash else { return true }
                    } else {
                        shown[cluster] = exported.articleHash
                    }
                }
                if skipped < request.offset {
                    skipped += 1
                    return true
                }
                emitted += 1
                exported.hit.rank = request.offset + emitted
                guard try sink(exported) else { return false }
                return request.limit.map { emitted < $0 } ?? true
            }
            return emitted
        }
        return try exportText(request, plan: plan, node: node, snippets: snippets, sink: sink)
    }

    /// ``exportHits(_:snippets:sink:)`` of a text-only plan, every copy's rows included.
    private func exportText(
        _ request: SearchRequest, plan: SearchPlan, node: QueryNode, snippets: Bool, sink: (consuming ExportedHit) throws -> Bool
    ) throws -> Int {
        let filter = request.filters.sqlClause(articleAlias: "a")
        // ORDER BY with any LIMIT makes SQLite keep the rows in a B-tree instead of its sorter:
        // measured 2-3 times slower for every hit of "the" in 20,000 articles. Slice only when asked.
        let sliced = request.limit != nil || request.offset > 0
        do {
            // Snippets made in Swift exactly as FTS5 makes them, from FTS5's own instances
            // (``FTS5Instances``), so any query shape is exact. Only over an index made with the
            // tokenizer the maker uses (recorded in `meta`).
            let maker =
                try snippets && madeWithSnippetTokenizer() && installInstances()
                ? FTS5SnippetMaker(connection: db, tokenizer: IndexSchema.tokenizer) : nil
            let inSwift = !snippets || maker != nil
            // A second connection ranks half the rows when there are enough to be worth it.
            let snapshot =
                inSwift && !sliced && parallelExport ? try SharedSnapshot(path: path, minimumPassages: parallelExportMinimum) : nil
            // Every row is computed and sorted before the first comes out: without a second
            // connection, let SQLite's sorter use more cores (measured for every hit of "the" in
            // 20k articles: 0.69 s -> 0.45 s for the statement alone).
            let cores = min(8, max(1, ProcessInfo.processInfo.activeProcessorCount))
            try db.execute("PRAGMA threads = \(snapshot == nil ? cores : 0)")
            return try db.readTransaction {
                if inSwift {
                    let partner = try snapshot?.join(db) { partner in
                        try FTS5Instances.install(on: partner)
                        try partner.execute("PRAGMA threads = 0")
                    }
                    defer { snapshot?.end() }
                    return try exportWithoutFTSSnippets(
                        request, node: node, filter: filter, sliced: sliced, maker: maker, partner: partner, sink: sink)
                }
                return try exportInOneStatement(request, node: node, filter: filter, sliced: sliced, sink: sink)
            }
        } catch {
            throw Self.wrap(error, path: path)
        }
    }

    /// Registers ``FTS5Instances`` on the connection, once; false if FTS5 refuses it.
    func installInstances() -> Bool {
        if let instancesInstalled { return instancesInstalled }
        let installed = (try? FTS5Instances.install(on: db)) != nil
        instancesInstalled = installed
        return installed
    }

    /// The ranked hits of a text-only query, with FTS5's snippet() made in the statement.
    private func exportInOneStatement(
        _ request: SearchRequest, node: QueryNode, filter: (sql: String, bindings: [(String, any Bindable)]),
        sliced: Bool, sink: (consuming ExportedHit) throws -> Bool
    ) throws -> Int {
        let rows = try db.prepare(
            """
            SELECT f.rowid, \(textScoreSQL) AS score,
                snippet(passage_fts, 0, char(57344), char(57345), '…', 24),
                p.ordinal, p.start, p."end", p.text, a.id, a.path, a.title, a.author, a.date, a.date_source,
                a.url, a.source, a.format, a.language, a.hash, a.cluster_id, p.page
            \(Self.rankedTextMatches(filter: filter.sql))\(sliced ? " LIMIT :limit OFFSET :offset" : "")
            """)
        try bindRanked(rows, request: request, node: node, filter: filter, sliced: sliced)
        let pathsOf = try db.prepare("SELECT path FROM article_paths WHERE article_id = ? ORDER BY path")
        let topicsOf = try db.prepare("SELECT topic_id FROM passage_topics WHERE passage_id = ? ORDER BY topic_id")
        let copiesOf = try db.prepare(Self.copiesSQL)
        var emitted = 0
        while try rows.step() {
            let topics = try Self.strings(topicsOf, rows.int64(0))
            let paths = try Self.strings(pathsOf, rows.int64(7))
            let path = rows.string(8)
            let metadata = ArticleMetadata(
                author: rows.optionalString(10), date: rows.optionalString(11), dateSource: rows.optionalString(12),
                url: rows.optionalString(13), source: rows.optionalString(14), format: rows.string(15),
                language: rows.optionalString(16))
            var hit = Hit(
                rank: request.offset + emitted + 1, score: rows.double(1), path: path, paths: paths.isEmpty ? [path] : paths,
                title: rows.string(9), metadata: metadata, passage: rows.int(3), start: rows.int(4), end: rows.int(5),
                text: rows.string(6), snippet: Self.mergeAdjacentMatches(rows.string(2)), topics: topics)
            if !rows.isNull(19) { hit.page = rows.int(19) }
            if !rows.isNull(18) {
                hit.copyCluster = rows.int64(18)
                (hit.copies, hit.copyCount) = try Self.copies(copiesOf, cluster: rows.int64(18), article: rows.int64(7))
            }
            emitted += 1
            if try !sink(ExportedHit(hit: hit, passageID: rows.int64(0), articleHash: rows.string(17))) { break }
        }
        return emitted
    }

    /// The ranked hits of a text-only query, with the snippet made by `maker` (empty without one).
    ///
    /// The ranked statement reads the passage, its score, its tags (joined with U+001F by a
    /// subquery, which runs in row id order before the sort, so its pages are read in order instead
    /// of once per row at random) and FTS5's instances for the snippet; ``RankedExportReader``
    /// adds the article's fields from a cache. With `partner` (a second connection on the same
    /// snapshot), each connection ranks half of the row ids on a thread of its own and the two
    /// ranked streams are merged: SQLite computes and sorts every row before the first comes out,
    /// and that is the largest serial part of an export. Then the snippets are made on one more
    /// thread, and the caller's sink (formatting, hashing, writing) runs on this one.
    private func exportWithoutFTSSnippets(
        _ request: SearchRequest, node: QueryNode, filter: (sql: String, bindings: [(String, any Bindable)]),
        sliced: Bool, maker: FTS5SnippetMaker?, partner: Connection?, sink: (consuming ExportedHit) throws -> Bool
    ) throws -> Int {
        var maker = maker
        var multiPath = Set<Int64>()
        let multiPathArticles = try db.prepare("SELECT article_id FROM article_paths GROUP BY article_id HAVING count(*) > 1")
        while try multiPathArticles.step() { multiPath.insert(multiPathArticles.int64(0)) }
        let columns = RankedExportReader.columns(score: textScoreSQL, instances: maker != nil)
        var readers: [RankedExportReader] = []
        let bounds = try db.prepare("SELECT min(id), max(id) FROM passages")
        let range = try bounds.step() && !bounds.isNull(0) ? (bounds.int64(0), bounds.int64(1)) : nil
        if let partner, !sliced, let (low, high) = range {
            // Two halves of the row ids, one per connection.
            let middle = low + (high - low) / 2
            for (connection, range) in [(db, (low, middle)), (partner, (middle + 1, high))] {
                let rows = try connection.prepare(
                    "SELECT \(columns) \(Self.rankedTextMatches(filter: filter.sql + " AND f.rowid BETWEEN :low AND :high"))")
                try bindRanked(rows, request: request, node: node, filter: filter, sliced: false)
                try rows.bind(range.0, named: ":low")
                try rows.bind(range.1, named: ":high")
                readers.append(
                    try RankedExportReader(
                        db: connection, rows: rows, multiPath: multiPath, withInstances: maker != nil, fts5Query: node.fts5))
            }
        } else {
            let rows = try db.prepare(
                "SELECT \(columns) \(Self.rankedTextMatches(filter: filter.sql))\(sliced ? " LIMIT :limit OFFSET :offset" : "")")
            try bindRanked(rows, request: request, node: node, filter: filter, sliced: sliced)
            readers.append(
                try RankedExportReader(db: db, rows: rows, multiPath: multiPath, withInstances: maker != nil, fts5Query: node.fts5))
        }
        lastExportReaders = readers.count
        var emitted = 0
        var snippetBytes: [UInt8] = []
        snippetBytes.reserveCapacity(1024)
        let path = self.path
        try RowPipeline.run(
            produce: { (emit: (ExportItem) -> Bool) in
                try RowPipeline.merge(producers: readers.map { reader in { try reader.run($0) } }, precedes: ExportItem.precedes) { item in
                    if let instances = item.instances {
                        snippetBytes.removeAll(keepingCapacity: true)
                        var text = item.exported.hit.text
                        let made = text.withUTF8 { text in
                            instances.withUnsafeBytes { maker!.snippet(of: text, instances: $0, into: &snippetBytes) }
                        }
                        // Only a passage whose text is not what FTS5 indexed (`dossier check` reports it) has no snippet.
                        guard made else {
                            throw IndexError.wrap(
                                SQLiteError(code: 1, message: "no snippet for passage \(item.exported.passageID)"), path: path)
                        }
                        item.exported.hit.snippet = Self.mergeAdjacentMatches(utf8: snippetBytes)
                        item.instances = nil
                    }
                    return emit(item)
                }
            },
            consume: { item in
                emitted += 1
                item.exported.hit.rank = request.offset + emitted
                return try sink(item.take())
            })
        return emitted
    }

    /// The items of a U+001F-joined list, in byte order (SQLite's `ORDER BY` of text).
    static func sortedList(_ bytes: UnsafeBufferPointer<UInt8>) -> [String] {
        guard !bytes.isEmpty else { return [] }
        var items = bytes.split(separator: 0x1F, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        if items.count > 1 { items.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) } }
        return items
    }

    /// Binds the ranking weights, the query, the slice and the filters of a ranked statement.
    private func bindRanked(
        _ statement: Statement, request: SearchRequest, node: QueryNode,
        filter: (sql: String, bindings: [(String, any Bindable)]), sliced: Bool
    ) throws {
        for (name, value) in ranking.sqlBindings { try statement.bind(value, named: name) }
        try statement.bind(node.fts5, named: ":q")
        if sliced {
            try statement.bind(request.limit ?? -1, named: ":limit")
            try statement.bind(request.offset, named: ":offset")
        }
        for (name, value) in filter.bindings { try statement.bind(value, named: name) }
    }

    /// The first column of every row of `statement` run with `id`.
    static func strings(_ statement: Statement, _ id: Int64) throws -> [String] {
        try statement.bind([id])
        var out: [String] = []
        while try statement.step() { out.append(statement.string(0)) }
        return out
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
        // Folding copies needs the rank order, and each row's article and cluster.
        var folding = try CopyCollapse(request, on: self)
        let ranked = request.limit != nil || request.offset > 0 || folding != nil
        do {
            return try db.readTransaction {
                // Without a limit the order does not matter, and neither does the title score.
                let statement = try db.prepare(
                    ranked
                        ? """
                        SELECT f.rowid, \(textScoreSQL) AS score, p.article_id, a.cluster_id
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
                    try statement.bind(folding == nil ? request.limit ?? -1 : -1, named: ":limit")
                    try statement.bind(folding == nil ? request.offset : 0, named: ":offset")
                }
                try statement.bind(node.fts5, named: ":q")
                for (name, value) in filter.bindings { try statement.bind(value, named: name) }
                var count = 0
                var skipped = 0
                while try statement.step() {
                    if folding != nil {
                        if !statement.isNull(3), !folding!.keeps(article: statement.int64(2), cluster: statement.int64(3)) { continue }
                        if skipped < request.offset {
                            skipped += 1
                            continue
                        }
                        if let limit = request.limit, count >= limit { break }
                    }
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
    func exportThroughSearch(_ request: SearchRequest, snippets: Bool, sink: (consuming ExportedHit) throws -> Bool) throws -> Int {
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

    /// The score of a text-only hit: bm25 of the passage plus the capped title bonus, times the
    /// short-passage factor (as the compiled plan and the ranked fast path compute it).
    var textScoreSQL: String {
        ranking.lengthFactorSQL(ShortPassage.lengthColumn) + " * (-bm25(passage_fts) + " + ranking.titleBonusSQL("t.s") + ")"
    }

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
