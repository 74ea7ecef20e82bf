import DossierTopics

/// Finds the topics a query names and turns the query into a ``SearchPlan``.
///
/// A phrase, or a run of words joined by AND, that is exactly a name of a topic (its label or an
/// alias, in any inflection, with that name's case rules and `not:` phrases) becomes the topic:
/// it matches every passage tagged with the topic, whatever name the passage uses. `Kyiv` finds
/// "Kiev"; `cluster munitions` finds "DPICMs"; `UN` finds "UN" and "U.N." but not French "un",
/// while `un` (lower case) is searched as a word. Phrases with more words than a name, prefix
/// words (`kyiv*`) and NEAR groups are searched as text.
///
/// ```swift
/// let plan = try QueryExpander(lexicon: .builtIn).plan(SearchRequest(query: try QueryParser().parse("Kyiv drones")))
/// plan.description  // (topic:kyiv (from "Kyiv") AND "drones")
/// ```
public struct QueryExpander: Sendable {
    public let matcher: TopicMatcher

    public init(lexicon: Lexicon) {
        self.matcher = TopicMatcher(lexicon: lexicon)
    }

    public init(matcher: TopicMatcher) {
        self.matcher = matcher
    }

    public var lexicon: Lexicon { matcher.lexicon }

    /// The plan of a request: its query (expanded unless `request.expand` is false) AND its topics AND its categories.
    /// - throws: ``SearchError`` for a topic or category the lexicon does not have, or a request with nothing to search.
    public func plan(_ request: SearchRequest) throws -> SearchPlan {
        var parts: [SearchPlan] = []
        if let query = request.query {
            if !request.expand {
                parts.append(.text(query.root))
            } else if query.typedAsWords, case .and(let nodes) = query.root, let concepts = QueryConcepts(expander: self).plan(nodes) {
                parts.append(concepts.merged())
            } else {
                parts.append(expand(query.root).merged())
            }
        }
        for name in request.topics {
            let found = lexicon.topics(named: name)
            switch found.count {
            case 0:
                throw SearchError.invalidOption("no topic is named \"\(name)\"; list them with `dossier topics`")
            case 1:
                parts.append(.topic(found[0].id, written: ""))
            default:
                throw SearchError.invalidOption(
                    "\"\(name)\" names several topics (\(found.map(\.id).joined(separator: ", "))); pass one of these ids to --topic")
            }
        }
        for name in request.categories {
            let wanted = name.lowercased()
            guard lexicon.categories.contains(wanted) else {
                throw SearchError.invalidOption(
                    "no category is named \"\(name)\"; categories: \(lexicon.categories.joined(separator: ", "))")
            }
            parts.append(.category(wanted))
        }
        switch parts.count {
        case 0: throw SearchError.emptyQuery
        case 1: return parts[0]
        default: return .and(parts)
        }
    }

    /// The query tree with topic-naming phrases replaced by topics (before text runs are merged).
    func expand(_ node: QueryNode) -> SearchPlan {
        switch node {
        case .phrase(let words, let prefix):
            if !prefix, let topics = topicsNamed(by: words) { return topics }
            return .text(node)
        case .and(let nodes):
            var out: [SearchPlan] = []
            var i = 0
            while i < nodes.count {
                var found: (end: Int, plan: SearchPlan)?
                var j = nodes.count - 1
                while j > i, found == nil {  // the longest run of plain phrases that names a topic
                    let run = nodes[i...j]
                    if run.allSatisfy(Self.isPlainPhrase), let topics = topicsNamed(by: run.flatMap(Self.words)) {
                        found = (j, topics)
                    }
                    j -= 1
                }
                if let found {
                    out.append(found.plan)
                    i = found.end + 1
                } else {
                    out.append(expand(nodes[i]))
                    i += 1
                }
            }
            return out.count == 1 ? out[0] : .and(out)
        case .or(let nodes):
            return .or(nodes.map(expand))
        case .not(let a, let b):
            return .not(expand(a), expand(b))
        case .near:
            return .text(node)
        }
    }

    /// The topics whose name is exactly `words` (as the user wrote them), or nil.
    func topicsNamed(by words: [String]) -> SearchPlan? {
        let text = words.joined(separator: " ")
        let count = TopicTokenizer.tokens(in: text).count
        guard count > 0 else { return nil }
        var ids: [String] = []
        for match in matcher.matches(in: text) where match.firstWord == 0 && match.endWord == count && !ids.contains(match.topic) {
            ids.append(match.topic)
        }
        guard !ids.isEmpty else { return nil }
        let topics = ids.sorted().map { SearchPlan.topic($0, written: text) }
        return topics.count == 1 ? topics[0] : .or(topics)
    }

    static func isPlainPhrase(_ node: QueryNode) -> Bool {
        if case .phrase(_, let prefix) = node { return !prefix }
        return false
    }

    static func words(_ node: QueryNode) -> [String] {
        if case .phrase(let words, _) = node { return words }
        return []
    }
}
