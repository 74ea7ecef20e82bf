/// The topics named in an article's title and in each of its passages, computed while files are
/// loaded (in parallel) and written with the article.
public struct ArticleTags: Sendable, Equatable {
    public var title: [TopicMatcher.Tag]
    /// One list per passage, in passage order.
    public var passages: [[TopicMatcher.Tag]]

    public init(title: [TopicMatcher.Tag], passages: [[TopicMatcher.Tag]]) {
        self.title = title
        self.passages = passages
    }
}
