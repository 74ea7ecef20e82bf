/// How hits are scored. Every weight lives here.
///
/// A hit is a passage whose own text matches the query. Its score is FTS5's bm25 of the passage
/// text (negated, so higher is better) plus ``titleWeight`` times the bm25 of its article's title
/// against the same query. The title is context, not evidence: it only ever adds to passages that
/// match by themselves, and its weight is small enough to reorder passages of similar strength
/// (see README, "Ranking", for the measurement) without lifting weak passages over strong ones.
public struct RankingProfile: Sendable, Equatable {
    /// Multiplier of the title's bm25 score.
    public var titleWeight: Double

    public init(titleWeight: Double = 0.3) {
        self.titleWeight = titleWeight
    }

    /// The default profile.
    public static let standard = RankingProfile()
}
