import DossierSQLite

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

        let rows = try db.scalar("SELECT count(*) FROM passages", as: Int.self) ?? 0
        let idfs = try ids.map { TopicRanking.idf(hits: try topicPassageCount($0), rows: rows) }
        let cursors = try ids.map { id in
            let cursor = try db.prepare("SELECT passage_id, weight FROM passage_topics WHERE topic_id = ? ORDER BY weight DESC, passage_id")
            try cursor.bind([id])
            return cursor
        }
        let weightsOf = try db.prepare("SELECT topic_id, weight FROM passage_topics WHERE passage_id = ?")
        let lookup = try db.prepare(
            "SELECT p.ordinal, a.path FROM passages AS p JOIN articles AS a ON a.id = p.article_id WHERE p.id = ?")
        let position = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($0.element, $0.offset) })

        struct Candidate {
            var rowid: Int64, score: Double, path: String, ordinal: Int
        }
        var kept: [Candidate] = []
        var topScores: [Double] = []  // the best `need` scores so far, descending
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
                try lookup.bind([rowid])
                guard try lookup.step() else { continue }
                kept.append(Candidate(rowid: rowid, score: score, path: lookup.string(1), ordinal: lookup.int(0)))
                lookup.reset()
                let at = topScores.firstIndex(where: { $0 < score }) ?? topScores.count
                if at < need {
                    topScores.insert(score, at: at)
                    if topScores.count > need { topScores.removeLast() }
                }
            }
            if exhausted.allSatisfy({ $0 }) { break }
            if topScores.count >= need {
                // No passage not read yet scores more than the weights last read.
                var bound = 0.0
                for j in last.indices { bound = j == 0 ? idfs[0] * last[0] : bound + idfs[j] * last[j] }
                if bound < topScores[need - 1] { break }
            }
        }
        kept.sort { a, b in
            if a.score != b.score { return a.score > b.score }
            if a.path != b.path { return a.path.utf8.lexicographicallyPrecedes(b.path.utf8) }
            return a.ordinal < b.ordinal
        }
        return kept.dropFirst(offset).prefix(limit).map { Ranked(rowid: $0.rowid, score: $0.score) }
    }

    /// The passages tagged with a topic (its idf's `n`).
    func topicPassageCount(_ id: String) throws -> Int {
        try db.scalar("SELECT count(*) FROM passage_topics WHERE topic_id = ?", [id], as: Int.self) ?? 0
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
