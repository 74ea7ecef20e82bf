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
    /// The passages around this one in its article, in order, when the search asked for context
    /// (``SearchRequest``'s `context`); empty otherwise.
    public var context: [Neighbour] = []
    /// The first paths of the article's wire copies (other articles of its copy cluster), in path
    /// order; empty when it has none. Unless a search asks for every copy, their hits are folded
    /// into this one's.
    public var copies: [String] = []
    /// How many wire copies the article has (``copies`` names at most the first 50).
    public var copyCount = 0
    /// The copy cluster the article belongs to (an id that is stable only within one index), or nil.
    public var copyCluster: Int64?
    /// The 1-based page the passage is on, for articles with pages (PDF); nil for the others.
    public var page: Int?

    /// A passage next to a hit.
    public struct Neighbour: Sendable, Equatable {
        /// Its 1-based ordinal within the article.
        public var passage: Int
        /// Its whole text.
        public var text: String

        public init(passage: Int, text: String) {
            self.passage = passage
            self.text = text
        }
    }

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
        // Works on UTF-8 bytes: the markers U+E000 and U+E001 are EE 80 80 and EE 80 81, and no
        // other character's encoding contains those sequences. Much faster than walking Characters.
        var text = snippet
        let replaced: String? = text.withUTF8 { source in
            var marks = 0
            var i = 0
            while i + 2 < source.count {
                if source[i] == 0xEE && source[i + 1] == 0x80 && (source[i + 2] == 0x80 || source[i + 2] == 0x81) { marks += 1 }
                i += 1
            }
            guard marks > 0 else { return nil }
            let openBytes = Array(open.utf8)
            let closeBytes = Array(close.utf8)
            let capacity = source.count + marks * max(openBytes.count, closeBytes.count)
            return String(unsafeUninitializedCapacity: capacity) { out in
                var o = 0
                var i = 0
                while i < source.count {
                    if i + 2 < source.count && source[i] == 0xEE && source[i + 1] == 0x80
                        && (source[i + 2] == 0x80 || source[i + 2] == 0x81)
                    {
                        for b in source[i + 2] == 0x80 ? openBytes : closeBytes {
                            out[o] = b
                            o += 1
                        }
                        i += 3
                    } else {
                        out[o] = source[i]
                        o += 1
                        i += 1
                    }
                }
                return o
            }
        }
        return replaced ?? snippet
    }
}
