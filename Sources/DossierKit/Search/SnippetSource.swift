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
    /// Words of a highlighted snippet: ``SnippetBuilder``'s window, or every word.
    private let words: Int

    /// The snippet source for `plan` on `searcher` (its statements come from its cache). With
    /// `wholePassages` (`show --highlight`), a snippet is the whole passage with its matches marked.
    init(_ plan: SearchPlan, matcher: TopicMatcher, on searcher: Searcher, wholePassages: Bool = false) throws {
        words = wholePassages ? Int.max : SnippetBuilder().words
        let positiveText = plan.positiveLeaves.compactMap(\.textNode)
        let expression = positiveText.isEmpty ? nil : QueryNode.or(positiveText).fts5
        if plan.isTextOnly, let expression, !wholePassages {
            if let node = plan.textNode, try searcher.madeWithSnippetTokenizer() {
                maker = FTS5SnippetMaker(connection: searcher.db, query: node, tokenizer: IndexSchema.tokenizer)
            }
            let snippet = try searcher.cached(
                "SELECT snippet(passage_fts, 0, char(57344), char(57345), '…', 24) FROM passage_fts WHERE passage_fts MATCH ? AND rowid = ?"
            )
            kind = .textOnly(expression: expression, snippet: snippet)
            return
        }
        let highlight = try searcher.cached(
            "SELECT highlight(passage_fts, 0, char(57344), char(57345)) FROM passage_fts WHERE passage_fts MATCH ? AND rowid = ?")
        kind = .highlighted(
            expression: expression, highlight: highlight, topics: try searcher.highlightTopics(plan, matcher: matcher), matcher: matcher)
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
            var ranges: [Range<Int>] = []
            if let expression {
                try statement.bind([expression, rowid])
                if try statement.step() { ranges = SnippetBuilder.ranges(inHighlighted: statement.string(0)) }
                statement.reset()
            }
            var names: [TopicMatcher.Match] = []
            if !topics.isEmpty {
                names = matcher.matches(in: text).filter { topics.contains($0.topic) }
                ranges += names.map { $0.start..<$0.end }
            }
            return (Searcher.mergeAdjacentMatches(SnippetBuilder(words: words).snippet(text, matches: ranges)), names)
        }
    }
}
