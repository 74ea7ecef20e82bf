/// Tags many texts fast with one ``TopicMatcher``: it remembers each word's stem and whether any
/// name starts with it, so a word seen before costs one dictionary lookup. Results are exactly
/// ``TopicMatcher/tags(in:)``'s.
///
/// Use each tagger from one thread at a time (it is a cache); the indexer gives each loading
/// thread its own.
public final class TopicTagger: @unchecked Sendable {
    public let matcher: TopicMatcher
    fileprivate struct Entry {
        var stem: String
        /// The patterns that may start at this word (empty for most words).
        var candidates: [Int]
    }
    /// Words of up to 8 bytes, packed into an integer (most words), to their entry in `entries`:
    /// no string is made and no hasher runs to look them up.
    private var shortWords = PackedWordTable()
    private var longWords: [String: Int32] = [:]
    private var entries: [Entry] = []
    /// Words remembered at most (a bound on memory for very large vocabularies).
    public var capacity = 500_000

    public init(matcher: TopicMatcher) {
        self.matcher = matcher
    }

    /// The topics `text` names, as ``TopicMatcher/tags(in:)``.
    public func tags(in text: String) -> [TopicMatcher.Tag] {
        guard !matcher.patterns.isEmpty else { return [] }
        // One pass that only looks words up (three integers a word, nothing retained); the
        // matcher runs only when a name may start somewhere.
        var words: [Int32] = []
        words.reserveCapacity(text.utf8.count / 2)
        var mayStart = false
        TopicTokenizer.scan(text) { buffer, start, end in
            let entry = self.entry(&buffer)
            if !self.entries[Int(entry)].candidates.isEmpty { mayStart = true }
            words.append(entry)
            words.append(Int32(truncatingIfNeeded: start))
            words.append(Int32(truncatingIfNeeded: end))
        }
        defer { if entries.count > capacity { entries.removeSubrange(capacity...) } }  // words met past the bound
        guard mayStart else { return [] }
        let known = TaggedWords(entries: entries, words: words)
        var scalars: [Unicode.Scalar] = []
        let matches = matcher.matches(tokens: known, scalars: &scalars, text: text) { known.candidates($0) }
        return TopicMatcher.tags(from: matches)
    }

    /// The index in `entries` of a folded word's facts (stemming it the first time).
    private func entry(_ buffer: inout [UInt8]) -> Int32 {
        if buffer.count <= 8 {
            var key: UInt64 = 0
            for byte in buffer { key = key << 8 | UInt64(byte) }
            if let known = shortWords.find(key) { return known }
            let index = Int32(entries.count)
            entries.append(makeEntry(&buffer))
            if entries.count <= capacity { shortWords.insert(key, index) }
            return index
        }
        let folded = String(decoding: buffer, as: UTF8.self)
        if let known = longWords[folded] { return known }
        let index = Int32(entries.count)
        entries.append(makeEntry(&buffer))
        if entries.count <= capacity { longWords[folded] = index }
        return index
    }

    private func makeEntry(_ buffer: inout [UInt8]) -> Entry {
        PorterStemmer.stem(&buffer)
        let stem = String(decoding: buffer, as: UTF8.self)
        return Entry(stem: stem, candidates: matcher.candidates(stem: stem))
    }

    /// The tags of an article's title and of each of its passages.
    public func tags(of article: Article) -> ArticleTags {
        ArticleTags(title: tags(in: article.title), passages: article.passages.map { tags(in: $0.text) })
    }
}

/// A text's words as the tagger keeps them: per word, its entry and scalar offsets.
private struct TaggedWords: TopicWords {
    let entries: [TopicTagger.Entry]
    let words: [Int32]

    var count: Int { words.count / 3 }
    func stem(_ index: Int) -> String { entries[Int(words[3 * index])].stem }
    func start(_ index: Int) -> Int { Int(words[3 * index + 1]) }
    func end(_ index: Int) -> Int { Int(words[3 * index + 2]) }
    func candidates(_ index: Int) -> [Int]? {
        let entry = Int(words[3 * index])
        return entries[entry].candidates.isEmpty ? nil : entries[entry].candidates
    }
}

/// A hash table from packed words (up to 8 bytes, never 0) to small integers: open addressing with
/// linear probing and a multiplicative hash, several times cheaper than `Dictionary`'s SipHash for
/// the tagger's one lookup per word.
struct PackedWordTable {
    private var keys: [UInt64]
    private var values: [Int32]
    private var mask: Int
    private(set) var count = 0

    init(capacity: Int = 1 << 14) {
        keys = Array(repeating: 0, count: capacity)
        values = Array(repeating: 0, count: capacity)
        mask = capacity - 1
    }

    private func slot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
    }

    /// The value stored for `key`, or nil.
    func find(_ key: UInt64) -> Int32? {
        var i = slot(key)
        while true {
            let k = keys[i]
            if k == key { return values[i] }
            if k == 0 { return nil }
            i = (i + 1) & mask
        }
    }

    /// Stores `value` for a `key` not in the table.
    mutating func insert(_ key: UInt64, _ value: Int32) {
        if (count + 1) * 2 > keys.count { grow() }
        var i = slot(key)
        while keys[i] != 0 { i = (i + 1) & mask }
        keys[i] = key
        values[i] = value
        count += 1
    }

    private mutating func grow() {
        let (oldKeys, oldValues) = (keys, values)
        keys = Array(repeating: 0, count: oldKeys.count * 2)
        values = Array(repeating: 0, count: oldKeys.count * 2)
        mask = keys.count - 1
        count = 0
        for (key, value) in zip(oldKeys, oldValues) where key != 0 { insert(key, value) }
    }
}
