import DossierIndex
import DossierModel
import DossierSQLite
import DossierTopics

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
/// var request = SearchRequest(query: try QueryParser().parse("Kyiv"))   // also finds "Kiev"
/// request.topics = ["cluster munitions"]
/// try searcher.search(request) { hit in print(hit.path, hit.topics); return true }
/// ```
public final class Searcher {
    package let db: Connection
    public let path: String
    public var ranking: RankingProfile
    /// How topics score (see ``TopicRanking``).
    public var topicRanking = TopicRanking.standard
    /// Whether top-k searches may take the fast paths (off in tests that compare them with the
    /// compiled plan).
    var fastPaths = true
    /// Statements of fixed SQL, prepared once and kept between searches (see ``cached(_:)``).
    private var statements: [String: Statement] = [:]

    /// The prepared statement for `sql`, reset and without bindings: prepared on first use and kept,
    /// so a search does not compile the same half-dozen statements every time. One user at a time:
    /// not for two cursors over the same SQL. ``resetCached()`` ends them all (a statement left
    /// stepping would hold its read snapshot open).
    func cached(_ sql: String) throws -> Statement {
        if let statement = statements[sql] {
            statement.reset()
            return statement
        }
        let statement = try db.prepare(sql, persistent: true)
        statements[sql] = statement
        return statement
    }

    private var snippetTokenizerChecked: Bool?
    /// Whether an export of every hit may rank on two connections (off in tests that compare it with one).
    package var parallelExport = true
    /// The fewest passages (by row id) an index has for an export to rank on two connections:
    /// below it, a second connection costs more than it saves (tests lower it).
    package var parallelExportMinimum: Int64 = 50_000
    /// How many connections the last text-only export ranked on (for tests).
    package var lastExportReaders = 0
    /// Whether ``FTS5Instances`` is registered on `db` (nil: not tried yet).
    package var instancesInstalled: Bool?

    /// True when the index was made with the tokenizer ``FTS5SnippetMaker`` reproduces (recorded in `meta`).
    package func madeWithSnippetTokenizer() throws -> Bool {
        if let snippetTokenizerChecked { return snippetTokenizerChecked }
        let same = try db.scalar("SELECT value FROM meta WHERE key = 'tokenizer'", as: String.self) == IndexSchema.tokenizer
        snippetTokenizerChecked = same
        return same
    }

    /// Resets every kept statement, releasing their read snapshots.
    func resetCached() {
        for statement in statements.values { statement.reset() }
    }

    /// Opens the index at `path` for reading.
    /// - throws: ``IndexError/missing(path:)`` when there is no file, or another ``IndexError``.
    /// - parameter memoryMapped: read the index through a memory map (faster top-k searches). Turn it
    ///   off for a scan of the whole index (an export), where mapped pages would only swell the
    ///   process's resident size.
    public init(path: String, ranking: RankingProfile = .standard, memoryMapped: Bool = true) throws {
        self.path = path
        self.ranking = ranking
        db = try IndexSchema.openForReading(path: path)
        do {
            // Read pages through a memory map and keep more of them: a query touching many pages then
            // costs no read() calls (measured: afghanistan on the 20k index, see README "Performance").
            if memoryMapped { try db.execute("PRAGMA mmap_size = 1073741824; PRAGMA cache_size = -65536") }
        } catch {
            throw IndexError.wrap(error, path: path)
        }
    }

    /// The lexicon the index's tags were made with (empty for an index without tags).
    /// - throws: ``IndexError`` when the stored lexicon cannot be read.
    public func lexicon() throws -> Lexicon {
        if let cachedMatcher { return cachedMatcher.lexicon }
        return try matcher().lexicon
    }

    /// SHA-256 of the lexicon the index's tags were made with, or nil for an index without tags.
    public func lexiconHash() throws -> String? {
        do {
            return try db.scalar("SELECT value FROM meta WHERE key = 'lexicon_hash'", as: String.self)
        } catch {
            throw IndexError.wrap(error, path: path)
        }
    }

    private var cachedMatcher: TopicMatcher?
    private var copyClustersKnown: Bool?

    /// True when some articles of the index are wire copies of others (``CopyClusters``).
    package func hasCopyClusters() throws -> Bool {
        if let copyClustersKnown { return copyClustersKnown }
        let found = try db.scalar("SELECT EXISTS(SELECT 1 FROM articles WHERE cluster_id IS NOT NULL)", as: Int.self) == 1
        copyClustersKnown = found
        return found
    }

