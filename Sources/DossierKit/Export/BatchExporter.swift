import DossierSearch

/// Runs many queries and writes every hit of each, in order, through one ``ExportRowWriter``.
///
/// Queries run in file order; within a query rows are in rank order (the order of `dossier search`).
/// Each query's hits stream from SQLite to the writer one at a time, so memory does not grow with
/// the number of hits.
///
/// With ``Options/dedupe`` a passage is written once, under the first query (in file order) that
/// hit it, with the ids of every query that hit it. That needs to know, before writing a passage,
/// which later queries hit it too, so a deduplicating export makes two passes: the first reads only
/// the matching passages' row ids (no text) into a table of integers, about 40–60 bytes per
/// distinct passage (some 10 MB for 200,000 passages); the second streams the rows. Without dedupe
/// there is one pass and no table.
///
/// ```swift
/// let exporter = BatchExporter(searcher: try Searcher(path: "dossier.db"))
/// let queries = try exporter.prepare(QueryFile.read(path: "weekly.txt"))
/// let summary = try exporter.run(queries, writer: ExportRowWriters.make(.csv, sink: FileDescriptorSink(), dedupe: false))
/// summary.rows
/// ```
public final class BatchExporter {
    /// How an export selects rows.
    public struct Options: Sendable, Equatable {
        /// At most this many rows per query, its best first; nil for all.
        public var limitPerQuery: Int?
        /// Write each passage once across queries.
        public var dedupe: Bool
        /// How query text is read (``QueryParser/Mode``).
        public var mode: QueryParser.Mode
        /// Make snippets (the `snippet` column). Off, the column is empty and an export is faster
        /// (see ``Searcher/exportHits(_:snippets:sink:)``).
        public var snippets: Bool
        /// Only articles stored by these index runs, for every query (`export --new`).
        public var runs: ClosedRange<Int64>?
        /// Write every wire copy's rows (by default a copy's rows fold into the copy ranked first).
        public var allCopies: Bool

        public init(
            limitPerQuery: Int? = nil, dedupe: Bool = false, mode: QueryParser.Mode = .syntax, snippets: Bool = true,
            runs: ClosedRange<Int64>? = nil, allCopies: Bool = false
        ) {
            self.allCopies = allCopies
            self.limitPerQuery = limitPerQuery
            self.dedupe = dedupe
            self.mode = mode
            self.snippets = snippets
            self.runs = runs
        }
    }

    /// A query ready to run: its spec and the search request made from it.
    public struct Query: Sendable {
        /// The query as written.
        public var spec: QuerySpec
        /// The parsed query, its filters, and the per-query limit.
        public var request: SearchRequest
    }

    /// What one query produced.
    public struct Outcome: Sendable, Equatable {
        /// The query.
        public var spec: QuerySpec
        /// Passages matching the query: what `dossier search QUERY --count` prints.
        public var matches: Int
        /// Rows written for the query (fewer than ``matches`` with a limit or dedupe).
        public var rows: Int
    }

    /// Where an export is, for progress displays.
    public struct Progress: Sendable {
        /// Queries finished.
        public var queriesDone: Int
        /// Queries in the export.
        public var queriesTotal: Int
        /// Rows written so far, all queries together.
        public var rows: Int
        /// Seconds since the export started.
        public var elapsed: Double
    }

    public let searcher: Searcher
    public let options: Options

    public init(searcher: Searcher, options: Options = Options()) {
        self.searcher = searcher
        self.options = options
    }

    /// Parses every query before anything runs, so a bad one is reported before output is written.
    /// An unknown topic or category is reported here too, with the entry's line.
    /// - throws: ``ExportError/invalidQuery(id:line:reason:)``.
    public func prepare(_ specs: [QuerySpec]) throws -> [Query] {
        let parser = QueryParser(mode: options.mode)
        return try specs.map { spec in
            var request = try Self.request(for: spec, parser: parser, limit: options.limitPerQuery)
            request.filters.runs = options.runs
            request.allCopies = options.allCopies
            do {
                _ = try searcher.plan(request)
            } catch let error as SearchError {
                throw ExportError.invalidQuery(id: spec.id, line: spec.line, reason: error.description)
            }
            return Query(spec: spec, request: request)
        }
    }

