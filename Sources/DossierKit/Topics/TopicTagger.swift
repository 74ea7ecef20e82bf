/// Tags many texts fast with one ``TopicMatcher``: it remembers each word's stem and whether any
/// name starts with it, so a word seen before costs one dictionary lookup. Results are exactly
/// ``TopicMatcher/tags(in:)``'s.
///
/// Use each tagger from one thread at a time (it is a cache); the indexer gives each loading
/// thread its own.
public final class TopicTagger: @unchecked Sendable {
    public let matcher: TopicMatcher
    private struct Entry {
        var stem: String
        var folded: String
        var candidates: [Int]
    }
    /// Words of up to 8 bytes, packed into an integer (most words): no string is made to look them up.
    private var shortWords: [UInt64: Entry] = [:]
    private var longWords: [String: Entry] = [:]
    /// Words remembered at most (a bound on memory for very large vocabularies).
    public var capacity = 500_000

    public init(matcher: TopicMatcher) {
        self.matcher = matcher
    }

    /// The topics `text` names, as ``TopicMatcher/tags(in:)``.
    public func tags(in text: String) -> [TopicMatcher.Tag] {
        guard !matcher.patterns.isEmpty else { return [] }
        var tokens: [TopicTokenizer.Token] = []
        tokens.reserveCapacity(text.utf8.count / 5)
        var starts: [Int: [Int]] = [:]
        TopicTokenizer.scan(text) { buffer, start, end in
            let entry = self.entry(&buffer)
            if !entry.candidates.isEmpty { starts[tokens.count] = entry.candidates }
            tokens.append(TopicTokenizer.Token(stem: entry.stem, folded: entry.folded, start: start, end: end))
        }
        guard !starts.isEmpty else { return [] }
        var scalars: [Unicode.Scalar] = []
        var index = 0
        let matches = matcher.matches(tokens: tokens, scalars: &scalars, text: text) { _ in
            defer { index += 1 }
            return starts[index] ?? []
        }
        return TopicMatcher.tags(from: matches)
    }

    /// The remembered facts of a folded word (stemming it the first time).
    private func entry(_ buffer: inout [UInt8]) -> Entry {
        if buffer.count <= 8 {
            var key: UInt64 = 0
            for byte in buffer { key = key << 8 | UInt64(byte) }
            if let known = shortWords[key] { return known }
            let made = makeEntry(&buffer)
            if shortWords.count < capacity { shortWords[key] = made }
            return made
        }
        let folded = String(decoding: buffer, as: UTF8.self)
        if let known = longWords[folded] { return known }
        let made = makeEntry(&buffer)
        if longWords.count < capacity { longWords[folded] = made }
        return made
    }

    private func makeEntry(_ buffer: inout [UInt8]) -> Entry {
        let folded = String(decoding: buffer, as: UTF8.self)
        PorterStemmer.stem(&buffer)
        let stem = String(decoding: buffer, as: UTF8.self)
        return Entry(stem: stem, folded: folded, candidates: matcher.candidates(stem: stem))
    }

    /// The tags of an article's title and of each of its passages.
    public func tags(of article: Article) -> ArticleTags {
        ArticleTags(title: tags(in: article.title), passages: article.passages.map { tags(in: $0.text) })
    }
}
