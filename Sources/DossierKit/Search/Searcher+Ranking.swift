import DossierSQLite

extension Searcher {
    /// A passage's rowid and its final score.
    struct Ranked {
        var rowid: Int64
        var score: Double
    }

    /// A passage that may be a hit, with what orders it: score, then article path and passage
    /// ordinal, as the compiled plan's `ORDER BY score DESC, a.path, p.ordinal`.
    struct Candidate {
        var rowid: Int64, score: Double, path: String, ordinal: Int

        static func precedes(_ a: Candidate, _ b: Candidate) -> Bool {
            if a.score != b.score { return a.score > b.score }
            if a.path != b.path { return a.path.utf8.lexicographicallyPrecedes(b.path.utf8) }
            return a.ordinal < b.ordinal
        }

        /// `candidates` in rank order, after `offset` and `limit`.
        static func page(_ candidates: [Candidate], limit: Int, offset: Int) -> [Ranked] {
            candidates.sorted(by: precedes).dropFirst(offset).prefix(limit).map { Ranked(rowid: $0.rowid, score: $0.score) }
        }
    }

    /// The best `need` scores seen so far, best first: the score a passage must reach to be a hit.
    struct TopScores {
        let need: Int
        private var scores: [Double] = []

        init(need: Int) { self.need = need }

        mutating func add(_ score: Double) {
            let at = scores.firstIndex(where: { $0 < score }) ?? scores.count
            guard at < need else { return }
            scores.insert(score, at: at)
            if scores.count > need { scores.removeLast() }
        }

        /// The `need`-th best score, once `need` scores have been seen.
        var bar: Double? { scores.count >= need ? scores[need - 1] : nil }
    }

    /// The ids and scores of the hits of a text-only query, in rank order, after `offset` and `limit`.
    ///
    /// With a limit and no filters it takes candidates from FTS5's own `ORDER BY rank` (bm25 of the
    /// passage text, computed inside FTS5 as in a plain FTS5 query), adds each article's title bonus
    /// from one small query on `title_fts`, and stops reading candidates as soon as none of the
    /// remaining ones can reach the top `offset + limit`: the title bonus is bounded by the best
    /// title score, so the cut is exact, ties included. Scores equal the compiled plan's
    /// (``CompiledPlan``): bm25 of the text plus the capped title bonus.
    func rankedPassages(expression: String, limit: Int, offset: Int) throws -> [Ranked] {
        let need = offset + limit
        if need == 0 { return [] }

        // Title bonus per article.
        var titleBonus: [Int64: Double] = [:]
        let titles = try cached("SELECT rowid, -bm25(title_fts) FROM title_fts WHERE title_fts MATCH ?")
        try titles.bind([expression])
        var maxBonus = 0.0
        while try titles.step() {
            let bonus = ranking.titleBonus(titles.double(1))
            titleBonus[titles.int64(0)] = bonus
            maxBonus = max(maxBonus, bonus)
        }

        let candidates = try cached("SELECT rowid, -bm25(passage_fts) FROM passage_fts WHERE passage_fts MATCH ? ORDER BY rank")
        try candidates.bind([expression])
        let lookup = try cached(
            "SELECT p.article_id, p.ordinal, a.path, p.\"end\" - p.start FROM passages AS p JOIN articles AS a ON a.id = p.article_id WHERE p.id = ?"
        )

        var kept: [Candidate] = []
        var top = TopScores(need: need)
        while try candidates.step() {
            let textScore = candidates.double(1)
            if let bar = top.bar, textScore + maxBonus < bar { break }
            let rowid = candidates.int64(0)
            try lookup.bind([rowid])
            guard try lookup.step() else { continue }
            // The length factor is at most 1, so the cut above stays exact.
            let score = ranking.lengthFactor(characters: lookup.int(3)) * (textScore + (titleBonus[lookup.int64(0)] ?? 0))
            kept.append(Candidate(rowid: rowid, score: score, path: lookup.string(2), ordinal: lookup.int(1)))
            lookup.reset()
            top.add(score)
        }
        return Candidate.page(kept, limit: limit, offset: offset)
    }
}
