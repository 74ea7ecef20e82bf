import DossierSQLite
import DossierTopics

/// Where a search's hits come from, in rank order: row ids and scores only, no text.
///
/// A query that names no topic, unfiltered and with a limit, ranks straight from FTS5's
/// `ORDER BY rank` with an exact early cut (`Searcher+Ranking.swift`); a plan made only of topics
/// ranks from the topics' weight-ordered tags (`Searcher+TopicRanking.swift`). Anything else, or a
/// search that explains its scores, runs as one ``CompiledPlan`` statement that ranks every match.
/// All three give the same hits, scores and order. Unless the request asks for every copy, hits of
/// wire copies are folded (``CopyCollapse``): the fast paths then rank a wider page until enough
/// hits are left, and the compiled plan's statement is stepped past the folded ones.
struct HitCandidates {
    /// Ranked in Swift by a fast path, already cut to the page asked for.
    private let ranked: [Searcher.Ranked]?
    private var index = 0
    /// Ranked by one compiled SQL statement, stepped hit by hit.
    private let compiled: (plan: CompiledPlan, statement: Statement)?
    /// Folds copies' hits out of the compiled plan's rows, then skips and cuts to the page.
    private var collapse: CopyCollapse?
    private var toSkip = 0
    private var left: Int?

    /// The candidates of `plan` for `request` on `searcher`'s connection (in its read transaction).
    init(_ plan: SearchPlan, request: SearchRequest, explaining: Bool, on searcher: Searcher) throws {
        var collapse = try CopyCollapse(request, on: searcher)
        if searcher.fastPaths, !explaining, request.filters.isEmpty, let limit = request.limit {
            func fast(limit: Int, offset: Int) throws -> [Searcher.Ranked]? {
                if let node = plan.textNode { return try searcher.rankedPassages(expression: node.fts5, limit: limit, offset: offset) }
                return try searcher.rankedTopicPassages(plan, limit: limit, offset: offset)
            }
            if var folding = collapse {
                // Rank a wider page until enough hits are left after folding (or there are no more).
                let wanted = request.offset + limit
                var window = wanted * 2 + 10
                while let page = try fast(limit: window, offset: 0) {
                    folding.restart()
                    let kept = try page.filter { try folding.keeps($0.rowid) }
                    if kept.count >= wanted || page.count < window {
                        (ranked, compiled) = (Array(kept.dropFirst(request.offset).prefix(limit)), nil)
                        return
                    }
                    // Wide enough at the rate hits were kept so far (with a margin), at least four times.
                    let rate = Double(max(kept.count, 1)) / Double(page.count)
                    window = max(window * 4, Int(Double(wanted) / rate * 1.5) + 10)
                }
            } else if let page = try fast(limit: limit, offset: request.offset) {
                (ranked, compiled) = (page, nil)
                return
            }
        }
        let compiledPlan = try searcher.compile(plan, filters: request.filters, explaining: explaining)
        let statement = try searcher.db.prepare(
            compiledPlan.with + """
                SELECT p.id, \(compiledPlan.score) AS score\(compiledPlan.columns)
                FROM matched AS c
                JOIN passages AS p ON p.id = c.id
                JOIN articles AS a ON a.id = p.article_id
                WHERE 1\(compiledPlan.filter)
                ORDER BY score DESC, a.path, p.ordinal
                LIMIT :limit OFFSET :offset
                """)
        try compiledPlan.bind(statement)
        if collapse != nil {
            // Every row, folded and cut here.
            try statement.bind(-1, named: ":limit")
            try statement.bind(0, named: ":offset")
            (toSkip, left) = (request.offset, request.limit)
        } else {
            try statement.bind(request.limit ?? -1, named: ":limit")
            try statement.bind(request.offset, named: ":offset")
        }
        self.collapse = collapse
        (ranked, compiled) = (nil, (compiledPlan, statement))
    }

    /// The next candidate's passage row id and score, or nil after the last.
    mutating func next() throws -> (rowid: Int64, score: Double)? {
        if let ranked {
            guard index < ranked.count else { return nil }
            defer { index += 1 }
            return (ranked[index].rowid, ranked[index].score)
        }
        guard let statement = compiled?.statement else { return nil }
        guard var folding = collapse else {
            guard try statement.step() else { return nil }
            return (statement.int64(0), statement.double(1))
        }
        defer { collapse = folding }
        while left != 0, try statement.step() {
            guard try folding.keeps(statement.int64(0)) else { continue }
            if toSkip > 0 {
                toSkip -= 1
                continue
            }
            left = left.map { $0 - 1 }
            return (statement.int64(0), statement.double(1))
        }
        return nil
    }

    /// How the current candidate's score was made (only from a compiled plan made to explain).
    func explanation(score: Double, names: [TopicMatcher.Match], ranking: TopicRanking) -> HitExplanation? {
        guard let compiled else { return nil }
        return compiled.plan.explain(compiled.statement, firstColumn: 2, score: score, names: names, ranking: ranking)
    }
}