    func matcher() throws -> TopicMatcher {
        if let cachedMatcher { return cachedMatcher }
        let stored: String?
        do {
            stored = try db.scalar("SELECT value FROM meta WHERE key = 'lexicon'", as: String.self)
        } catch {
            throw IndexError.wrap(error, path: path)
        }
        var lexicon = Lexicon(topics: [])
        if let stored {
            do {
                lexicon = try Lexicon(compact: stored, source: "\(path) (stored lexicon)")
            } catch {
                throw IndexError.storage(
                    path: path, message: "its stored lexicon is unreadable (\(error.errors.first?.message ?? "")); index again")
            }
        }
        let matcher = TopicMatcher(lexicon: lexicon)
        cachedMatcher = matcher
        return matcher
    }

    /// The plan `request` runs: its query with topic names expanded, and its topic filters.
    /// - throws: ``SearchError`` for an unknown topic or category.
    public func plan(_ request: SearchRequest) throws -> SearchPlan {
        try QueryExpander(matcher: matcher()).plan(request).deduplicated()
    }

    /// Calls `sink` with each hit of `request` in rank order, skipping `request.offset` hits and
    /// stopping after `request.limit` (nil: all) or when `sink` returns false. Returns the number of
    /// hits passed to `sink`.
    /// - throws: ``SearchError`` for a query SQLite rejects, ``IndexError`` for storage failures.
    @discardableResult
    public func search(_ request: SearchRequest, sink: (Hit) throws -> Bool) throws -> Int {
        try search(request, explaining: false) { hit, _ in try sink(hit) }
    }

    /// Like ``search(_:sink:)``, and with `explaining` also says for each hit which names matched
    /// where and how its score was made.
    @discardableResult
    public func search(_ request: SearchRequest, explaining: Bool, sink: (Hit, HitExplanation?) throws -> Bool) throws -> Int {
        try searchRows(request, explaining: explaining) { hit, explanation, _, _ in try sink(hit, explanation) }
    }

    /// The search loop, also giving each hit's passage row id and article id (for export): its
    /// stages are candidates (``HitCandidates``: ids and scores in rank order), hits (``HitReader``:
    /// the passage and its article), snippets (``SnippetSource``) and, when asked, explanations.
    package func searchRows(
        _ request: SearchRequest, explaining: Bool, sink: (Hit, HitExplanation?, _ passageID: Int64, _ articleID: Int64) throws -> Bool
    ) throws -> Int {
        let plan = try self.plan(request)
        let matcher = try self.matcher()
        do {
            return try db.readTransaction {
                defer { resetCached() }
                var candidates = try HitCandidates(plan, request: request, explaining: explaining, on: self)
                let reader = try HitReader(on: self)
                let snippets = try SnippetSource(plan, matcher: matcher, on: self)
                var emitted = 0
                while let (rowid, score) = try candidates.next() {
                    guard let record = try reader.read(rowid) else { continue }
                    let (snippet, names) = try snippets.snippet(rowid: rowid, text: record.text)
                    var hit = record.hit(rank: request.offset + emitted + 1, score: score, snippet: snippet)
                    if request.context > 0 { hit.context = try neighbours(of: record, context: request.context) }
                    let explanation = explaining ? candidates.explanation(score: score, names: names, ranking: topicRanking) : nil
                    emitted += 1
                    if try !sink(hit, explanation, rowid, record.articleID) { break }
                }
                return emitted
            }
        } catch {
            throw Self.wrap(error, path: path)
        }
    }

    /// The passages within `context` of `record`'s passage in its article, without it, in order.
    func neighbours(of record: HitReader.Record, context: Int) throws -> [Hit.Neighbour] {
        let statement = try cached(
            "SELECT ordinal, text FROM passages WHERE article_id = ? AND ordinal BETWEEN ? AND ? AND ordinal <> ? ORDER BY ordinal")
        try statement.bind([record.articleID, record.passage - context, record.passage + context, record.passage])
        defer { statement.reset() }
        var out: [Hit.Neighbour] = []
        while try statement.step() { out.append(Hit.Neighbour(passage: statement.int(0), text: statement.string(1))) }
        return out
    }

    /// Convenience: the hits of a plain query.
    @discardableResult
    public func search(_ query: SearchQuery, limit: Int?, offset: Int = 0, sink: (Hit) throws -> Bool) throws -> Int {
        try search(SearchRequest(query: query, limit: limit, offset: offset), sink: sink)
    }