    /// The search request of a spec: its query (optional when a topic or category is given), its
    /// topic and category filters, and its metadata filters, exactly as `dossier search` builds them.
    static func request(for spec: QuerySpec, parser: QueryParser, limit: Int?, expand: Bool = true) throws -> SearchRequest {
        let topics = spec.topic.map { [$0] } ?? []
        let categories = spec.category.map { [$0] } ?? []
        var query: SearchQuery? = nil
        if let text = spec.query {
            do {
                query = try parser.parse(text)
            } catch let error as SearchError {
                throw ExportError.invalidQuery(id: spec.id, line: spec.line, reason: error.description)
            }
        } else if topics.isEmpty && categories.isEmpty {
            throw ExportError.invalidQuery(id: spec.id, line: spec.line, reason: "no query, topic or category")
        }
        var filters = SearchFilters(since: spec.since, until: spec.until, sources: spec.sources)
        filters.languages = spec.languages
        return SearchRequest(
            query: query, filters: filters, limit: limit, offset: 0, topics: topics, categories: categories, expand: expand)
    }

    /// Runs `queries` in order and writes their rows, then finishes the writer.
    ///
    /// `progress` is called after each query and every 1,000 rows.
    /// - returns: one ``Outcome`` per query, in order.
    /// - throws: ``SearchError``, ``IndexError``, or the writer's errors (``OutputError``, ``ExportError``).
    public func run(_ queries: [Query], writer: any ExportRowWriter, progress: ((Progress) -> Void)? = nil) throws -> [Outcome] {
        let clock = ContinuousClock()
        let started = clock.now
        var rows = 0
        func report(_ done: Int) {
            guard let progress else { return }
            let elapsed = started.duration(to: clock.now).components
            progress(
                Progress(
                    queriesDone: done, queriesTotal: queries.count, rows: rows,
                    elapsed: Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18))
        }
        let owners = options.dedupe ? try firstPass(queries) : nil
        var outcomes: [Outcome] = []
        outcomes.reserveCapacity(queries.count)
        for (index, query) in queries.enumerated() {
            // Without a limit or dedupe every match is written, so the count is the rows written
            // (tests hold export rows equal to `search --count`); counting first would cost a
            // second full-text pass.
            let everyMatch = query.request.limit == nil && query.request.offset == 0 && owners == nil
            let counted = everyMatch ? nil : try searcher.count(query.request)
            var written = 0
            let label = query.spec.label
            try searcher.exportHits(query.request, snippets: options.snippets) { exported in
                var queryIDs: [String]? = nil
                if let owners {
                    guard let ids = owners.queryIndices(of: exported.passageID), ids.first == Int32(index) else { return true }
                    queryIDs = ids.map { queries[Int($0)].spec.id }
                }
                try writer.write(ExportRow(queryID: query.spec.id, query: label, queryIDs: queryIDs, hit: exported))
                written += 1
                rows += 1
                if rows % 1000 == 0 { report(index) }
                return true
            }
            outcomes.append(Outcome(spec: query.spec, matches: counted ?? written, rows: written))
            report(index + 1)
        }
        try writer.finish()
        return outcomes
    }

    /// For dedupe: which queries hit each passage, as integers only.
    private func firstPass(_ queries: [Query]) throws -> PassageOwners {
        var owners = PassageOwners()
        for (index, query) in queries.enumerated() {
            try searcher.passageIDs(query.request) { owners.add(passage: $0, query: Int32(index)) }
        }
        return owners
    }
}

/// Passage row id → the indices of the queries that hit it, in query order. Most passages are hit
/// by one query, so the first index is kept inline and only the others in a second table.
struct PassageOwners {
    private var first: [Int64: Int32] = [:]
    private var others: [Int64: [Int32]] = [:]

    mutating func add(passage: Int64, query: Int32) {
        if first[passage] == nil {
            first[passage] = query
        } else {
            others[passage, default: []].append(query)
        }
    }

    func queryIndices(of passage: Int64) -> [Int32]? {
        guard let head = first[passage] else { return nil }
        return [head] + (others[passage] ?? [])
    }
}
