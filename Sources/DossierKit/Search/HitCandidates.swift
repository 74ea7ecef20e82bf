import DossierSQLite
import DossierTopics

/// Where a search's hits come from, in rank order: row ids and scores only, no text.
///
/// A query that names no topic, unfiltered and with a limit, ranks straight from FTS5's
/// `ORDER BY rank` with an exact early cut (`Searcher+Ranking.swift`); a plan made only of topics
/// ranks from the topics' weight-ordered tags (`Searcher+TopicRanking.swift`). Anything else, or a
/// search that explains its scores, runs as one ``CompiledPlan`` statement that ranks every match.
/// All three give the same hits, scores and order.
struct HitCandidates {
    /// Ranked in Swift by a fast path, already cut to the page asked for.
    private let ranked: [Searcher.Ranked]?
    private var index = 0
    /// Ranked by one compiled SQL statement, stepped hit by hit.
    private let compiled: (plan: CompiledPlan, statement: Statement)?

    /// The candidates of `plan` for `request` on `searcher`'s connection (in its read transaction).
    init(_ plan: SearchPlan, request: SearchRequest, explaining: Bool, on searcher: Searcher) throws {
        if searcher.fastPaths, !explaining, request.filters.isEmpty, let limit = request.limit {
            let fast: [Searcher.Ranked]?
            if let node = plan.textNode {
                fast = try searcher.rankedPassages(expression: node.fts5, limit: limit, offset: request.offset)
            } else {
                fast = try searcher.rankedTopicPassages(plan, limit: limit, offset: request.offset)
            }
            if let fast {
                (ranked, compiled) = (fast, nil)
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
        try statement.bind(request.limit ?? -1, named: ":limit")
        try statement.bind(request.offset, named: ":offset")
        (ranked, compiled) = (nil, (compiledPlan, statement))
    }

    /// The next candidate's passage row id and score, or nil after the last.
    mutating func next() throws -> (rowid: Int64, score: Double)? {
        if let ranked {
            guard index < ranked.count else { return nil }
            defer { index += 1 }
            return (ranked[index].rowid, ranked[index].score)
        }
        guard let statement = compiled?.statement, try statement.step() else { return nil }
        return (statement.int64(0), statement.double(1))
    }

    /// How the current candidate's score was made (only from a compiled plan made to explain).
    func explanation(score: Double, names: [TopicMatcher.Match], ranking: TopicRanking) -> HitExplanation? {
        guard let compiled else { return nil }
        return compiled.plan.explain(compiled.statement, firstColumn: 2, score: score, names: names, ranking: ranking)
    }
}
