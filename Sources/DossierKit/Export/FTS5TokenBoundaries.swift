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
        case unknown = 0, separator, token, continuing, unusable
    }

    private let tokenizer: FTS5Tokenizer
    /// Classes of U+0000–U+FFFF, learnt as they are met.
    private var basic: [Class]
    /// Classes of the other scalars met.
    private var astral: [UInt32: Class] = [:]

    /// Nil when the tokenizer does not behave as a unicode61-based tokenizer does on ASCII.
    init?(tokenizer: FTS5Tokenizer) {
        self.tokenizer = tokenizer
        basic = Array(repeating: .unknown, count: 0x10000)
        basic[0] = .unusable  // SQLite's C strings: never probed
        for byte in UInt32(1)..<0x80 { basic[Int(byte)] = Self.probe(byte, with: tokenizer) }
        // The probes themselves rely on these two.
        guard basic[Int(UInt8(ascii: "a"))] == .token, basic[Int(UInt8(ascii: " "))] == .separator else { return nil }
    }

    /// The class of `scalar` as the tokenizer treats it, from two probes: `a` `scalar` `a`
    /// (one token: it continues a token) and ` ` `scalar` ` ` (one token: it starts one).
    private static func probe(_ scalar: UInt32, with tokenizer: FTS5Tokenizer) -> Class {
        guard let value = Unicode.Scalar(scalar) else { return .unusable }
        let char = Array(String(value).utf8)
        let n = char.count
        var inside: [(Int, Int)] = []
        (Array("a".utf8) + char + Array("a".utf8)).withUnsafeBufferPointer { text in
            tokenizer.tokenize(text) { _, start, end, _ in inside.append((start, end)) }
        }
        var alone: [(Int, Int)] = []
        (Array(" ".utf8) + char + Array(" ".utf8)).withUnsafeBufferPointer { text in
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
        starts.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        let n = text.count
        var i = 0
        var start = -1
        while i < n {
            let byte = text[i]
            var cls: Class
            var width = 1
            if byte < 0x80 {
                cls = basic[Int(byte)]
            } else {
                var scalar: UInt32
                if byte < 0xE0 {
                    guard i + 1 < n else { return false }
                    scalar = UInt32(byte & 0x1F) << 6 | UInt32(text[i + 1] & 0x3F)
                    width = 2
                } else if byte < 0xF0 {
                    guard i + 2 < n else { return false }
                    scalar = UInt32(byte & 0x0F) << 12 | UInt32(text[i + 1] & 0x3F) << 6 | UInt32(text[i + 2] & 0x3F)
                    width = 3
                } else {
                    guard i + 3 < n else { return false }
                    scalar = UInt32(byte & 0x07) << 18 | UInt32(text[i + 1] & 0x3F) << 12
                        | UInt32(text[i + 2] & 0x3F) << 6 | UInt32(text[i + 3] & 0x3F)
                    width = 4
                }
                if scalar < 0x10000 {
                    cls = basic[Int(scalar)]
                    if cls == .unknown {
                        cls = probe(scalar)
                        basic[Int(scalar)] = cls
                    }
                } else if let known = astral[scalar] {
                    cls = known
                } else {
                    cls = probe(scalar)
                    astral[scalar] = cls
                }
            }
            switch cls {
            case .token:
                if start < 0 { start = i }
            case .continuing:
                break  // inside a token it continues it; outside, it is skipped
            case .separator:
                if start >= 0 {
                    starts.append(start)
                    ends.append(i)
                    start = -1
                }
            case .unknown, .unusable:
                return false
            }
            i += width
        }
        if start >= 0 {
            starts.append(start)
            ends.append(n)
        }
        return true
    }
}
