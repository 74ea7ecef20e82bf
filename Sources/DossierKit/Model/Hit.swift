/// One matching passage of a search, with its article's metadata and its rank.
public struct Hit: Sendable, Equatable {
    /// 1-based rank of the hit within its result set (after `--offset`).
    public var rank: Int
    /// Relevance, higher is better (negated bm25 plus the title bonus; see ``RankingProfile``).
    public var score: Double
    /// The article's (first) path.
    public var path: String
    /// All paths that hold the same article, first one first.
    public var paths: [String]
    public var title: String
    public var metadata: ArticleMetadata
    /// The passage's 1-based ordinal within its article.
    public var passage: Int
    public var start: Int
    public var end: Int
    /// The whole passage text.
    public var text: String
    /// A short extract of the passage with matches wrapped in ``Hit/matchOpen`` and ``Hit/matchClose``.
    public var snippet: String
    /// Topic ids the passage is tagged with.
    public var topics: [String]

    /// Marks the start of a match inside ``snippet`` (a private-use character, replaced by writers).
    public static let matchOpen: Character = "\u{E000}"
    /// Marks the end of a match inside ``snippet``.
    public static let matchClose: Character = "\u{E001}"

    public init(
        rank: Int, score: Double, path: String, paths: [String], title: String, metadata: ArticleMetadata,
        passage: Int, start: Int, end: Int, text: String, snippet: String, topics: [String]
    ) {
        self.rank = rank
        self.score = score
        self.path = path
        self.paths = paths
        self.title = title
        self.metadata = metadata
        self.passage = passage
        self.start = start
        self.end = end
        self.text = text
        self.snippet = snippet
        self.topics = topics
    }

    /// The snippet with its match markers replaced by `open` and `close`.
    public func snippet(open: String, close: String) -> String {
        var out = ""
        out.reserveCapacity(snippet.utf8.count + 8)
        for ch in snippet {
            if ch == Hit.matchOpen { out += open } else if ch == Hit.matchClose { out += close } else { out.append(ch) }
        }
        return out
    }
}
