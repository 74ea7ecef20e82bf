import DossierSQLite

/// A MinHash sketch of an article's word shingles, to find wire copies: the same story under
/// another headline, byline or footer, or with a few sentences edited.
///
/// An article's words are FTS5's own tokens of its passages in order (case and diacritics folded,
/// Porter-stemmed, so "Attacks" and "attack" are one word); its shingles are every run of
/// ``shingleWords`` consecutive words. Two articles are copies when the Jaccard similarity of their
/// shingle sets is at least ``threshold``: most words in the same order, not merely the same words.
///
/// The sketch is one-permutation MinHash (Li, Owen, Zhang 2012) with rotation densification
/// (Shrivastava, Li 2014): each shingle is hashed once and lands in one of ``bins`` bins, each bin
/// keeps its smallest hash, and an empty bin borrows from the next full one. The share of equal
/// bins estimates the similarity; ``bands`` of ``bandRows`` bins each are the keys under which
/// candidates are looked up (locality-sensitive hashing), so finding an article's copies reads a
/// few index rows instead of every article. Written here because no Swift or Debian library offers
/// MinHash over an existing token stream.
public struct CopySketch: Sendable, Equatable {
    /// Words per shingle.
    public static let shingleWords = 5
    /// Bins of the sketch.
    public static let bins = 64
    /// The Jaccard similarity of shingle sets from which two articles are copies.
    public static let threshold = 0.5
    /// The estimated similarity below which a candidate is not checked exactly: the estimate's
    /// standard error at the threshold is about 0.06 with 64 bins, so this keeps true copies.
    public static let estimateFloor = 0.35
    /// The estimated similarity from which a candidate is a copy without the exact check: five
    /// standard errors above the threshold, so a pair under 0.5 practically never reaches it.
    public static let sureEstimate = 0.8
    /// Articles with fewer shingles are never clustered (too short to tell a copy from a
    /// shared quotation); exact duplicates are still found by their content hash.
    public static let minimumShingles = 25
    /// Lookup bands, and bins per band: a pair at similarity 0.5 shares a band with probability
    /// 0.88, at 0.6 with 0.98, at 0.7 with 0.999; unrelated articles (similarity under 0.05) with
    /// under 0.002.
    public static let bandCount = 16
    public static let bandRows = 3

    /// The smallest hash of each bin.
    public let signature: [UInt32]
    /// The words' hashes in order (for the exact check; not stored).
    let words: [UInt64]

    /// The sketch of the words FTS5 made of an article's passages, or nil when the article has
    /// fewer than ``minimumShingles`` shingles.
    public init?(passageTokens: [FTS5Tokens]) {
        var words: [UInt64] = []
        words.reserveCapacity(passageTokens.reduce(0) { $0 + $1.count })
        for tokens in passageTokens { Self.appendWords(of: tokens, to: &words) }
        self.init(words: words)
    }

    /// The sketch of these word hashes in order, or nil when there are too few.
    init?(words: [UInt64]) {
        guard words.count - Self.shingleWords + 1 >= Self.minimumShingles else { return nil }
        var mins = [UInt64](repeating: .max, count: Self.bins)
        Self.forEachShingle(words) { shingle in
            let bin = Int(shingle >> 58)  // top 6 bits: 64 bins
            let value = shingle & 0x03FF_FFFF_FFFF_FFFF
            if value < mins[bin] { mins[bin] = value }
        }
        var signature = [UInt32](repeating: 0, count: Self.bins)
        for bin in 0..<Self.bins {
            // Rotation densification: an empty bin takes the next full bin's value, moved by the
            // distance, so that two similar articles with the same empty bins still agree there.
            var distance = 0
            while mins[(bin + distance) % Self.bins] == .max { distance += 1 }
            let value = mins[(bin + distance) % Self.bins]
            signature[bin] = UInt32(truncatingIfNeeded: (value >> 26) &+ UInt64(distance) &* 0x9E37_79B9)
        }
        self.signature = signature
        self.words = words
    }

    /// A stored sketch (``bytes``), without words.
    public init?(bytes: [UInt8]) {
        guard bytes.count == Self.bins * 4 else { return nil }
        signature = (0..<Self.bins).map { i in
            UInt32(bytes[4 * i]) | UInt32(bytes[4 * i + 1]) << 8 | UInt32(bytes[4 * i + 2]) << 16 | UInt32(bytes[4 * i + 3]) << 24
        }
        words = []
    }

    /// The signature as stored: 4 bytes per bin, little-endian.
    public var bytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(Self.bins * 4)
        for value in signature {
            out += [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 24)]
        }
        return out
    }

    /// The lookup keys: one per band, the band's number mixed with its bins.
    public var bands: [Int64] {
        (0..<Self.bandCount).map { band in
            var h = UInt64(band) &* 0x9E37_79B9_7F4A_7C15
            for row in 0..<Self.bandRows { h = Self.mix(h ^ UInt64(signature[band * Self.bandRows + row])) }
            return Int64(bitPattern: h)
        }
    }

    /// The share of equal bins: an estimate of the Jaccard similarity of the two shingle sets.
    public func estimatedSimilarity(to other: CopySketch) -> Double {
        var equal = 0
        for i in 0..<Self.bins where signature[i] == other.signature[i] { equal += 1 }
        return Double(equal) / Double(Self.bins)
    }

    /// The exact Jaccard similarity of the shingle sets of two word sequences.
    static func similarity(_ a: [UInt64], _ b: [UInt64]) -> Double {
        let left = Set(shingles(a))
        let right = Set(shingles(b))
        guard !left.isEmpty || !right.isEmpty else { return 0 }
        let common =
            left.count <= right.count
            ? left.reduce(0) { $0 + (right.contains($1) ? 1 : 0) } : right.reduce(0) { $0 + (left.contains($1) ? 1 : 0) }
        return Double(common) / Double(left.count + right.count - common)
    }

    /// The hash of every run of ``shingleWords`` words (one shingle of all words when there are fewer).
    static func shingles(_ words: [UInt64]) -> [UInt64] {
        var out: [UInt64] = []
        out.reserveCapacity(words.count)
        forEachShingle(words) { out.append($0) }
        return out
    }

    /// Calls `body` with the hash of every run of ``shingleWords`` words, in order.
    @inline(__always)
    static func forEachShingle(_ words: [UInt64], _ body: (UInt64) -> Void) {
        guard !words.isEmpty else { return }
        let k = min(Self.shingleWords, words.count)
        words.withUnsafeBufferPointer { words in
            for start in 0...(words.count - k) {
                var h: UInt64 = 0x243F_6A88_85A3_08D3
                for i in start..<(start + k) { h = (h &* 0x100_0000_01B3) ^ words[i] }
                body(mix(h))
            }
        }
    }

    /// Appends the hash of each token FTS5 made (colocated synonyms left out).
    static func appendWords(of tokens: FTS5Tokens, to words: inout [UInt64]) {
        tokens.bytes.withUnsafeBufferPointer { bytes in
            tokens.entries.withUnsafeBufferPointer { entries in
                var start = 0
                var i = 0
                while i + 3 < entries.count {
                    let end = Int(entries[i])
                    if entries[i + 3] & 1 == 0, end > start {
                        var h: UInt64 = 0xCBF2_9CE4_8422_2325  // FNV-1a
                        for b in bytes[start..<end] { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
                        words.append(h)
                    }
                    start = end
                    i += 4
                }
            }
        }
    }

    /// SplitMix64's finaliser: spreads every input bit over the output.
    static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
