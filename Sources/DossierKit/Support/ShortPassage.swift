/// How much less a short passage's score counts: bm25 favours short passages, so a title, a heading
/// or a one-line list item that names the query would otherwise outrank the paragraph about it.
/// Text scores (`RankingProfile`) and topic weights (`TopicRanking`) are both multiplied by it.
public enum ShortPassage {
    /// From this many characters (Unicode scalars) a passage counts in full.
    public static let fullCharacters = 250.0
    /// The factor of an empty passage.
    public static let floor = 0.35

    /// `min(1, floor + (1 − floor) / full × characters)`, in that order of operations, so that SQL
    /// and Swift give the same bits.
    public static func factor(characters: Int, floor: Double = floor, full: Double = fullCharacters) -> Double {
        min(1, floor + (1 - floor) / full * Double(max(characters, 0)))
    }

    /// The factor in SQL over `characters`, with `floor` and `slope` (`(1 − floor) / full`) given as
    /// SQL: bound parameters or numbers.
    public static func sql(characters: String, floor: String, slope: String) -> String {
        "min(1.0, \(floor) + \(slope) * max(\(characters), 0))"
    }

    /// A passage's length in characters, over the `passages` table aliased `p`.
    public static let lengthColumn = "p.\"end\" - p.start"
}
