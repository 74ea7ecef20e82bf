import DossierSQLite

/// A ``SearchPlan`` as SQL: one materialized CTE per leaf, a `candidates` CTE that combines them
/// with INTERSECT / UNION / EXCEPT as the plan's AND / OR / NOT, and a score that adds up the
/// leaves: bm25 (plus title bonus) for text, ``TopicRanking`` for topics and categories.
///
/// Only SQL keywords, generated names (`f1`, `:q1` ...) and this struct's weights are written into
/// the SQL; every query text, topic id and category is bound.
struct CompiledPlan {
    enum Leaf {
        case text(String)
        case topic(String, idf: Double)
        case category(String, idf: Double)
    }

    let ranking: RankingProfile
    let topicRanking: TopicRanking
    var ctes: [String] = []
    var joins = ""
    var scoreTerms: [String] = []
    var columnList: [String] = []
    var bindings: [(String, any Bindable)] = []
    var leaves: [Leaf] = []
    var candidates = ""
    var filter = ""

    init(ranking: RankingProfile, topicRanking: TopicRanking) {
        self.ranking = ranking
        self.topicRanking = topicRanking
    }

    /// Adds the request's article filters.
    mutating func add(_ filters: SearchFilters) {
        let clause = filters.sqlClause(articleAlias: "a")
        filter = clause.sql
        bindings += clause.bindings
    }

    /// `WITH ...` up to and including the `candidates` CTE.
    var with: String {
        "WITH " + (ctes + ["candidates(id) AS (\(candidates))"]).joined(separator: ",\n") + "\n"
    }

    var score: String { scoreTerms.isEmpty ? "0.0" : scoreTerms.joined(separator: " + ") }
    var columns: String { columnList.isEmpty ? "" : ", " + columnList.joined(separator: ", ") }

    func bind(_ statement: Statement) throws {
        for (name, value) in bindings { try statement.bind(value, named: name) }
    }

    /// Adds the CTEs of `plan`'s leaves and returns the SELECT of its candidate ids.
    mutating func add(_ plan: SearchPlan, scoring: Bool, idf: (SearchPlan) throws -> Double) throws -> String {
        switch plan {
        case .text(let node):
            let n = leaves.count + 1
            leaves.append(.text(node.fts5))
            bindings.append((":q\(n)", node.fts5))
            ctes.append("f\(n) AS MATERIALIZED (SELECT rowid AS id, -bm25(passage_fts) AS s FROM passage_fts WHERE passage_fts MATCH :q\(n))")
            if scoring {
                ctes.append("ft\(n) AS MATERIALIZED (SELECT rowid AS id, -bm25(title_fts) AS s FROM title_fts WHERE title_fts MATCH :q\(n))")
                joins += "\nLEFT JOIN f\(n) ON f\(n).id = p.id LEFT JOIN ft\(n) ON ft\(n).id = a.id"
                bindings.append((":w", ranking.titleWeight))
                scoreTerms.append("coalesce(f\(n).s, 0) + :w * coalesce(ft\(n).s, 0)")
                columnList += ["f\(n).s", "ft\(n).s"]
            }
            return "SELECT id FROM f\(n)"
        case .topic(let id, _), .category(let id):
            let n = leaves.count + 1
            let isTopic: Bool
            if case .topic = plan { isTopic = true } else { isTopic = false }
            let weight = scoring ? try idf(plan) : 0
            leaves.append(isTopic ? .topic(id, idf: weight) : .category(id, idf: weight))
            bindings.append((":t\(n)", id))
            if isTopic {
                ctes.append("g\(n) AS MATERIALIZED (SELECT passage_id AS id, mentions AS m, names AS d FROM passage_topics WHERE topic_id = :t\(n))")
            } else {
                ctes.append(
                    """
                    g\(n) AS MATERIALIZED (SELECT pt.passage_id AS id, sum(pt.mentions) AS m, sum(pt.names) AS d
                        FROM passage_topics AS pt JOIN topics AS tp ON tp.id = pt.topic_id WHERE tp.category = :t\(n) GROUP BY pt.passage_id)
                    """)
            }
            if scoring {
                bindings.append((":idf\(n)", weight))
                ctes.append(
                    "ga\(n) AS MATERIALIZED (SELECT p2.article_id AS id, count(*) AS c FROM g\(n) JOIN passages AS p2 ON p2.id = g\(n).id GROUP BY p2.article_id)"
                )
                ctes.append(
                    isTopic
                        ? "gt\(n) AS MATERIALIZED (SELECT article_id AS id FROM title_topics WHERE topic_id = :t\(n))"
                        : """
                        gt\(n) AS MATERIALIZED (SELECT DISTINCT tt.article_id AS id FROM title_topics AS tt
                            JOIN topics AS tp ON tp.id = tt.topic_id WHERE tp.category = :t\(n))
                        """)
                joins += "\nLEFT JOIN g\(n) ON g\(n).id = p.id LEFT JOIN ga\(n) ON ga\(n).id = a.id LEFT JOIN gt\(n) ON gt\(n).id = a.id"
                let share = "(CAST(ga\(n).c AS REAL) / max(a.passage_count, 1))"
                let title = "(gt\(n).id IS NOT NULL)"
                scoreTerms.append(topicRanking.sql(idfParameter: ":idf\(n)", mentions: "g\(n).m", names: "g\(n).d", title: title, share: share))
                columnList += ["g\(n).m", "g\(n).d", title, share]
            }
            return "SELECT id FROM g\(n)"
        case .and(let nodes):
            return try combine(nodes, "INTERSECT", scoring: scoring, idf: idf)
        case .or(let nodes):
            return try combine(nodes, "UNION", scoring: scoring, idf: idf)
        case .not(let a, let b):
            return try combine([a, b], "EXCEPT", scoring: scoring, idf: idf)
        }
    }

