import DossierSQLite
import DossierTopics

extension Searcher {
    /// The ids and scores of the top hits of a plan made only of topics (one topic, or an AND or OR
    /// of topics), in rank order after `offset` and `limit`; nil for any other plan.
    ///
    /// Under the standard weights a topic's score in a passage is `idf × weight`, and the index keeps
    /// each topic's passages ordered by weight (`passage_topics` is keyed by topic, weight
    /// descending). So the best passages are read first, and Fagin's threshold algorithm stops as
    /// soon as no passage not yet read can reach the top `offset + limit`: each topic's list is read
    /// in turn, a new passage's other weights are looked up by its id, and the bound is the sum of
    /// the weights last read. The cut is exact, ties included, and scores are summed in the
    /// compiled plan's order, so hits and scores equal ``CompiledPlan``'s: a query naming a topic
    /// tagged in half the index reads a few dozen rows instead of all of them.
    func rankedTopicPassages(_ plan: SearchPlan, limit: Int, offset: Int) throws -> [Ranked]? {
        guard topicRanking == .standard else { return nil }
        let ids: [String]
        let everyTopic: Bool  // AND (a hit names every topic) or OR (any)
        switch plan {
        case .topic(let id, _):
            (ids, everyTopic) = ([id], true)
        case .and(let nodes):
            guard let topics = Self.topicIDs(nodes) else { return nil }
            (ids, everyTopic) = (topics, true)
        case .or(let nodes):
            guard let topics = Self.topicIDs(nodes) else { return nil }
            (ids, everyTopic) = (topics, false)
        default:
            return nil
        }
        let need = offset + limit
        if need == 0 { return [] }
        guard Set(ids).count == ids.count else { return nil }

        let rows = try passageCount()
        let idfs = try ids.map { TopicRanking.idf(hits: try topicPassageCount($0), rows: rows) }
        if ids.count == 1 { return try rankedSingleTopic(ids[0], idf: idfs[0], limit: limit, offset: offset) }
        let cursors = try ids.map { id in
            let cursor = try db.prepare("SELECT passage_id, weight FROM passage_topics WHERE topic_id = ? ORDER BY weight DESC, passage_id")
            try cursor.bind([id])
            return cursor
        }
        let weightsOf = try cached("SELECT topic_id, weight FROM passage_topics WHERE passage_id = ?")
        let position = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($0.element, $0.offset) })

        var kept: [(rowid: Int64, score: Double)] = []
        var top = TopScores(need: need)
        var seen = Set<Int64>()
        var last = [Double](repeating: 0, count: ids.count)  // weight last read from each list
        var exhausted = [Bool](repeating: false, count: ids.count)
        var weights = [Double?](repeating: nil, count: ids.count)

        reading: while true {
            for (i, cursor) in cursors.enumerated() where !exhausted[i] {
                guard try cursor.step() else {
                    exhausted[i] = true
                    last[i] = 0
                    if everyTopic { break reading }  // a passage not read yet lacks this topic
                    continue
                }
                let rowid = cursor.int64(0)
                last[i] = cursor.double(1)
                guard seen.insert(rowid).inserted else { continue }
                for j in weights.indices { weights[j] = nil }
                try weightsOf.bind([rowid])
                while try weightsOf.step() {
                    if let j = position[weightsOf.string(0)] { weights[j] = weightsOf.double(1) }
                }
                if everyTopic, weights.contains(where: { $0 == nil }) { continue }
                var score = 0.0
                for (j, weight) in weights.enumerated() { score = j == 0 ? idfs[0] * (weight ?? 0) : score + idfs[j] * (weight ?? 0) }
                kept.append((rowid, score))
                top.add(score)
            }
            if exhausted.allSatisfy({ $0 }) { break }
            if let bar = top.bar {
                // No passage not read yet scores more than the weights last read.
                var bound = 0.0
                for j in last.indices { bound = j == 0 ? idfs[0] * last[0] : bound + idfs[j] * last[j] }
                if bound < bar { break }
            }
        }
        // Only candidates that reach the `need`-th score can be hits; their paths break ties.
        let bar = top.bar ?? -Double.greatestFiniteMagnitude
        return try ordered(kept.filter { $0.score >= bar }, limit: limit, offset: offset)
    }

    /// The top passages of one topic, straight from the index: the `offset + limit`-th best weight
    /// bounds the rows read, and SQLite orders them by the compiled plan's own score and ties.
    func rankedSingleTopic(_ id: String, idf: Double, limit: Int, offset: Int) throws -> [Ranked] {
        let kthWeight = try cached("SELECT weight FROM passage_topics WHERE topic_id = ? ORDER BY weight DESC, passage_id LIMIT 1 OFFSET ?")
        try kthWeight.bind([id, offset + limit - 1])
        let kth = try kthWeight.step() ? kthWeight.double(0) : nil
        kthWeight.reset()
        // Every row scoring at least the k-th score; `lower` only lets the key's range include
        // weights that round to the same score.
        let cut = kth.map { idf * $0 } ?? -Double.greatestFiniteMagnitude
        let lower = kth.map { $0 - abs($0) * 1e-9 } ?? -Double.greatestFiniteMagnitude
        let statement = try cached(
            """
            SELECT pt.passage_id, :idf * pt.weight AS score FROM passage_topics AS pt
            JOIN passages AS p ON p.id = pt.passage_id JOIN articles AS a ON a.id = p.article_id
            WHERE pt.topic_id = :t AND pt.weight >= :lower AND :idf * pt.weight >= :cut
            ORDER BY score DESC, a.path, p.ordinal LIMIT :limit OFFSET :offset
            """)
        try statement.bind(idf, named: ":idf")
        try statement.bind(id, named: ":t")
        try statement.bind(lower, named: ":lower")
        try statement.bind(cut, named: ":cut")
        try statement.bind(limit, named: ":limit")
        try statement.bind(offset, named: ":offset")
        var out: [Ranked] = []
        while try statement.step() { out.append(Ranked(rowid: statement.int64(0), score: statement.double(1))) }
        return out
    }

    /// Candidates in rank order (score, then article path and passage ordinal, as the compiled
    /// plan orders them), after `offset` and `limit`. Paths are read in one statement.
    func ordered(_ candidates: [(rowid: Int64, score: Double)], limit: Int, offset: Int) throws -> [Ranked] {
        if candidates.isEmpty { return [] }
        let statement = try cached(
            """
            SELECT j.key, p.ordinal, a.path FROM json_each(?) AS j
            JOIN passages AS p ON p.id = j.value JOIN articles AS a ON a.id = p.article_id
            """)
        try statement.bind(["[" + candidates.map { String($0.rowid) }.joined(separator: ",") + "]"])
        var rows: [Candidate] = []
        rows.reserveCapacity(candidates.count)
        while try statement.step() {
            let candidate = candidates[statement.int(0)]
            rows.append(Candidate(rowid: candidate.rowid, score: candidate.score, path: statement.string(2), ordinal: statement.int(1)))
        }
        return Candidate.page(rows, limit: limit, offset: offset)
    }

    /// The passages tagged with a topic (its idf's `n`).
    func topicPassageCount(_ id: String) throws -> Int {
        let statement = try cached("SELECT count(*) FROM passage_topics WHERE topic_id = ?")
        try statement.bind([id])
        defer { statement.reset() }
        return try statement.step() ? statement.int(0) : 0
    }

    /// The passages in the index (idf's `N`).
    func passageCount() throws -> Int {
        let statement = try cached("SELECT count(*) FROM passages")
        defer { statement.reset() }
        return try statement.step() ? statement.int(0) : 0
    }

    /// The topic ids of `nodes` when every one is a topic, else nil.
    static func topicIDs(_ nodes: [SearchPlan]) -> [String]? {
        var ids: [String] = []
        for node in nodes {
            guard case .topic(let id, _) = node else { return nil }
            ids.append(id)
        }
        return ids
    }
}