    /// The number of passages that match `request` (ignoring its limit and offset): the number of
    /// hits ``search(_:sink:)`` returns without a limit. Unless the request asks for every copy,
    /// the hits that folding wire copies leaves out are not counted: they are found by ranking the
    /// hits of clustered articles only.
    public func count(_ request: SearchRequest) throws -> Int {
        let plan = try self.plan(request)
        do {
            return try db.readTransaction {
                defer { resetCached() }
                var folded = 0
                if var folding = try CopyCollapse(request, on: self) {
                    var clustered = request
                    (clustered.limit, clustered.offset, clustered.filters.clusteredOnly, clustered.allCopies) = (nil, 0, true, true)
                    var ranked = try HitCandidates(plan, request: clustered, explaining: false, on: self)
                    while let (rowid, _) = try ranked.next() {
                        if try !folding.keeps(rowid) { folded += 1 }
                    }
                }
                let compiled = try compile(plan, filters: request.filters, scoring: false)
                let statement = try db.prepare(
                    compiled.with + """
                        SELECT count(*) FROM matched AS c JOIN passages AS p ON p.id = c.id JOIN articles AS a ON a.id = p.article_id
                        WHERE 1\(compiled.filter)
                        """)
                try compiled.bind(statement)
                guard try statement.step() else { return 0 }
                return statement.int(0) - folded
            }
        } catch {
            throw Self.wrap(error, path: path)
        }
    }

    /// The number of passages that match `query`.
    public func count(_ query: SearchQuery) throws -> Int {
        try count(SearchRequest(query: query))
    }

    /// The topics whose names a hit's snippet highlights: those the plan asks for, and every topic
    /// of the categories it asks for.
    func highlightTopics(_ plan: SearchPlan, matcher: TopicMatcher) throws -> Set<String> {
        var ids = Set<String>()
        for leaf in plan.positiveLeaves {
            switch leaf {
            case .topic(let id, _): ids.insert(id)
            case .category(let name): ids.formUnion(matcher.lexicon.topics.filter { $0.category == name }.map(\.id))
            default: break
            }
        }
        return ids
    }

    /// Compiles a plan into SQL (see ``CompiledPlan``).
    func compile(_ plan: SearchPlan, filters: SearchFilters, scoring: Bool = true, explaining: Bool = false) throws -> CompiledPlan {
        var compiled = CompiledPlan(ranking: ranking, topicRanking: topicRanking, scoring: scoring, explaining: explaining)
        compiled.add(filters)
        var counted: Int?
        func rows() throws -> Int {  // counted once per plan
            if let counted { return counted }
            let n = try passageCount()
            counted = n
            return n
        }
        func idf(_ sql: String, _ value: String) throws -> Double {
            let hits = try db.scalar(sql, [value], as: Int.self) ?? 0
            return TopicRanking.idf(hits: hits, rows: try rows())
        }
        let having = try compiled.add(plan) { leaf in
            switch leaf {
            case .topic(let id, _): return TopicRanking.idf(hits: try topicPassageCount(id), rows: try rows())
            case .category(let name):
                return try idf(
                    "SELECT count(DISTINCT pt.passage_id) FROM passage_topics AS pt JOIN topics AS t ON t.id = pt.topic_id WHERE t.category = ?",
                    name)
            default: return 0
            }
        }
        compiled.having = having.replacingOccurrences(of: CompiledPlan.columnMark, with: "")
        return compiled
    }

    /// Joins highlights of neighbouring words: `[cluster] [munitions]` becomes `[cluster munitions]`.
    package static func mergeAdjacentMatches(_ snippet: String) -> String {
        guard snippet.unicodeScalars.contains("\u{E001}") else { return snippet }
        return mergeAdjacentMatches(utf8: Array(snippet.utf8))
    }

    /// ``mergeAdjacentMatches(_:)`` over UTF-8 bytes: a closing marker (EE 80 81), spaces, then an
    /// opening marker (EE 80 80) become the spaces alone.
    package static func mergeAdjacentMatches(utf8 bytes: [UInt8]) -> String {
        bytes.withUnsafeBufferPointer { source in
            String(unsafeUninitializedCapacity: source.count) { out in
                var o = 0
                var i = 0
                let n = source.count
                while i < n {
                    if i + 2 < n && source[i] == 0xEE && source[i + 1] == 0x80 && source[i + 2] == 0x81 {
                        var j = i + 3
                        while j < n && source[j] == 0x20 { j += 1 }
                        if j > i + 3 && j + 2 < n && source[j] == 0xEE && source[j + 1] == 0x80 && source[j + 2] == 0x80 {
                            for k in (i + 3)..<j {
                                out[o] = source[k]
                                o += 1
                            }
                            i = j + 3
                            continue
                        }
                    }
                    out[o] = source[i]
                    o += 1
                    i += 1
                }
                return o
            }
        }
    }

    package static func wrap(_ error: any Error, path: String) -> any Error {
        if let error = error as? SQLiteError, error.primaryCode == 1 {  // SQLITE_ERROR from MATCH: a query FTS5 rejects
            return SearchError.malformedQuery(
                reason: "the index cannot run this query", hint: "pass --literal to search the words as typed")
        }
        return IndexError.wrap(error, path: path)
    }
}
