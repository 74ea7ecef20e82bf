import DossierSQLite

/// The byte ranges of the tokens FTS5's tokenizer finds in a text, found without calling it for
/// the text: a `unicode61`-based tokenizer (`porter` only rewrites tokens, never moves them)
/// splits text by the class of each scalar alone, and those classes are learnt by asking the
/// tokenizer itself, once per scalar seen, with two tiny probes.
///
/// A scalar is one of:
/// - a *token character*: starts or continues a token (letters and digits, `L* N* Co`);
/// - a *continuing* one: continues a token but does not start one (with `remove_diacritics`, a
///   combining mark after a letter);
/// - a *separator*: ends a token, or is skipped between tokens.
///
/// A scalar whose probes fit none of these makes ``scan(_:starts:ends:)`` give up, and so does
/// anything unexpected about the tokenizer (then ``init(tokenizer:)`` returns nil): callers fall
/// back to the tokenizer. Callers also check the count against FTS5's own (`xColumnSize`).
///
/// Why: for an export of every hit, running the porter tokenizer over each passage only to learn
/// where its tokens are cost more than everything else in making the snippets.
struct FTS5TokenBoundaries {
    private enum Class: UInt8 {
        case unknown = 0
        case separator, token, continuing, unusable
    }

    private let tokenizer: FTS5Tokenizer
    /// Classes of U+0000–U+FFFF, learnt as they are met.
    private var basic: [Class]
    /// Classes of the other scalars met.
    private var astral: [UInt32: Class] = [:]
    /// By byte: 0 an ASCII separator, 1 an ASCII token character, 2 a byte of a longer scalar
    /// (and NUL, which is never probed).
    private var asciiTable: [UInt8] = Array(repeating: 2, count: 256)

    /// Nil when the tokenizer does not behave as a unicode61-based tokenizer does on ASCII.
    init?(tokenizer: FTS5Tokenizer) {
        self.tokenizer = tokenizer
        basic = Array(repeating: .unknown, count: 0x10000)
        basic[0] = .unusable  // SQLite's C strings: never probed
        for byte in UInt32(1)..<0x80 { basic[Int(byte)] = Self.probe(byte, with: tokenizer) }
        // The probes themselves rely on these two.
        guard basic[Int(UInt8(ascii: "a"))] == .token, basic[Int(UInt8(ascii: " "))] == .separator else { return nil }
        for byte in 1..<0x80 {
            switch basic[byte] {
            case .separator: asciiTable[byte] = 0
            case .token: asciiTable[byte] = 1
            default: return nil  // a tokenizer whose ASCII is not simply tokens and separators
            }
        }
    }

    /// The class of `scalar` as the tokenizer treats it, from two probes: `a` `scalar` `a`
    /// (one token: it continues a token) and ` ` `scalar` ` ` (one token: it starts one).
    private static func probe(_ scalar: UInt32, with tokenizer: FTS5Tokenizer) -> Class {
        guard let value = Unicode.Scalar(scalar) else { return .unusable }
        let char = Array(String(value).utf8)
        let n = char.count
        var inside: [(Int, Int)] = []
        _ = (Array("a".utf8) + char + Array("a".utf8)).withUnsafeBufferPointer { text in
            tokenizer.tokenize(text) { _, start, end, _ in inside.append((start, end)) }
        }
        var alone: [(Int, Int)] = []
        _ = (Array(" ".utf8) + char + Array(" ".utf8)).withUnsafeBufferPointer { text in
            tokenizer.tokenize(text) { _, start, end, _ in alone.append((start, end)) }
        }
        let continues = inside.count == 1 && inside[0] == (0, n + 2)
        let splits = inside.count == 2 && inside[0] == (0, 1) && inside[1] == (n + 1, n + 2)
        let starts = alone.count == 1 && alone[0] == (1, n + 1)
        switch (continues, splits, starts, alone.isEmpty) {
        case (true, _, true, _): return .token
        case (true, _, _, true): return .continuing
        case (_, true, _, true): return .separator
        default: return .unusable
        }
    }

    private func probe(_ scalar: UInt32) -> Class { Self.probe(scalar, with: tokenizer) }

