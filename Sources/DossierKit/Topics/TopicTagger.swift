import DossierModel
import DossierSQLite

/// Tags many texts fast with one ``TopicMatcher``: it remembers each word's stem and whether any
/// name starts with it, so a word seen before costs one lookup. ``tags(in:)`` gives exactly
/// ``TopicMatcher/tags(in:)``'s results.
///
/// Articles (``tags(of:tokens:)``, what the index stores) are tagged from the very tokens FTS5
/// indexes: the words, folds and stems of `porter unicode61 remove_diacritics 2`, so a passage is
/// tagged with a name exactly when FTS5 would find the name's words in it. The indexer hands over
/// the tokens it made for FTS5 anyway, so passages are tokenized once.
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
    private var entries: [Entry] = []
    /// FTS5's stems (tokens) of up to 8 bytes, packed into an integer (most words), to their entry
    /// in `entries`: no string is made and no hasher runs to look them up; longer ones by string.
    private var shortStems = PackedWordTable()
    private var longStems: [String: Int32] = [:]
    /// FTS5's tokenizer, for articles tagged without tokens made beforehand.
    private lazy var tokenizer = try? FTS5Tokenizer(definition: TopicTokenizer.definition)
    /// Words remembered at most (a bound on memory for very large vocabularies).
    public var capacity = 500_000

    public init(matcher: TopicMatcher) {
        self.matcher = matcher
    }

    /// The topics `text` names, from FTS5's `tokens` of it (see ``FTS5Tokens/record(_:with:)``).
    public func tags(in text: String, tokens: FTS5Tokens) -> [TopicMatcher.Tag] {
        guard !matcher.patterns.isEmpty else { return [] }
        var words = [Int32](repeating: 0, count: 5 * tokens.count)
        var used = 0
        var mayStart = false
        words.withUnsafeMutableBufferPointer { out in
            tokens.bytes.withUnsafeBufferPointer { bytes in
                tokens.entries.withUnsafeBufferPointer { token in
                    var from = 0
                    var t = 0
                    while t < token.count {
                        let end = Int(token[t])
                        defer { (from, t) = (end, t + 4) }
                        // Synonyms at the same position (FTS5_TOKEN_COLOCATED): not made by this tokenizer.
                        // (An empty token, never made either, would pack to the table's empty key.)
                        if token[t + 3] & 1 != 0 || end == from { continue }
                        let found = stemEntry(UnsafeBufferPointer(rebasing: bytes[from..<end]))
                        if found & 1 != 0 { mayStart = true }
                        // Offsets in bytes (a match's scalar offsets are not needed for tags).
                        out[used] = found >> 1
                        out[used + 1] = token[t + 1]
                        out[used + 2] = token[t + 2]
                        out[used + 3] = token[t + 1]
                        out[used + 4] = token[t + 2]
                        used += 5
                    }
                }
            }
        }
        words.removeSubrange(used...)
        return tags(words: words, mayStart: mayStart, text: text)
    }

    /// Matches the looked-up `words` of `text` (five numbers a word, see ``TaggedWords``), when a
    /// name may start among them.
    private func tags(words: [Int32], mayStart: Bool, text: String) -> [TopicMatcher.Tag] {
        defer { if entries.count > capacity { entries.removeSubrange(capacity...) } }  // words met past the bound
        guard mayStart else { return [] }
        let known = TaggedWords(entries: entries, words: words, text: text)
        var scalars: [Unicode.Scalar] = []
        let matches = matcher.matches(tokens: known, scalars: &scalars, text: text) { known.candidates($0) }
        return TopicMatcher.tags(from: matches)
    }

    /// The index in `entries` of a stem's facts, shifted left by one, with the low bit set when a
    /// name may start at the word (so the caller need not read `entries`).
    private func stemEntry(_ stem: UnsafeBufferPointer<UInt8>) -> Int32 {
        if stem.count <= 8 {
            var key: UInt64 = 0
            for byte in stem { key = key << 8 | UInt64(byte) }
            if let known = shortStems.find(key) { return known }
            let made = newEntry(String(decoding: stem, as: UTF8.self))
            if entries.count <= capacity { shortStems.insert(key, made) }
            return made
        }
        let text = String(decoding: stem, as: UTF8.self)
        if let known = longStems[text] { return known }
        let made = newEntry(text)
        if entries.count <= capacity { longStems[text] = made }
        return made
    }

    private func newEntry(_ stem: String) -> Int32 {
        let index = Int32(entries.count)
        let candidates = matcher.candidates(stem: stem)
        entries.append(Entry(stem: stem, candidates: candidates))
        return index << 1 | (candidates.isEmpty ? 0 : 1)
    }

    /// The topics `text` names, as ``TopicMatcher/tags(in:)``.
    public func tags(in text: String) -> [TopicMatcher.Tag] {
        indexTags(in: text)
    }

    /// The tags of an article's title and of each of its passages, from FTS5's tokens (`tokens`:
    /// those of each passage, when already made).
    public func tags(of article: Article, tokens: [FTS5Tokens?]? = nil) -> ArticleTags {
        let tokens = tokens?.count == article.passages.count ? tokens : nil
        return ArticleTags(
            title: indexTags(in: article.title),
            passages: article.passages.indices.map { indexTags(in: article.passages[$0].text, tokens: tokens?[$0]) })
    }

    /// The tags the index stores for `text`: from FTS5's `tokens` of it, made here when not given.
    package func indexTags(in text: String, tokens: FTS5Tokens? = nil) -> [TopicMatcher.Tag] {
        if let tokens { return tags(in: text, tokens: tokens) }
        guard let tokenizer, let made = FTS5Tokens.record(text, with: tokenizer) else { return [] }
        return tags(in: text, tokens: made)
    }
}

/// A text's words as the tagger keeps them: per word, its entry, and its scalar and byte offsets.
private struct TaggedWords: TopicWords {
    let entries: [TopicTagger.Entry]
    let words: [Int32]
    let text: String

    var count: Int { words.count / 5 }
    func stem(_ index: Int) -> String { entries[Int(words[5 * index])].stem }
    func start(_ index: Int) -> Int { Int(words[5 * index + 1]) }
    func end(_ index: Int) -> Int { Int(words[5 * index + 2]) }
    func candidates(_ index: Int) -> [Int]? {
        let entry = Int(words[5 * index])
        return entries[entry].candidates.isEmpty ? nil : entries[entry].candidates
    }
    static var knowsWrittenWords: Bool { true }
    func writtenWord(_ index: Int) -> Substring? {
        let utf8 = text.utf8
        let from = utf8.index(utf8.startIndex, offsetBy: Int(words[5 * index + 3]))
        let to = utf8.index(utf8.startIndex, offsetBy: Int(words[5 * index + 4]))
        return text[from..<to]
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
