import DossierSupport

/// How hits are scored. Every weight lives here.
///
/// A hit is a passage whose own text matches the query. Its score is FTS5's bm25 of the passage
/// text (negated, so higher is better) plus a title bonus, scaled down for a short passage
/// (``lengthFactor(characters:)``). The title bonus is ``titleWeight`` times the bm25 of its
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
    /// Passages shorter than this many characters have their text score scaled down, linearly from
    /// ``shortPassageFloor`` at zero length to 1 at this length. bm25 favours short passages, so a
    /// heading, a caption or a one-line list item with the query's words would otherwise outrank the
    /// paragraph that is about them.
    public var fullPassageCharacters: Double
    /// The factor of an empty passage's text score.
    public var shortPassageFloor: Double
    /// A passage shorter than this many characters (a heading, a caption, a list item) covers the
    /// concepts of a query read as concepts, but not their phrases and qualifiers: the paragraph
    /// under a heading, not the heading, is where the phrase's subject is discussed.
    public var headingCharacters: Int = 80

    public init(
        titleWeight: Double = 0.1, titleBonusCap: Double = 0.5, fullPassageCharacters: Double = ShortPassage.fullCharacters,
        shortPassageFloor: Double = ShortPassage.floor
    ) {
        self.titleWeight = titleWeight
        self.titleBonusCap = titleBonusCap
        self.fullPassageCharacters = fullPassageCharacters
        self.shortPassageFloor = shortPassageFloor
    }

    /// The factor of the text score of a passage of `characters` characters (at most 1).
    public func lengthFactor(characters: Int) -> Double {
        ShortPassage.factor(characters: characters, floor: shortPassageFloor, full: fullPassageCharacters)
    }

    /// ``lengthFactor(characters:)`` in SQL, over an expression giving the passage's length.
    package func lengthFactorSQL(_ characters: String) -> String {
        ShortPassage.sql(characters: characters, floor: ":lf0", slope: ":lf1")
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
    package var sqlBindings: [(String, Double)] {
        [
            (":w", titleWeight), (":cap", titleBonusCap), (":lf0", shortPassageFloor),
            (":lf1", (1 - shortPassageFloor) / fullPassageCharacters),
        ]
    }

    /// The default profile.
    public static let standard = RankingProfile()
}
