import DossierSQLite

/// FTS5's `snippet(passage_fts, 0, char(57344), char(57345), '…', 24)`, made in Swift from the
/// passage text, byte for byte as SQLite 3.40's `fts5SnippetFunction` (ext/fts5/fts5_aux.c) makes it.
///
/// Why: for a word found in nearly every passage ("the"), FTS5's snippet() is the largest cost of
/// an export; most of it is rebuilding its output with one `sqlite3_mprintf` per piece.
///
/// A struct, so its scratch arrays are accessed without run-time exclusivity checks; not for
/// sharing between threads (its tokenizer is not).
///
/// How it stays identical:
/// - the text is split by FTS5's own tokenizer (``FTS5Tokenizer``, `porter unicode61 remove_diacritics 2`),
///   so tokens, positions and byte offsets are the index's;
/// - the query's phrases are tokenized by the same tokenizer, as FTS5 tokenizes a MATCH string,
///   and a phrase instance is a run of tokens equal to the phrase's (the last one a prefix with `*`);
/// - the window scoring, the sentence starts and the highlighting follow `fts5SnippetScore`,
///   `fts5SentenceFinderCb` and `fts5HighlightCb` step by step.
///
/// Two ways in:
/// - ``snippet(of:instances:into:)`` (export): the instances are FTS5's own, read with the row by
///   ``FTS5Instances``, so any query shape is exact; only the token boundaries are found here, by
///   ``FTS5TokenBoundaries`` (no stemming), or by the tokenizer when those disagree with FTS5's count.
/// - ``snippet(of:into:)`` (top-k search, where the row comes by id without FTS5's context): the
///   instances are found here by stemming the text, which is exact only for some query shapes.
///
/// The second is only for queries whose phrase instances are certain: phrases joined by `AND`, `OR` between
/// phrases only, and `NOT` whose right side is phrases joined by `OR`. For any other shape (`NEAR`,
/// an `AND` inside an `OR`, ...) FTS5 may report instances of a phrase whose branch did not
/// match, so ``init(connection:query:tokenizer:)`` returns nil and the caller keeps FTS5's snippet().
/// ``snippet(of:into:)`` returns false for a text it cannot be sure of (a NUL byte, a synonym
/// token), and the caller asks FTS5 for that one row.
package struct FTS5SnippetMaker {
    /// Tokens per snippet: the last argument of snippet().
    static let tokensPerSnippet = 24
    static let open: [UInt8] = Array("\u{E000}".utf8)
    static let close: [UInt8] = Array("\u{E001}".utf8)
    static let ellipsis: [UInt8] = Array("…".utf8)

    private let tokenizer: FTS5Tokenizer
    /// Distinct query terms (folded, stemmed bytes) and whether each is a prefix.
    private var terms: [(bytes: [UInt8], prefix: Bool)] = []
    /// Each phrase of the query in FTS5's order: indexes into `terms`.
    private var phrases: [[Int]] = []
    /// Tokens in each phrase, in FTS5's order (from `phrases`, or from FTS5 with the instances).
    private var phraseSizes: [Int] = []
    /// Token boundaries without the tokenizer, for ``snippet(of:instances:into:)``.
    private var boundaries: FTS5TokenBoundaries?

    // Per-text scratch, reused.
    private var tokenStart: [Int] = []
    private var tokenEnd: [Int] = []
    private var tokenTerms: [UInt64] = []
    private var instances: [(position: Int, phrase: Int)] = []
    private var sentenceStarts: [Int] = []
    private var seen: [Bool] = []
    private var synonym = false

    /// Nil when the query has a shape whose instances this type cannot be sure to reproduce.
    init?(connection: Connection, query: QueryNode, tokenizer definition: String) {
        guard Self.isCertain(query), let tokenizer = try? FTS5Tokenizer(connection: connection, definition: definition) else {
            return nil
        }
        self.tokenizer = tokenizer
        var failed = false
        Self.collectPhrases(query) { words, prefix in
            var tokens: [[UInt8]] = []
            var synonym = false
            tokenizer.tokenize(words.joined(separator: " "), purpose: prefix ? .prefixQuery : .query) { bytes, _, _, flags in
                if flags & 1 != 0 { synonym = true }
                tokens.append(Array(bytes))
            }
            var indices: [Int] = []
            for (k, term) in tokens.enumerated() {
                let isPrefix = prefix && k == tokens.count - 1
                if let existing = terms.firstIndex(where: { $0.bytes == term && $0.prefix == isPrefix }) {
                    indices.append(existing)
                } else {
                    terms.append((term, isPrefix))
                    indices.append(terms.count - 1)
                }
            }
            if indices.isEmpty || synonym { failed = true }
            phrases.append(indices)
        }
        if failed || terms.count > 64 { return nil }
        phraseSizes = phrases.map(\.count)
        seen = Array(repeating: false, count: phrases.count)
    }

    /// A maker for ``snippet(of:instances:into:)`` only: the instances come from FTS5
    /// (``FTS5Instances``), so any query shape is exact, and the query is not needed.
    /// Nil when the tokenizer cannot be created.
    package init?(connection: Connection, tokenizer definition: String) {
        guard let tokenizer = try? FTS5Tokenizer(connection: connection, definition: definition) else { return nil }
        self.tokenizer = tokenizer
        boundaries = FTS5TokenBoundaries(tokenizer: tokenizer)
    }

    /// Phrases joined by AND (and NOT), `OR` of phrases only, NOT of `OR`s of phrases.
    static func isCertain(_ node: QueryNode) -> Bool {
        switch node {
        case .phrase: return true
        case .and(let nodes): return nodes.allSatisfy(isCertain)
        case .or(let nodes): return nodes.allSatisfy(isPhraseUnion)
        case .not(let positive, let negative): return isCertain(positive) && isPhraseUnion(negative)
        case .near: return false
        }
    }

    /// A phrase, or phrases joined by OR: where any of them occurs, its leaf is at the row.
    static func isPhraseUnion(_ node: QueryNode) -> Bool {
        switch node {
        case .phrase: return true
        case .or(let nodes): return nodes.allSatisfy(isPhraseUnion)
        default: return false
        }
    }

    /// Every phrase in the order FTS5 numbers them: left to right as written in ``QueryNode/fts5``.
    static func collectPhrases(_ node: QueryNode, _ body: ([String], Bool) -> Void) {
        switch node {
        case .phrase(let words, let prefix): body(words, prefix)
        case .and(let nodes), .or(let nodes), .near(let nodes, _): for child in nodes { collectPhrases(child, body) }
        case .not(let a, let b):
            collectPhrases(a, body)
            collectPhrases(b, body)
        }
    }

    /// Appends the snippet of `text` to `out`, with FTS5's markers (U+E000, U+E001) and `…`.
    /// Returns false, leaving `out` as it was, when the text needs FTS5's own snippet().
    mutating func snippet(of text: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) -> Bool {
        if text.contains(0) { return false }  // sqlite3_mprintf("%.*s") stops at a NUL
        tokenize(text)
        if synonym { return false }
        findSentenceStarts(text)
        findInstances()
        makeSnippet(text, nDocsize: tokenStart.count, into: &out)
        return true
    }

    /// Appends the snippet of `text` to `out` as ``snippet(of:into:)`` does, from FTS5's own
    /// instances and sizes (a value of ``FTS5Instances`` for this row): only the token boundaries
    /// are found here, so nothing is stemmed and any query shape is exact. Returns false, leaving
    /// `out` as it was, when the text needs FTS5's own snippet() (a NUL byte, a malformed value,
    /// boundaries that disagree with FTS5's token count).
    package mutating func snippet(of text: UnsafeBufferPointer<UInt8>, instances value: UnsafeRawBufferPointer, into out: inout [UInt8])
        -> Bool
    {
        guard let value = FTS5Instances.View(value) else { return false }
        let columnSize = value.columnSize
        if text.contains(0) { return false }  // sqlite3_mprintf("%.*s") stops at a NUL
        phraseSizes.removeAll(keepingCapacity: true)
        for k in 0..<value.phraseCount { phraseSizes.append(value.phraseSize(k)) }
        if seen.count != value.phraseCount { seen = Array(repeating: false, count: value.phraseCount) }
        instances.removeAll(keepingCapacity: true)
        for i in 0..<value.instanceCount {
            let (phrase, offset) = value.instance(i)
            guard phrase >= 0, phrase < value.phraseCount, offset >= 0, offset <= columnSize else { return false }
            instances.append((offset, phrase))
        }
        // The boundaries without the tokenizer when they agree with FTS5's count, else the tokenizer's.
        let scanned = boundaries != nil && boundaries!.scan(text, starts: &tokenStart, ends: &tokenEnd) && tokenStart.count == columnSize
        guard scanned || (tokenizeBoundaries(text) && tokenStart.count == columnSize) else { return false }
        findSentenceStarts(text)
        makeSnippet(text, nDocsize: columnSize, into: &out)
        return true
    }

    /// Token offsets of `text` from the tokenizer (false if it failed or made a synonym).
    private mutating func tokenizeBoundaries(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        tokenStart.removeAll(keepingCapacity: true)
        tokenEnd.removeAll(keepingCapacity: true)
        var starts = tokenStart
        var ends = tokenEnd
        tokenStart = []
        tokenEnd = []
        var synonym = false
        let ok = tokenizer.tokenize(text) { _, start, end, flags in
            if flags & 1 != 0 {
                synonym = true
                return
            }
            starts.append(start)
            ends.append(end)
        }
        tokenStart = starts
        tokenEnd = ends
        return ok && !synonym
    }

    /// fts5SentenceFinderCb over the token starts: a token after white space that follows '.' or ':' starts a sentence.
    private mutating func findSentenceStarts(_ text: UnsafeBufferPointer<UInt8>) {
        sentenceStarts.removeAll(keepingCapacity: true)
        guard !tokenStart.isEmpty else { return }
        sentenceStarts.append(0)
        var position = 1
        while position < tokenStart.count {
            let start = tokenStart[position]
            var i = start - 1
            var c: UInt8 = 0
            while i >= 0 {
                c = text[i]
                if c != 0x20 && c != 0x09 && c != 0x0A && c != 0x0D { break }
                i -= 1
            }
            if i != start - 1 && (c == 0x2E || c == 0x3A) { sentenceStarts.append(position) }
            position += 1
        }
    }

    /// fts5SnippetFunction from the instances, token offsets and sentence starts found.
    private mutating func makeSnippet(_ text: UnsafeBufferPointer<UInt8>, nDocsize: Int, into out: inout [UInt8]) {
        let nToken = Self.tokensPerSnippet

        // fts5SnippetFunction: the best window over every instance and sentence start.
        var bestScore = 0
        var bestStart = 0
        // Instances come in position order, so the sentence index only moves forward, and a window
        // already scored (same start) cannot win again: its score was compared with a best score
        // that has only grown since. Skipping those is exactly FTS5's outcome, with less work.
        var jj = 0
        var lastStart = -1
        var lastSentence = -1
        for instance in instances {
            let io = instance.position
            if io != lastStart {
                lastStart = io
                let (score, adjusted) = windowScore(from: io, nDocsize: nDocsize, adjust: true)
                if score > bestScore {
                    bestScore = score
                    bestStart = adjusted
                }
            }
            if !sentenceStarts.isEmpty && nDocsize > nToken {
                while jj < sentenceStarts.count - 1 {
                    if sentenceStarts[jj + 1] > io { break }
                    jj += 1
                }
                if sentenceStarts[jj] < io && jj != lastSentence {
                    lastSentence = jj
                    var (score, _) = windowScore(from: sentenceStarts[jj], nDocsize: nDocsize, adjust: false)
                    score += sentenceStarts[jj] == 0 ? 120 : 100
                    if score > bestScore {
                        bestScore = score
                        bestStart = sentenceStarts[jj]
                    }
                }
            }
        }
        highlight(text, rangeStart: bestStart, rangeEnd: bestStart + nToken - 1, nColSize: nDocsize, into: &out)
    }

    /// Tokens of the text: offsets and matching terms.
    private mutating func tokenize(_ text: UnsafeBufferPointer<UInt8>) {
        // Local arrays, moved out and back, for the callback to append to.
        var starts = tokenStart
        var ends = tokenEnd
        var masks = tokenTerms
        tokenStart = []
        tokenEnd = []
        tokenTerms = []
        starts.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        masks.removeAll(keepingCapacity: true)
        var synonym = false
        let terms = self.terms
        tokenizer.tokenize(text) { bytes, start, end, flags in
            if flags & 1 != 0 {
                synonym = true
                return
            }
            var mask: UInt64 = 0
            var index = 0
            while index < terms.count {
                let term = terms[index]
                if term.prefix ? bytes.count >= term.bytes.count : bytes.count == term.bytes.count, Self.startsWith(bytes, term.bytes) {
                    mask |= 1 << UInt64(index)
                }
                index += 1
            }
            starts.append(start)
            ends.append(end)
            masks.append(mask)
        }
        tokenStart = starts
        tokenEnd = ends
        tokenTerms = masks
        self.synonym = synonym
    }

    private static func startsWith(_ bytes: UnsafeBufferPointer<UInt8>, _ prefix: [UInt8]) -> Bool {
        var i = 0
        while i < prefix.count {
            if bytes[i] != prefix[i] { return false }
            i += 1
        }
        return true
    }

    /// Every phrase instance, ordered as FTS5's xInst: by position, then by phrase.
    private mutating func findInstances() {
        instances.removeAll(keepingCapacity: true)
        let count = tokenTerms.count
        for position in 0..<count where tokenTerms[position] != 0 {
            for (index, phrase) in phrases.enumerated() where position + phrase.count <= count {
                var matches = true
                for (k, term) in phrase.enumerated() where tokenTerms[position + k] & (1 << UInt64(term)) == 0 {
                    matches = false
                    break
                }
                if matches { instances.append((position, index)) }
            }
        }
    }

    /// fts5SnippetScore: 1000 for each phrase's first instance in the window, 1 for the others,
    /// and (with `adjust`) the window start that centres the instances found.
    private mutating func windowScore(from start: Int, nDocsize: Int, adjust: Bool) -> (Int, Int) {
        let nToken = Self.tokensPerSnippet
        let end = start + nToken
        for i in seen.indices { seen[i] = false }
        var score = 0
        var first = -1
        var last = 0
        // Instances are in position order: start at the first one inside the window.
        var low = 0
        var high = instances.count
        while low < high {
            let middle = (low + high) / 2
            if instances[middle].position < start { low = middle + 1 } else { high = middle }
        }
        var i = low
        while i < instances.count && instances[i].position < end {
            let instance = instances[i]
            score += seen[instance.phrase] ? 1 : 1000
            seen[instance.phrase] = true
            if first < 0 { first = instance.position }
            last = instance.position + phraseSizes[instance.phrase]
            i += 1
        }
        guard adjust else { return (score, 0) }
        var adjusted = first - (nToken - (last - first)) / 2
        if adjusted + nToken > nDocsize { adjusted = nDocsize - nToken }
        if adjusted < 0 { adjusted = 0 }
        return (score, adjusted)
    }

    /// The coalesced instances (overlapping ones joined) as FTS5's CInstIter walks them.
    private struct CoalescedInstances {
        var next = 0
        var start = -1
        var end = -1

        mutating func advance(_ instances: [(position: Int, phrase: Int)], _ phraseSizes: [Int]) {
            start = -1
            end = -1
            while next < instances.count {
                let io = instances[next].position
                let last = io - 1 + phraseSizes[instances[next].phrase]
                if start < 0 {
                    start = io
                    end = last
                } else if io <= end {
                    if last > end { end = last }
                } else {
                    break
                }
                next += 1
            }
        }
    }

    /// fts5HighlightCb over the window, then the leading and trailing ellipses.
    private func highlight(_ text: UnsafeBufferPointer<UInt8>, rangeStart: Int, rangeEnd: Int, nColSize: Int, into out: inout [UInt8]) {
        func copy(_ from: Int, _ to: Int) {
            if to > from { out.append(contentsOf: UnsafeBufferPointer(rebasing: text[from..<to])) }
        }
        var iter = CoalescedInstances()
        iter.advance(instances, phraseSizes)
        if rangeStart > 0 { out.append(contentsOf: Self.ellipsis) }
        while iter.start >= 0 && iter.start < rangeStart { iter.advance(instances, phraseSizes) }
        var offset = 0
        let last = min(rangeEnd, tokenStart.count - 1)
        if rangeStart <= last {
            for position in rangeStart...last {
                let start = tokenStart[position]
                let end = tokenEnd[position]
                if rangeStart != 0 && position == rangeStart { offset = start }
                if position == iter.start {
                    copy(offset, start)
                    out.append(contentsOf: Self.open)
                    offset = start
                }
                if position == iter.end {
                    if iter.start < rangeStart { out.append(contentsOf: Self.open) }
                    copy(offset, end)
                    out.append(contentsOf: Self.close)
                    offset = end
                    iter.advance(instances, phraseSizes)
                }
                if position == rangeEnd {
                    copy(offset, end)
                    offset = end
                    if position >= iter.start && position < iter.end { out.append(contentsOf: Self.close) }
                }
            }
        }
        if rangeEnd >= nColSize - 1 {
            copy(offset, text.count)
        } else {
            out.append(contentsOf: Self.ellipsis)
        }
    }
}
