/// How hits are scored. Every weight lives here.
///
/// A hit is a passage whose own text matches the query. Its score is FTS5's bm25 of the passage
/// text (negated, so higher is better) plus a title bonus: ``titleWeight`` times the bm25 of its
/// article's title against the same query, capped at ``titleBonusCap``. The title is context, not
/// evidence: it only adds to passages that match by themselves, and the cap keeps it to reordering
/// passages of similar strength (bm25 of matching passages runs from about 2 to 15), never lifting a
/// weak passage over a clearly stronger one. The cap also bounds how far past the top k the ranking
/// has to look, which keeps searches fast (README, "Ranking").
public struct RankingProfile: Sendable, Equatable {
    /// Multiplier of the title's bm25 score.
    public var titleWeight: Double
    /// The largest bonus a matching title can give.
    public var titleBonusCap: Double

    public init(titleWeight: Double = 0.1, titleBonusCap: Double = 0.5) {
        self.titleWeight = titleWeight
        self.titleBonusCap = titleBonusCap
    }

    /// The bonus for a title whose (negated) bm25 is `titleScore`.
    public func titleBonus(_ titleScore: Double) -> Double {
        min(titleWeight * max(titleScore, 0), titleBonusCap)
    }

    /// The same bonus in SQL, over an expression giving the negated title bm25 (or NULL when the
    /// title does not match); bind ``sqlBindings`` to the statement.
    package func titleBonusSQL(_ titleScore: String) -> String {
        "min(:w * max(coalesce(\(titleScore), 0), 0), :cap)"
    }

    /// The parameters ``titleBonusSQL(_:)`` uses.
    package var sqlBindings: [(String, Double)] { [(":w", titleWeight), (":cap", titleBonusCap)] }

    /// The default profile.
    public static let standard = RankingProfile()
}
