/// A query after topic expansion: a boolean tree whose leaves are FTS5 expressions, topics and
/// categories. Built by ``QueryExpander``; run by ``Searcher``.
public indirect enum SearchPlan: Sendable, Equatable {
    /// Passages whose text matches an FTS5 expression (ranked by bm25).
    case text(QueryNode)
    /// Passages tagged with a topic (by id); `written` is what the user typed for it.
    case topic(String, written: String)
    /// Passages tagged with any topic of a category.
    case category(String)
    case and([SearchPlan])
    case or([SearchPlan])
    /// Matches the first plan but not the second.
    case not(SearchPlan, SearchPlan)
    /// A query read as concepts (``QueryConcepts``): passages matching any concept, ranked first by
    /// how many concepts and boosts they cover, then by the sum of every part's score.
    case concepts([Concept])

    /// One concept of a query read as concepts: a topic named in the query, or its other words.
    public struct Concept: Sendable, Equatable {
        /// What a passage must match to cover the concept.
        public var required: SearchPlan
        /// Evidence that counts as one more concept covered: the words of a multi-word concept as a
        /// phrase, or a word typed beside a topic's name (`Strip` in `Gaza Strip`).
        public var boosts: [SearchPlan]
        /// Evidence that only adds to the score: the words near each other.
        public var extras: [SearchPlan]

        public init(required: SearchPlan, boosts: [SearchPlan] = [], extras: [SearchPlan] = []) {
            self.required = required
            self.boosts = boosts
            self.extras = extras
        }

        var parts: [SearchPlan] { [required] + boosts + extras }

        /// The concept with `transform` applied to each of its parts.
        func map(_ transform: (SearchPlan) -> SearchPlan) -> Concept {
            Concept(required: transform(required), boosts: boosts.map(transform), extras: extras.map(transform))
        }

        /// `[required +boost ~extra]`, each part written by `render`.
        func written(_ render: (SearchPlan) -> String) -> String {
            "[" + render(required) + boosts.map { " +" + render($0) }.joined() + extras.map { " ~" + render($0) }.joined() + "]"
        }
    }

    /// True when the plan is one FTS5 expression (no topic involved).
    public var isTextOnly: Bool {
        if case .text = self { return true }
        return false
    }

    /// The leaves, in order.
    var leaves: [SearchPlan] {
        switch self {
        case .text, .topic, .category: return [self]
        case .and(let nodes), .or(let nodes): return nodes.flatMap(\.leaves)
        case .not(let a, let b): return a.leaves + b.leaves
        case .concepts(let concepts): return concepts.flatMap { $0.parts.flatMap(\.leaves) }
        }
    }

    /// Leaves on the positive side (not under the right of a NOT): what a hit can have matched.
    var positiveLeaves: [SearchPlan] {
        switch self {
        case .text, .topic, .category: return [self]
        case .and(let nodes), .or(let nodes): return nodes.flatMap(\.positiveLeaves)
        case .not(let a, _): return a.positiveLeaves
        case .concepts(let concepts): return concepts.flatMap { $0.parts.flatMap(\.positiveLeaves) }
        }
    }

    /// The plan as people read it: `(text:"izium" AND topic:kyiv)`.
    public var description: String {
        switch self {
        case .text(let node): return node.fts5
        case .topic(let id, let written): return written.isEmpty ? "topic:\(id)" : "topic:\(id) (from \"\(written)\")"
        case .category(let name): return "category:\(name)"
        case .and(let nodes): return "(" + nodes.map(\.description).joined(separator: " AND ") + ")"
        case .or(let nodes): return "(" + nodes.map(\.description).joined(separator: " OR ") + ")"
        case .not(let a, let b): return "(" + a.description + " NOT " + b.description + ")"
        case .concepts(let concepts): return concepts.map { $0.written(\.description) }.joined(separator: " | ")
        }
    }

    /// Joins runs of text leaves back into one FTS5 expression, so a query that names no topic is
    /// ranked exactly as before (one bm25 over the whole expression).
    func merged() -> SearchPlan {
        switch self {
        case .text, .topic, .category: return self
        case .and(let nodes):
            let inner = nodes.map { $0.merged() }
            if inner.allSatisfy(\.isTextOnly) { return .text(.and(inner.compactMap(\.textNode))) }
            return .and(inner)
        case .or(let nodes):
            let inner = nodes.map { $0.merged() }
            if inner.allSatisfy(\.isTextOnly) { return .text(.or(inner.compactMap(\.textNode))) }
            return .or(inner)
        case .not(let a, let b):
            let (x, y) = (a.merged(), b.merged())
            if let p = x.textNode, let q = y.textNode { return .text(.not(p, q)) }
            return .not(x, y)
        case .concepts(let concepts):
            return .concepts(concepts.map { $0.map { $0.merged() } })
        }
    }

    package var textNode: QueryNode? {
        if case .text(let node) = self { return node }
        return nil
    }
}

extension SearchPlan {
    /// The plan with repeated leaves under one AND or OR kept once: `cluster munitions OR DPICM`
    /// names one topic twice, and running it once gives the same hits and scores faster.
    func deduplicated() -> SearchPlan {
        func unique(_ nodes: [SearchPlan]) -> [SearchPlan] {
            var seen = Set<String>()
            return nodes.map { $0.deduplicated() }.filter { seen.insert($0.key).inserted }
        }
        switch self {
        case .text, .topic, .category: return self
        case .and(let nodes):
            let kept = unique(nodes)
            return kept.count == 1 ? kept[0] : .and(kept)
        case .or(let nodes):
            let kept = unique(nodes)
            return kept.count == 1 ? kept[0] : .or(kept)
        case .not(let a, let b): return .not(a.deduplicated(), b.deduplicated())
        case .concepts(let concepts):
            return .concepts(concepts.map { $0.map { $0.deduplicated() } })
        }
    }

    /// What makes two plans the same search (a topic's id, not how it was written).
    private var key: String {
        switch self {
        case .text(let node): return "text:" + node.fts5
        case .topic(let id, _): return "topic:" + id
        case .category(let name): return "category:" + name
        case .and(let nodes): return "and(" + nodes.map(\.key).joined(separator: ",") + ")"
        case .or(let nodes): return "or(" + nodes.map(\.key).joined(separator: ",") + ")"
        case .not(let a, let b): return "not(" + a.key + "," + b.key + ")"
        case .concepts(let concepts):
            return "concepts(" + concepts.map { $0.written(\.key) }.joined(separator: ",") + ")"
        }
    }
}