    private mutating func combine(
        _ nodes: [SearchPlan], _ op: String, scoring: Bool, idf: (SearchPlan) throws -> Double
    ) throws -> String {
        var parts: [String] = []
        for node in nodes {
            let select = try add(node, scoring: scoring, idf: idf)
            parts.append(node.leaves.count == 1 ? select : "SELECT id FROM (\(select))")
        }
        return parts.joined(separator: " \(op) ")
    }

    /// Reads a ranked row's per-leaf columns (starting at `firstColumn`) into an explanation.
    func explain(
        _ row: Statement, firstColumn: Int32, score: Double, names: [TopicMatcher.Match], ranking topicRanking: TopicRanking
    ) -> HitExplanation {
        var column = firstColumn
        var parts: [HitExplanation.Part] = []
        for leaf in leaves {
            switch leaf {
            case .text(let expression):
                let bm25 = row.isNull(column) ? 0 : row.double(column)
                let title = row.isNull(column + 1) ? 0 : row.double(column + 1) * ranking.titleWeight
                column += 2
                parts.append(.init(leaf: "text \(expression)", score: bm25 + title, detail: "bm25 \(Self.number(bm25)) + title \(Self.number(title))"))
            case .topic(let id, let idf), .category(let id, let idf):
                let isTopic: Bool
                if case .topic = leaf { isTopic = true } else { isTopic = false }
                let mentions = row.int(column)
                let distinct = row.int(column + 1)
                let inTitle = row.int(column + 2) != 0
                let share = row.isNull(column + 3) ? 0 : row.double(column + 3)
                column += 4
                let p = topicRanking.parts(idf: idf, mentions: mentions, distinctNames: distinct, inTitle: inTitle, share: share)
                let detail =
                    "idf \(Self.number(idf)); \(mentions) mention\(mentions == 1 ? "" : "s") \(Self.number(p.mentions)) + \(distinct) name\(distinct == 1 ? "" : "s") \(Self.number(p.names))"
                    + " + title \(Self.number(p.title)) + article share \(Self.number(share)) \(Self.number(p.focus))"
                parts.append(.init(leaf: isTopic ? "topic \(id)" : "category \(id)", score: p.total, detail: detail))
            }
        }
        return HitExplanation(score: score, parts: parts, names: names)
    }

    static func number(_ value: Double) -> String {
        HitColumnsNumber.format(value)
    }
}

/// Four-decimal numbers for explanations (the same as printed scores).
enum HitColumnsNumber {
    static func format(_ value: Double) -> String { HitColumns.score(value) }
}
