import DossierModel
import DossierTopics

/// Why a hit matched and how its score was made (`dossier search --explain`).
public struct HitExplanation: Sendable, Equatable {
    /// One leaf of the plan: its contribution to the score.
    public struct Part: Sendable, Equatable {
        /// `text "izium"`, `topic kyiv`, `category weapon`.
        public var leaf: String
        /// What it added to the score.
        public var score: Double
        /// How: bm25 and title for text; idf, mentions, names, title and article share for topics.
        public var detail: String
    }

    /// The hit's score: the sum of the parts.
    public var score: Double
    public var parts: [Part]
    /// The topic names found in the passage (for the topics the query asked for), with where they are.
    public var names: [TopicMatcher.Match]

    /// The explanation as indented lines.
    public var lines: [String] {
        var out = parts.map { "  \($0.leaf): \(HitColumns.score($0.score)) = \($0.detail)" }
        if !names.isEmpty {
            out.append("  names: " + names.map { "\($0.name) → \($0.topic) at \($0.start)–\($0.end)" }.joined(separator: ", "))
        }
        return out
    }
}