    /// Replaces `starts` and `ends` with the byte offsets of each token of `text` (valid UTF-8).
    /// Returns false when a scalar's class is unusable (the arrays are then meaningless).
    mutating func scan(_ text: UnsafeBufferPointer<UInt8>, starts: inout [Int], ends: inout [Int]) -> Bool {
        // Offsets go to scratch buffers with room for the most tokens a text can have (one per
        // two bytes), then into the arrays in one copy: cheaper than an append per token.
        scratch.reserve(text.count / 2 + 1)
        var count = 0
        let ok = scan(text, into: scratch.starts, scratch.ends, count: &count)
        starts = Array(UnsafeBufferPointer(start: scratch.starts, count: count))
        ends = Array(UnsafeBufferPointer(start: scratch.ends, count: count))
        return ok
    }

    /// Room for token offsets, kept between texts.
    private final class Scratch {
        private(set) var starts = UnsafeMutablePointer<Int>.allocate(capacity: 1)
        private(set) var ends = UnsafeMutablePointer<Int>.allocate(capacity: 1)
        private var capacity = 1

        func reserve(_ needed: Int) {
            guard needed > capacity else { return }
            starts.deallocate()
            ends.deallocate()
            capacity = max(needed, capacity * 2)
            starts = .allocate(capacity: capacity)
            ends = .allocate(capacity: capacity)
        }

        deinit {
            starts.deallocate()
            ends.deallocate()
        }
    }

    private var scratch = Scratch()

    private mutating func scan(
        _ text: UnsafeBufferPointer<UInt8>, into starts: UnsafeMutablePointer<Int>, _ ends: UnsafeMutablePointer<Int>, count: inout Int
    ) -> Bool {
        guard let base = text.baseAddress else { return true }
        let n = text.count
        // Without a branch per token for ASCII (words are short, so a loop per run mispredicts
        // twice a word): every byte offers its offset as the next start and the next end, and
        // the counts step only where a token begins or ends. `inToken` is 1 inside a token.
        var started = 0
        var ended = 0
        var inToken = 0
        defer { count = ended }
        return asciiTable.withUnsafeBufferPointer { table in
            var i = 0
            while i < n {
                let byteClass = Int(table[Int(base[i])])  // 0: separator, 1: token, 2: not ASCII
                if byteClass < 2 {
                    starts[started] = i
                    ends[ended] = i
                    started &+= byteClass & (inToken ^ 1)
                    ended &+= inToken & (byteClass ^ 1)
                    inToken = byteClass
                    i &+= 1
                    continue
                }
                // Not ASCII: decode one scalar.
                let byte = base[i]
                var scalar: UInt32
                var width: Int
                if byte < 0xC0 {
                    return false  // NUL, or not the first byte of a scalar
                } else if byte < 0xE0 {
                    guard i + 1 < n else { return false }
                    scalar = UInt32(byte & 0x1F) << 6 | UInt32(base[i + 1] & 0x3F)
                    width = 2
                } else if byte < 0xF0 {
                    guard i + 2 < n else { return false }
                    scalar = UInt32(byte & 0x0F) << 12 | UInt32(base[i + 1] & 0x3F) << 6 | UInt32(base[i + 2] & 0x3F)
                    width = 3
                } else {
                    guard i + 3 < n else { return false }
                    scalar =
                        UInt32(byte & 0x07) << 18 | UInt32(base[i + 1] & 0x3F) << 12
                        | UInt32(base[i + 2] & 0x3F) << 6 | UInt32(base[i + 3] & 0x3F)
                    width = 4
                }
                switch self.class(of: scalar) {
                case .token:
                    if inToken == 0 {
                        starts[started] = i
                        started += 1
                        inToken = 1
                    }
                case .continuing:
                    break  // inside a token it continues it; outside, it is skipped
                case .separator:
                    if inToken == 1 {
                        ends[ended] = i
                        ended += 1
                        inToken = 0
                    }
                case .unknown, .unusable:
                    return false
                }
                i += width
            }
            if inToken == 1 {
                ends[ended] = n
                ended += 1
            }
            return true
        }
    }

    /// The class of a scalar beyond ASCII, probed the first time it is met.
    private mutating func `class`(of scalar: UInt32) -> Class {
        if scalar < 0x10000 {
            let known = basic[Int(scalar)]
            if known != .unknown { return known }
            let probed = probe(scalar)
            basic[Int(scalar)] = probed
            return probed
        }
        if let known = astral[scalar] { return known }
        let probed = probe(scalar)
        astral[scalar] = probed
        return probed
    }
}
