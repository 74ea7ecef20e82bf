/// One article read from a source file, split into passages, ready to index.
public struct Article: Sendable, Equatable {
    /// The path shown to users: the indexed root as given, joined with the path below it.
    public var path: String
    /// The article's title (see ``PassageSplitter`` and the readers for how it is chosen).
    public var title: String
    /// The article's metadata.
    public var metadata: ArticleMetadata
    /// The article's text after decoding and line-end normalisation; passage offsets index into it.
    public var text: String
    /// The article's passages, in reading order, ordinals from 1.
    public var passages: [Passage]

    public init(path: String, title: String, metadata: ArticleMetadata = ArticleMetadata(), text: String, passages: [Passage]) {
        self.path = path
        self.title = title
        self.metadata = metadata
        self.text = text
        self.passages = passages
    }
}

/// What is known about an article besides its text. Every field may be missing.
public struct ArticleMetadata: Sendable, Equatable {
    /// Author or byline.
    public var author: String?
    /// Publication date, ISO 8601 (`2023-07-06` or `2023-07-06T10:00:00Z`).
    public var date: String?
    /// Where ``date`` came from: `content` (the article's own metadata) or `mtime` (the file's modification time).
    public var dateSource: String?
    /// The article's URL.
    public var url: String?
    /// The URL's host, else the first folder under the indexed root.
    public var source: String?
    /// The reader that read it: `text`, `markdown`, `html`, `email`, `json`.
    public var format: String
    /// The language, ISO 639-1 (`en`, `uk`, `zh`…), or nil when unknown. Readers set the one the source
    /// declares (any tag, such as `en-GB`); the loader normalises it or detects one (`LanguageDetector`).
    public var language: String?

    public init(
        author: String? = nil, date: String? = nil, dateSource: String? = nil, url: String? = nil,
        source: String? = nil, format: String = "text", language: String? = nil
    ) {
        self.author = author
        self.date = date
        self.dateSource = dateSource
        self.url = url
        self.source = source
        self.format = format
        self.language = language
    }
}
