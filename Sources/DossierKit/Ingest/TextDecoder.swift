#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns a file's bytes into text.
///
/// - A byte-order mark picks UTF-8, UTF-16 LE or UTF-16 BE.
/// - Without one, a NUL byte means binary. Bytes that decode as UTF-8 are UTF-8; if the file has
///   valid multi-byte UTF-8 sequences and a few invalid ones, those are replaced with U+FFFD; if it
///   has none, high bytes are read as Windows-1252.
/// - CRLF and lone CR become LF.
///
/// ``decode(_:charset:)`` decodes text whose charset is declared (an e-mail's `Content-Type`, an
/// HTML page's `<meta charset>`).
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
            let a = UInt16(bytes[index])
            let b = UInt16(bytes[index + 1])
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
        let hasCR =
            text.utf8.withContiguousStorageIfAvailable { bytes in
                bytes.isEmpty ? false : memchr(bytes.baseAddress!, Int32(UInt8(ascii: "\r")), bytes.count) != nil
            } ?? text.utf8.contains(UInt8(ascii: "\r"))
        guard hasCR else { return text }
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

    /// Decodes `bytes` declared to be in `charset` (an IANA name such as `utf-8`, `iso-8859-1`,
    /// `windows-1251`, `koi8-r`, `shift_jis`), with line ends normalised to LF.
    ///
    /// UTF-8, US-ASCII, ISO-8859-1, Windows-1252 and UTF-16 are decoded here; other charsets go
    /// through the C library's `iconv`. Like web browsers, ISO-8859-1 and US-ASCII are read as
    /// Windows-1252, a superset; US-ASCII text with 8-bit bytes is decoded as undeclared text would
    /// be. An unknown or missing charset falls back to ``decode(_:)``'s detection. Bytes invalid in the
    /// charset become U+FFFD; NUL bytes are dropped. Never fails.
    ///
    /// ```swift
    /// TextDecoder.decode([0x63, 0x61, 0x66, 0xE9], charset: "iso-8859-1")  // "café"
    /// ```
    public static func decode(_ bytes: [UInt8], charset: String?) -> String {
        let label = charset.map(normalizeCharsetLabel) ?? ""
        if asciiCompatible.contains(label), bytes.allSatisfy({ $0 < 0x80 && $0 != 0x0D && $0 != 0 }) {
            return String(decoding: bytes, as: UTF8.self)  // plain ASCII: the common case of headers and parts
        }
        let text: String
        switch label {
        case "utf8", "unicode11utf8", "xunicode20utf8":
            let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes[3...] : bytes[...]
            text = String(decoding: body, as: UTF8.self)
        case "iso88591", "latin1", "l1", "isolatin1", "cp819", "ibm819", "windows1252", "cp1252", "xcp1252":
            text = decodeWindows1252(bytes)
        case "utf16le", "utf16be", "utf16", "unicode", "ucs2":
            if bytes.starts(with: [0xFF, 0xFE]) {
                text = decodeUTF16(bytes[2...], littleEndian: true)
            } else if bytes.starts(with: [0xFE, 0xFF]) {
                text = decodeUTF16(bytes[2...], littleEndian: false)
            } else if label == "utf16le" || label == "utf16be" {
                text = decodeUTF16(bytes[...], littleEndian: label == "utf16le")
            } else {
                // No byte-order mark: the NULs of ASCII characters tell the order.
                let evenZeros = stride(from: 0, to: min(bytes.count, 512), by: 2).filter { bytes[$0] == 0 }.count
                let oddZeros = stride(from: 1, to: min(bytes.count, 512), by: 2).filter { bytes[$0] == 0 }.count
                text = decodeUTF16(bytes[...], littleEndian: oddZeros >= evenZeros)
            }
        case "", "usascii", "ascii", "ansix341968", "iso646us", "us", "ibm367", "cp367", "csascii", "7bit", "8bit", "unknown8bit",
            "xunknown", "unknown", "default":
            text = decode(bytes.filter { $0 != 0 })?.text ?? decodeWindows1252(bytes)
        default:
            if let converted = iconvDecode(bytes, from: charset!) {
                text = converted
            } else {
                text = decode(bytes.filter { $0 != 0 })?.text ?? decodeWindows1252(bytes)
            }
        }
        let cleaned = text.utf8.contains(0) ? String(text.unicodeScalars.filter { $0 != "\0" }.map(Character.init)) : text
        return normalizeLineEnds(cleaned)
    }

    /// Labels whose text is plain ASCII when every byte is below 0x80 (unlike UTF-7, ISO-2022 or UTF-16).
    static let asciiCompatible: Set<String> = [
        "", "utf8", "usascii", "ascii", "iso88591", "latin1", "windows1252", "cp1252", "7bit", "8bit", "unknown8bit",
    ]

    /// `ISO_8859-1`, `"iso-8859-1"`, `Latin1 ` → `iso88591`, `latin1`: lower-cased, quotes, dashes,
    /// underscores, dots and spaces removed.
    static func normalizeCharsetLabel(_ label: String) -> String {
        String(label.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }.map(Character.init))
    }

    /// Converts `bytes` from `charset` to UTF-8 with iconv; invalid bytes become U+FFFD.
    /// Nil when iconv does not know the charset.
    static func iconvDecode(_ bytes: [UInt8], from charset: String) -> String? {
        let name = Substring(charset).trimmingCharacters(in: .whitespaces).filter { $0 != "\"" && $0 != "'" }
        guard !name.isEmpty, name.utf8.count < 64 else { return nil }
        let cd = iconv_open("UTF-8", name)
        guard let cd, Int(bitPattern: cd) != -1 else { return nil }
        defer { iconv_close(cd) }
        var output = [UInt8]()
        output.reserveCapacity(bytes.count * 2)
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        var input = bytes
        input.withUnsafeMutableBufferPointer { inBuffer in
            var inPointer = UnsafeMutableRawPointer(inBuffer.baseAddress).map { $0.assumingMemoryBound(to: CChar.self) }
            var inLeft = inBuffer.count
            while true {
                let (status, produced, error) = chunk.withUnsafeMutableBufferPointer { outBuffer -> (Int, Int, Int32) in
                    var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuffer.baseAddress!).assumingMemoryBound(
                        to: CChar.self)
                    var outLeft = outBuffer.count
                    let status =
                        inLeft == 0 ? iconv(cd, nil, nil, &outPointer, &outLeft) : iconv(cd, &inPointer, &inLeft, &outPointer, &outLeft)
                    return (status, outBuffer.count - outLeft, errno)
                }
                output += chunk[0..<produced]
                if status != -1 {
                    if inLeft == 0 { break }
                    continue
                }
                if error == E2BIG { continue }
                // EILSEQ or EINVAL: an invalid or truncated sequence; replace one byte and go on.
                guard inLeft > 0 else { break }
                output += [0xEF, 0xBF, 0xBD]
                inPointer = inPointer.map { $0 + 1 }
                inLeft -= 1
                if inLeft == 0 { break }
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
