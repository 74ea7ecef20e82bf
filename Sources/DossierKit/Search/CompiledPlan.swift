import DossierModel
import DossierSQLite
import DossierSupport
import DossierTopics

/// A ``SearchPlan`` as SQL, in one linear pass:
///
/// 1. `hits`: a UNION ALL of rows `(id, k, x, y)`, keyed by passage id. Leaf `n` contributes its
///    matches (`k = 10n`: bm25 for text; mentions and names for topics) and, when scoring, its
///    article-level evidence spread over the article's passages (`k = 10n+1`: title bm25, or 1 when
///    the title names the topic; `k = 10n+2`: passages of the article naming the topic).
/// 2. `matched`: one row per passage (GROUP BY), a 0/1 column per leaf, and `HAVING` the plan's
///    AND / OR / NOT over those columns.
/// 3. The score adds the leaves up: bm25 plus title bonus for text, ``TopicRanking`` for topics.
///
/// No join on an unindexed intermediate result, so a query matching most passages stays linear.
/// Only SQL keywords, generated names (`:q1`, `x1_0` ...) and weights are written into the SQL;
/// every query text, topic id and category is bound.
struct CompiledPlan {
    enum Leaf {
        case text(String)
        case topic(String, idf: Double)
        case category(String, idf: Double)
        /// How many of `units` concepts, qualifiers and phrases a passage covers.
        case coverage(units: Int)
    }

    /// What each unit covered beyond the first adds to a score read as concepts: more than any
    /// sum of bm25 and topic scores, so that coverage orders first.
    static let coverageWeight = 1000.0

    /// Marks a condition's column names, to be replaced by nothing (in `HAVING`) or by `c.` (in the
    /// score, over `matched AS c`).
    static let columnMark = "\u{1}"

    let ranking: RankingProfile
    let topicRanking: TopicRanking
    let scoring: Bool
    /// Whether the per-leaf evidence columns (for ``explain(_:firstColumn:score:names:ranking:)``) are wanted.
    let explaining: Bool
    var legs: [String] = []
    var aggregates: [String] = []
    var scoreTerms: [String] = []
    var columnList: [String] = []
    var bindings: [(String, any Bindable)] = []
    /// The scored leaves (those not under the right side of a NOT), in column order.
    var leaves: [Leaf] = []
    private var count = 0
    /// Set while adding a concept's phrases and qualifiers: their text scores count only in
    /// passages of at least ``RankingProfile/headingCharacters``.
    private var headingRule = false
    var having = ""
    var filter = ""

    init(ranking: RankingProfile, topicRanking: TopicRanking, scoring: Bool, explaining: Bool = false) {
        self.ranking = ranking
        self.topicRanking = topicRanking
        self.scoring = scoring
        self.explaining = explaining
    }

    /// Adds the request's article filters.
    mutating func add(_ filters: SearchFilters) {
        let clause = filters.sqlClause(articleAlias: "a")
        filter = clause.sql
        bindings += clause.bindings
    }

    /// `WITH hits ..., matched ...`: the passages that satisfy the plan, with their evidence.
    var with: String {
        """
        WITH hits(id, k, x, y, z) AS (
        \(legs.joined(separator: "\nUNION ALL\n"))
        ),
        matched AS (SELECT id, \(aggregates.joined(separator: ", ")) FROM hits GROUP BY id HAVING \(having))

        """
    }

    var score: String { scoreTerms.isEmpty ? "0.0" : scoreTerms.joined(separator: " + ") }
    var columns: String { columnList.isEmpty ? "" : ", " + columnList.joined(separator: ", ") }

    func bind(_ statement: Statement) throws {
        for (name, value) in bindings { try statement.bind(value, named: name) }
    }

