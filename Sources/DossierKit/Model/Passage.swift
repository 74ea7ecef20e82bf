/// A searchable unit of an article: a paragraph, or a window of whole sentences of a long paragraph.
public struct Passage: Sendable, Equatable {
    /// 1-based position in the article.
    public var ordinal: Int
    /// Offset of the first character, in Unicode scalars from the start of the article text.
    public var start: Int
    /// Offset just past the last character, in Unicode scalars (so `end - start` is the length).
    public var end: Int
    /// The passage's text: exactly the article text between `start` and `end`.
    public var text: String
    /// The 1-based page the passage is on, for formats with pages (PDF); nil for the others.
    /// A passage never spans two pages.
    public var page: Int?

    public init(ordinal: Int, start: Int, end: Int, text: String, page: Int? = nil) {
        self.ordinal = ordinal
        self.start = start
        self.end = end
        self.text = text
        self.page = page
    }
}
