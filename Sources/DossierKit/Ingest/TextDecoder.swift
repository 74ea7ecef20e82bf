/// Turns a file's bytes into text.
///
/// - A byte-order mark picks UTF-8, UTF-16 LE or UTF-16 BE.
/// - Without one, a NUL byte means binary. Bytes that decode as UTF-8 are UTF-8; if the file has
///   valid multi-byte UTF-8 sequences and a few invalid ones, those are replaced with U+FFFD; if it
///   has none, high bytes are read as Windows-1252.
/// - CRLF and lone CR become LF.
public enum TextDecoder {
    /// The encoding that was detected.
    public enum Encoding: String, Sendable {
        case utf8 = "utf-8"
        case utf16LE = "utf-16le"
        case utf16BE = "utf-16be"
        case windows1252 = "windows-1252"
    }

    /// Decodes `bytes`. Returns nil when they are binary (a NUL byte outside UTF-16).
    public static func decode(_ bytes: [UInt8]) -> (text: String, encoding: Encoding)? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return decodeUTF8(bytes[3...]).map { (normalizeLineEnds($0), .utf8) }
        }
        if bytes.starts(with: [0xFF, 0xFE]) {
            return (normalizeLineEnds(decodeUTF16(bytes[2...], littleEndian: true)), .utf16LE)
        }
        if bytes.starts(with: [0xFE, 0xFF]) {
            return (normalizeLineEnds(decodeUTF16(bytes[2...], littleEndian: false)), .utf16BE)
        }
        if bytes.contains(0) { return nil }
        if let text = decodeUTF8(bytes[...]) {
            return (normalizeLineEnds(text), .utf8)
        }
        return (normalizeLineEnds(decodeWindows1252(bytes)), .windows1252)
    }

    /// UTF-8, with invalid sequences replaced, when the bytes look like UTF-8 (strictly valid,
    /// or with at least one valid multi-byte sequence). Nil when they look like a legacy 8-bit encoding.
    static func decodeUTF8(_ bytes: ArraySlice<UInt8>) -> String? {
        if let valid = String(validating: bytes, as: UTF8.self) {  // the common case, on the fast validator
            return valid
        }
        var sawMultiByte = false
        var sawInvalid = false
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar.value >= 0x80 { sawMultiByte = true }
            case .emptyInput: break loop
            case .error: sawInvalid = true
            }
        }
        if sawInvalid && !sawMultiByte { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func decodeUTF16(_ bytes: ArraySlice<UInt8>, littleEndian: Bool) -> String {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            let a = UInt16(bytes[index]), b = UInt16(bytes[index + 1])
            units.append(littleEndian ? (b << 8 | a) : (a << 8 | b))
            index += 2
        }
        return String(decoding: units, as: UTF16.self)
    }

    /// Windows-1252: Latin-1 plus printable characters in 0x80–0x9F.
    static func decodeWindows1252(_ bytes: [UInt8]) -> String {
        let high: [UInt32] = [
            0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
            0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
        ]
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            let value = (0x80...0x9F).contains(byte) ? high[Int(byte) - 0x80] : UInt32(byte)
            scalars.append(Unicode.Scalar(value)!)
        }
        return String(scalars)
    }

    /// Replaces CRLF and lone CR with LF.
    public static func normalizeLineEnds(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "\r")) else { return text }
        var out = [UInt8]()
        out.reserveCapacity(text.utf8.count)
        var previousCR = false
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\r") {
                out.append(UInt8(ascii: "\n"))
                previousCR = true
            } else {
                if !(byte == UInt8(ascii: "\n") && previousCR) { out.append(byte) }
                previousCR = false
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
