/// Reads a query typed as words, the way people type them, as concepts.
///
/// Applies to a query made only of words and quoted phrases, at least two, with no FTS5 operator
/// (upper-case `AND`/`OR`/`NOT`, `NEAR`, `*`, parentheses keep their meaning and skip this):
///
/// - lower-case `and`, `or` and `&` between words separate concepts and are not searched:
///   `warships and submarines` is two concepts, and a passage with either matches;
/// - common English function words (`the`, `of`, `in` …) are not required, unless the query has
///   nothing else; they stay inside the phrase of the words around them;
/// - within a concept, the longest runs of words that name a topic become the topic; other words
///   beside a topic are a *qualifier*: not required, but a passage that has them covers one more
///   (`Gaza Strip` means Gaza, first where the passage also says "Strip");
/// - a concept with no topic requires all its words; the words as a phrase cover one more, and the
///   words within ``nearDistance`` tokens of each other add to the score (`Black Sea Fleet` in
///   sequence above the three words scattered over a paragraph).
///
/// Hits rank first by how many concepts, qualifiers and phrases they cover, then by score.
struct QueryConcepts {
    /// Tokens within which a concept's words count as near each other.
    static let nearDistance = 10

    /// Words that join concepts.
    static let connectives: Set<String> = ["and", "or", "&"]

    /// Function words that are not required (lower case as typed; `US` or `IT` are not these).
    static let stopwords: Set<String> = [
        "a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "by", "with", "about", "into", "over", "under", "as",
        "is", "are", "was", "were", "be", "been", "that", "this", "these", "those", "its", "their", "his", "her", "not", "vs",
    ]

    let expander: QueryExpander

    /// The plan of `nodes` (the children of the query's top-level AND) read as concepts, or nil
    /// when the query is not words and phrases alone.
    func plan(_ nodes: [QueryNode]) -> SearchPlan? {
        guard nodes.count >= 2, nodes.allSatisfy(QueryExpander.isPlainPhrase) else { return nil }
        var groups: [[QueryNode]] = [[]]
        for node in nodes {
            if Self.isWord(node, in: Self.connectives) {
                if !groups[groups.count - 1].isEmpty { groups.append([]) }
            } else {
                groups[groups.count - 1].append(node)
            }
        }
        let concepts = groups.filter { !$0.isEmpty }.compactMap(concept)
        guard !concepts.isEmpty else { return nil }
        if concepts.count == 1 && concepts[0].boosts.isEmpty && concepts[0].extras.isEmpty { return concepts[0].required }
        return .concepts(concepts)
    }

    /// One concept: its topics (required) and qualifiers, or its words (required), phrase and nearness.
    private func concept(_ nodes: [QueryNode]) -> SearchPlan.Concept? {
        var topics: [SearchPlan] = []
        var words: [QueryNode] = []  // not part of a topic's name, in order
        var i = 0
        while i < nodes.count {
            var found: (end: Int, plan: SearchPlan)?
            var j = nodes.count - 1
            while j >= i, found == nil {  // the longest run that names a topic
                if let plan = expander.topicsNamed(by: nodes[i...j].flatMap(QueryExpander.words)) { found = (j, plan) }
                j -= 1
            }
            if let found {
                topics.append(found.plan)
                i = found.end + 1
            } else {
                words.append(nodes[i])
                i += 1
            }
        }
        let content = words.filter { !Self.isWord($0, in: Self.stopwords) }
        if !topics.isEmpty {
            return SearchPlan.Concept(required: Self.all(topics), boosts: content.map { .text($0) })
        }
        let required = content.isEmpty ? words : content
        guard !required.isEmpty else { return nil }
        let plan = Self.all(required.map { .text($0) })
        let phraseWords = Self.span(nodes, from: required.first!, to: required.last!)
        guard required.count > 1 || phraseWords.count > QueryExpander.words(required[0]).count else {
            return SearchPlan.Concept(required: plan)
        }
        return SearchPlan.Concept(
            required: plan, boosts: [.text(.phrase(phraseWords, prefix: false))],
            extras: required.count > 1 ? [.text(.near(required, distance: Self.nearDistance))] : [])
    }

    /// The words of `nodes` from the node `first` to the node `last`, stopwords between them included.
    private static func span(_ nodes: [QueryNode], from first: QueryNode, to last: QueryNode) -> [String] {
        guard let start = nodes.firstIndex(of: first), let end = nodes.lastIndex(of: last), start <= end else {
            return QueryExpander.words(first)
        }
        return nodes[start...end].flatMap(QueryExpander.words)
    }

    private static func all(_ plans: [SearchPlan]) -> SearchPlan {
        plans.count == 1 ? plans[0] : .and(plans)
    }

    /// True for a single unquoted-looking word that is in `set` exactly as typed.
    private static func isWord(_ node: QueryNode, in set: Set<String>) -> Bool {
        if case .phrase(let words, false) = node, words.count == 1 { return set.contains(words[0]) }
        return false
    }
}