    /// Adds the legs and columns of `plan`'s leaves; returns its HAVING condition. Leaves under the
    /// right side of a NOT (`negated`) only select: they add nothing to the score.
    mutating func add(_ plan: SearchPlan, negated: Bool = false, idf: (SearchPlan) throws -> Double) throws -> String {
        let scoring = self.scoring && !negated
        switch plan {
        case .text(let node):
            count += 1
            let n = count
            if scoring { leaves.append(.text(node.fts5)) }
            bindings.append((":q\(n)", node.fts5))
            let bm25 = scoring ? "-bm25(passage_fts)" : "NULL"
            legs.append("SELECT rowid, \(10 * n), \(bm25), NULL, NULL FROM passage_fts WHERE passage_fts MATCH :q\(n)")
            aggregates.append("max(k = \(10 * n)) AS l\(n)")
            if scoring {
                // A phrase or nearness part of a concept adds no title bonus: the concept's words
                // already gave it, and the leg would cost a join over every matching title's passages.
                if !headingRule {
                    legs.append(
                        """
                        SELECT p2.id, \(10 * n + 1), -bm25(title_fts), NULL, NULL FROM title_fts JOIN passages AS p2 ON p2.article_id = title_fts.rowid
                            WHERE title_fts MATCH :q\(n)
                        """)
                }
                aggregates += ["max(CASE WHEN k = \(10 * n) THEN x END) AS x\(n)", "max(CASE WHEN k = \(10 * n + 1) THEN x END) AS t\(n)"]
                bindings += ranking.sqlBindings.map { ($0.0, $0.1 as any Bindable) }
                let length =
                    headingRule
                    ? "(\(ShortPassage.lengthColumn) >= \(ranking.headingCharacters)) * \(ranking.lengthFactorSQL(ShortPassage.lengthColumn))"
                    : ranking.lengthFactorSQL(ShortPassage.lengthColumn)
                scoreTerms.append("\(length) * (coalesce(c.x\(n), 0) + " + ranking.titleBonusSQL("c.t\(n)") + ")")
                columnList += ["c.x\(n)", "c.t\(n)", length]
            }
            return Self.columnMark + "l\(n)"
        case .topic(let id, _), .category(let id):
            count += 1
            let n = count
            let isTopic: Bool
            if case .topic = plan { isTopic = true } else { isTopic = false }
            let weight = scoring ? try idf(plan) : 0
            if scoring { leaves.append(isTopic ? .topic(id, idf: weight) : .category(id, idf: weight)) }
            bindings.append((":t\(n)", id))
            // A topic's score under the standard weights is idf × the weight stored with each tag
            // (TopicTagStore): one row per passage, no article-level legs. Other weights, and
            // categories (whose names are pooled over many topics), are computed from the evidence.
            let stored = isTopic && topicRanking == .standard
            if isTopic {
                legs.append(
                    "SELECT passage_id, \(10 * n), mentions, names, \(stored ? "weight" : "NULL") FROM passage_topics WHERE topic_id = :t\(n)"
                )
            } else {
                legs.append(
                    """
                    SELECT pt.passage_id, \(10 * n), sum(pt.mentions), sum(pt.names), NULL
                        FROM passage_topics AS pt JOIN topics AS tp ON tp.id = pt.topic_id WHERE tp.category = :t\(n) GROUP BY pt.passage_id
                    """)
            }
            aggregates.append("max(k = \(10 * n)) AS l\(n)")
            if scoring {
                bindings.append((":idf\(n)", weight))
                if stored {
                    aggregates.append("max(CASE WHEN k = \(10 * n) THEN z END) AS w\(n)")
                    scoreTerms.append(":idf\(n) * coalesce(c.w\(n), 0)")
                }
            }
            if scoring && (explaining || !stored) {
                let inTopic = isTopic ? "tt.topic_id = :t\(n)" : "tt.topic_id IN (SELECT id FROM topics WHERE category = :t\(n))"
                let ptInTopic = isTopic ? "pt.topic_id = :t\(n)" : "pt.topic_id IN (SELECT id FROM topics WHERE category = :t\(n))"
                // Article-level evidence (the title names the topic; the share of the article's passages
                // naming it) goes to the passages that name the topic themselves: a passage matched only
                // by other words gets no topic evidence, and the legs stay as small as the topic's tags.
                legs.append(
                    """
                    SELECT DISTINCT pt.passage_id, \(10 * n + 1), 1, NULL, NULL FROM passage_topics AS pt
                        JOIN passages AS p2 ON p2.id = pt.passage_id
                        JOIN title_topics AS tt ON tt.article_id = p2.article_id AND \(inTopic)
                        WHERE \(ptInTopic)
                    """)
                legs.append(
                    """
                    SELECT pt.passage_id, \(10 * n + 2), ac.c, NULL, NULL FROM passage_topics AS pt
                        JOIN passages AS p2 ON p2.id = pt.passage_id
                        JOIN (
                            SELECT p3.article_id AS aid, count(DISTINCT pt3.passage_id) AS c FROM passage_topics AS pt3
                            JOIN passages AS p3 ON p3.id = pt3.passage_id WHERE \(ptInTopic.replacingOccurrences(of: "pt.", with: "pt3.")) GROUP BY p3.article_id
                        ) AS ac ON ac.aid = p2.article_id
                        WHERE \(ptInTopic)
                    """)
                aggregates += [
                    "max(CASE WHEN k = \(10 * n) THEN x END) AS m\(n)", "max(CASE WHEN k = \(10 * n) THEN y END) AS d\(n)",
                    "max(CASE WHEN k = \(10 * n + 1) THEN x END) AS t\(n)", "max(CASE WHEN k = \(10 * n + 2) THEN x END) AS a\(n)",
                ]
                let share = "(CAST(coalesce(c.a\(n), 0) AS REAL) / max(a.passage_count, 1))"
                let title = "(c.t\(n) IS NOT NULL)"
                if !stored {
                    scoreTerms.append(
                        topicRanking.sql(
                            idfParameter: ":idf\(n)", mentions: "c.m\(n)", names: "c.d\(n)", title: title, share: share,
                            characters: ShortPassage.lengthColumn))
                }
                columnList += ["c.m\(n)", "c.d\(n)", title, share, ShortPassage.lengthColumn]
            }
            return Self.columnMark + "l\(n)"
        case .and(let nodes):
            return "(" + (try nodes.map { try add($0, negated: negated, idf: idf) }).joined(separator: " AND ") + ")"
        case .or(let nodes):
            return "(" + (try nodes.map { try add($0, negated: negated, idf: idf) }).joined(separator: " OR ") + ")"
        case .not(let a, let b):
            let positive = try add(a, negated: negated, idf: idf)
            return "(" + positive + " AND NOT " + (try add(b, negated: true, idf: idf)) + ")"
        case .concepts(let concepts):
            var required: [String] = []
            var covered: [String] = []
            for concept in concepts {
                let condition = try add(concept.required, negated: negated, idf: idf)
                required.append(condition)
                covered.append(condition)
                // Phrases and qualifiers say more in a paragraph than in a heading: in a passage
                // shorter than `headingCharacters` they neither cover nor score.
                headingRule = true
                defer { headingRule = false }
                for boost in concept.boosts {
                    let condition = try add(boost, negated: negated, idf: idf)
                    covered.append("\(condition) AND \(ShortPassage.lengthColumn) >= \(ranking.headingCharacters)")
                }
                for extra in concept.extras { _ = try add(extra, negated: negated, idf: idf) }
            }
            if scoring {
                let coverage =
                    "(" + covered.map { "(" + $0.replacingOccurrences(of: Self.columnMark, with: "c.") + ")" }.joined(separator: " + ")
                    + ")"
                scoreTerms.append("\(Self.coverageWeight) * (\(coverage) - 1)")
                leaves.append(.coverage(units: covered.count))
                columnList.append(coverage)
            }
            return "(" + required.joined(separator: " OR ") + ")"
        }
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
                let title = row.isNull(column + 1) ? 0 : ranking.titleBonus(row.double(column + 1))
                let length = row.double(column + 2)
                column += 3
                let sum = "bm25 \(Self.number(bm25)) + title \(Self.number(title))"
                parts.append(
                    .init(
                        leaf: "text \(expression)", score: length * (bm25 + title),
                        detail: length < 1 ? "(\(sum)) × short passage \(Self.number(length))" : sum))
            case .topic(let id, let idf), .category(let id, let idf):
                let isTopic: Bool
                if case .topic = leaf { isTopic = true } else { isTopic = false }
                let mentions = row.int(column)
                let distinct = row.int(column + 1)
                let inTitle = row.int(column + 2) != 0
                let share = row.isNull(column + 3) ? 0 : row.double(column + 3)
                let length = ShortPassage.factor(characters: row.int(column + 4))
                column += 5
                let p = topicRanking.parts(idf: idf, mentions: mentions, distinctNames: distinct, inTitle: inTitle, share: share)
                var detail =
                    "idf \(Self.number(idf)); \(mentions) mention\(mentions == 1 ? "" : "s") \(Self.number(p.mentions)) + \(distinct) name\(distinct == 1 ? "" : "s") \(Self.number(p.names))"
                    + " + title \(Self.number(p.title)) + article share \(Self.number(share)) \(Self.number(p.focus))"
                if length < 1 { detail = "(" + detail + ") × short passage " + Self.number(length) }
                let total = length * p.total
                parts.append(.init(leaf: isTopic ? "topic \(id)" : "category \(id)", score: total, detail: detail))
            case .coverage(let units):
                let covered = row.int(column)
                column += 1
                parts.append(
                    .init(
                        leaf: "coverage", score: Self.coverageWeight * Double(covered - 1),
                        detail: "\(covered) of \(units) concepts, qualifiers and phrases covered"))
            }
        }
        return HitExplanation(score: score, parts: parts, names: names)
    }

    /// Four decimals, as scores are printed.
    static func number(_ value: Double) -> String {
        HitColumns.score(value)
    }
}
