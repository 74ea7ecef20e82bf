import DossierSupport

/// One JSON object written straight into a byte buffer, without a `String` per field; the buffer
/// is reused from row to row.
///
/// Holds the one JSON string escaper of Dossier (``appendEscaped(_:to:)-(UnsafeBufferPointer<UInt8>,_)``):
/// the row writers, ``JSONObject`` (stats, topics, the export manifest) and OpenSearch actions all escape through it.
struct JSONBytes {
    /// The bytes so far.
    var bytes: [UInt8] = []
    private var fields = 0

    init(capacity: Int = 4096) {
        bytes.reserveCapacity(capacity)
    }

    /// Empties the buffer, keeping its storage.
    mutating func clear() {
        bytes.removeAll(keepingCapacity: true)
    }

    /// Opens an object.
    mutating func begin() {
        bytes.append(UInt8(ascii: "{"))
        fields = 0
    }

    /// Closes the object.
    mutating func end() {
        bytes.append(UInt8(ascii: "}"))
    }

    /// Appends raw bytes (ASCII punctuation, line ends).
    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Fields already in JSON (`"a":1,"b":2`, as ``JSONObject`` holds them).
    mutating func fields(_ json: String) {
        guard !json.isEmpty else { return }
        if fields > 0 { bytes.append(UInt8(ascii: ",")) }
        fields += 1
        bytes.append(contentsOf: json.utf8)
    }

    /// A key (plain ASCII, needing no escapes) and its colon.
    mutating func key(_ name: StaticString) {
        if fields > 0 { bytes.append(UInt8(ascii: ",")) }
        fields += 1
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
    }

    mutating func add(_ name: StaticString, _ value: String?) {
        key(name)
        if let value { string(value) } else { raw("null") }
    }

    mutating func add(_ name: StaticString, number value: Int) {
        key(name)
        Self.appendDecimal(value, to: &bytes)
    }

    /// A number, or null.
    mutating func add(_ name: StaticString, number value: Int?) {
        key(name)
        if let value { Self.appendDecimal(value, to: &bytes) } else { raw("null") }
    }

    mutating func add(_ name: StaticString, strings values: [String]) {
        key(name)
        bytes.append(UInt8(ascii: "["))
        for (index, value) in values.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            string(value)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// A score with four decimals (``Figures/score(_:)``).
    mutating func add(_ name: StaticString, score value: Double) {
        key(name)
        Figures.appendScore(value, to: &bytes)
    }

    /// A snippet with its match markers (U+E000, U+E001) replaced by `open` and `close`, as
    /// ``Hit/snippet(open:close:)`` then ``JSONObject/quote(_:)`` would write it.
    mutating func add(_ name: StaticString, snippet value: String, open: [UInt8], close: [UInt8]) {
        key(name)
        var value = value
        if value.utf8.withContiguousStorageIfAvailable({ _ in () }) == nil { value.makeContiguousUTF8() }
        _ = value.utf8.withContiguousStorageIfAvailable { source in
            bytes.append(UInt8(ascii: "\""))
            var i = 0
            while i < source.count {
                if source[i] == 0xEE && i + 2 < source.count && source[i + 1] == 0x80 && (source[i + 2] == 0x80 || source[i + 2] == 0x81) {
                    Self.appendEscaped(source[i + 2] == 0x80 ? open : close, to: &bytes)
                    i += 3
                } else {
                    var j = i + 1
                    while j < source.count && source[j] != 0xEE { j += 1 }
                    Self.appendEscaped(UnsafeBufferPointer(rebasing: source[i..<j]), to: &bytes)
                    i = j
                }
            }
            bytes.append(UInt8(ascii: "\""))
        }
    }

    /// `value` as a JSON string literal.
    mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        // A native string's bytes in place (no copy of the string to make it mutable).
        if value.utf8.withContiguousStorageIfAvailable({ Self.appendEscaped($0, to: &bytes) }) == nil {
            var copy = value
            copy.withUTF8 { Self.appendEscaped($0, to: &bytes) }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Escapes `"`, `\`, control characters (`\n`, `\r`, `\t`, else `\u00XX`) and U+2028/U+2029 (`\u2028`, `\u2029`).
    static func appendEscaped(_ source: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        guard let base = source.baseAddress else { return }
        let end = source.count
        var run = 0  // start of bytes not yet copied
        var i = 0
        while i < end {
            // Eight bytes at a time while none of them needs a look: no byte below 0x20, no '"',
            // no '\\', no 0xE2 (the lead byte of U+2028 and U+2029).
            while i + 8 <= end {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                if Self.hasSpecialByte(word) { break }
                i += 8
            }
            if i >= end { break }
            let b = source[i]
            if b >= 0x20 && b != 0x22 && b != 0x5C && b != 0xE2 {
                i += 1
                continue
            }
            if b == 0xE2 {
                if i + 2 < end && source[i + 1] == 0x80 && (source[i + 2] == 0xA8 || source[i + 2] == 0xA9) {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: source[run..<i]))
                    out.append(contentsOf: [0x5C, 0x75, 0x32, 0x30, 0x32, source[i + 2] == 0xA8 ? 0x38 : 0x39])
                    i += 3
                    run = i
                } else {
                    i += 1
                }
                continue
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: source[run..<i]))
            switch b {
            case 0x22, 0x5C: out.append(contentsOf: [0x5C, b])
            case 0x0A: out.append(contentsOf: [0x5C, 0x6E])
            case 0x0D: out.append(contentsOf: [0x5C, 0x72])
            case 0x09: out.append(contentsOf: [0x5C, 0x74])
            default: out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hexDigits[Int(b >> 4)], hexDigits[Int(b & 0x0F)]])
            }
            i += 1
            run = i
        }
        if end > run { out.append(contentsOf: UnsafeBufferPointer(rebasing: source[run..<end])) }
    }

    /// `appendEscaped` of an array of bytes.
    static func appendEscaped(_ source: [UInt8], to out: inout [UInt8]) {
        source.withUnsafeBufferPointer { appendEscaped($0, to: &out) }
    }

    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// True when a byte of `word` is below 0x20, or is 0x22, 0x5C or 0xE2 (exact, no false negatives).
    @inline(__always)
    static func hasSpecialByte(_ word: UInt64) -> Bool {
        @inline(__always) func hasZero(_ v: UInt64) -> Bool { (v &- ones) & ~v & highs != 0 }
        @inline(__always) func hasLess(_ v: UInt64, _ n: UInt64) -> Bool { (v &- ones &* n) & ~v & highs != 0 }
        return hasLess(word, 0x20) || hasZero(word ^ (ones &* 0x22)) || hasZero(word ^ (ones &* 0x5C))
            || hasZero(word ^ (ones &* 0xE2))
    }

    /// Appends the decimal digits of `value` (``Figures/appendDecimal(_:to:)``).
    @inline(__always)
    static func appendDecimal(_ value: Int, to out: inout [UInt8]) {
        Figures.appendDecimal(value, to: &out)
    }
}
