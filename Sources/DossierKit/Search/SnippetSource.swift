import DossierIndex
import DossierSQLite
import DossierTopics

/// How a search makes each hit's snippet, chosen once per search from the plan.
///
/// A text-only query's snippets are what FTS5's `snippet()` makes: made in Swift from FTS5's own
/// phrase instances (``FTS5SnippetMaker``) without one more full-text lookup per hit, or by
/// `snippet()` itself when the maker declines. A query that involves topics highlights the words
/// its text matches (FTS5's `highlight()`) and the names of its topics (the ``TopicMatcher``) in an
/// extract around them (``SnippetBuilder``).
final class SnippetSource {
    private enum Kind {
        /// FTS5's `snippet()` of a text-only query (`snippet`), made in Swift when the maker can.
        case textOnly(expression: String, snippet: Statement)
        /// Highlights of the query's words (`expression`, when it has any) and of topic names.
        case highlighted(expression: String?, highlight: Statement, topics: Set<String>, matcher: TopicMatcher)
    }
    private let kind: Kind
    /// Makes text-only snippets in Swift (nil when the index's tokenizer is not the one it knows).
    private var maker: FTS5SnippetMaker?
    /// Reused between hits.
    private var scratch: [UInt8] = []
    /// FTS5's highlight(), for the highlights of a passage (and the snippets of a plan with topics).
    private let highlightAll: Statement

    /// The snippet source for `plan` on `searcher` (its statements come from its cache).
    init(_ plan: SearchPlan, matcher: TopicMatcher, on searcher: Searcher) throws {
        highlightAll = try searcher.cached(
            "SELECT highlight(passage_fts, 0, char(57344), char(57345)) FROM passage_fts WHERE passage_fts MATCH ? AND rowid = ?")
        let positiveText = plan.positiveLeaves.compactMap(\.textNode)
        let expression = positiveText.isEmpty ? nil : QueryNode.or(positiveText).fts5
        if plan.isTextOnly, let expression {
            if let node = plan.textNode, try searcher.madeWithSnippetTokenizer() {
                maker = FTS5SnippetMaker(connection: searcher.db, query: node, tokenizer: IndexSchema.tokenizer)
            }
            let snippet = try searcher.cached(
                "SELECT snippet(passage_fts, 0, char(57344), char(57345), '…', 24) FROM passage_fts WHERE passage_fts MATCH ? AND rowid = ?"
            )
            kind = .textOnly(expression: expression, snippet: snippet)
            return
        }
        kind = .highlighted(
            expression: expression, highlight: highlightAll, topics: try searcher.highlightTopics(plan, matcher: matcher), matcher: matcher)
    }

    /// The snippet of passage `rowid`, whose text is `text`, and the topic names matched in it (for
    /// explanations).
    func snippet(rowid: Int64, text: String) throws -> (snippet: String, names: [TopicMatcher.Match]) {
        switch kind {
        case .textOnly(let expression, let statement):
            if maker != nil {
                scratch.removeAll(keepingCapacity: true)
                var bytes = text
                let made = bytes.withUTF8 { maker?.snippet(of: $0, into: &scratch) ?? false }
                if made { return (Searcher.mergeAdjacentMatches(utf8: scratch), []) }
            }
            defer { statement.reset() }
            try statement.bind([expression, rowid])
            return (try statement.step() ? Searcher.mergeAdjacentMatches(statement.string(0)) : "", [])
        case .highlighted(let expression, let statement, let topics, let matcher):
            let (ranges, names) = try Self.matches(
                rowid: rowid, text: text, expression: expression, highlight: statement, topics: topics, matcher: matcher)
            return (Searcher.mergeAdjacentMatches(SnippetBuilder().snippet(text, matches: ranges)), names)
        }
    }

    /// The whole of passage `rowid` with every match of the plan marked (`show --highlight`).
    func highlighted(rowid: Int64, text: String) throws -> String {
        let ranges: [Range<Int>]
        switch kind {
        case .textOnly(let expression, _):
            ranges = try Self.matches(rowid: rowid, text: text, expression: expression, highlight: highlightAll, topics: [], matcher: nil).0
        case .highlighted(let expression, let statement, let topics, let matcher):
            ranges = try Self.matches(
                rowid: rowid, text: text, expression: expression, highlight: statement, topics: topics, matcher: matcher
            ).0
        }
        return Searcher.mergeAdjacentMatches(SnippetBuilder(words: Int.max).snippet(text, matches: ranges))
    }

    /// Where the query's words (FTS5 highlight of `expression`) and its topic names are in passage
    /// `rowid`, as scalar ranges, with the names found.
    private static func matches(
        rowid: Int64, text: String, expression: String?, highlight statement: Statement, topics: Set<String>, matcher: TopicMatcher?
    ) throws -> ([Range<Int>], [TopicMatcher.Match]) {
        var ranges: [Range<Int>] = []
        if let expression {
            try statement.bind([expression, rowid])
            if try statement.step() { ranges = SnippetBuilder.ranges(inHighlighted: statement.string(0)) }
            statement.reset()
        }
        var names: [TopicMatcher.Match] = []
        if let matcher, !topics.isEmpty {
            names = matcher.matches(in: text).filter { topics.contains($0.topic) }
            ranges += names.map { $0.start..<$0.end }
        }
        return (ranges, names)
    }
}
