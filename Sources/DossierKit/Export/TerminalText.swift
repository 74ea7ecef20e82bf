/// Text from the index made safe to print on a terminal.
///
/// Titles, snippets, passages, topic labels and messages come from files Dossier did not write; a
/// file holding `ESC ] 52 ; c ; … BEL` would set the reader's clipboard when printed, `ESC [ 2 J`
/// would clear the screen, a carriage return would let a line overwrite the one before. Every
/// human-readable output (the `text` format of `search`, `topics` and `stats`, the index summary
/// and every message on stderr) passes content through ``sanitized(_:)``; JSON, CSV and TSV do not,
/// they escape or quote control characters their own way.
///
/// The rendering is the one paths already get (``FolderWalker/escaped(_:)``, as `ls -b`):
///
/// - carriage return → `\r`;
/// - other C0 controls (U+0000–U+001F) and DEL (U+007F) → `\xHH`: ESC is `\x1B`, BEL `\x07`;
/// - C1 controls (U+0080–U+009F) → their UTF-8 bytes as `\xC2\xHH`: CSI (U+009B) is `\xC2\x9B`;
/// - the bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), which can
///   make a line display in another order than it reads ("Trojan Source"), and the line and paragraph
///   separators (U+2028, U+2029) → their UTF-8 bytes: U+202E is `\xE2\x80\xAE`. The marks LRM and RLM
///   (U+200E, U+200F) stay: right-to-left text uses them and they reorder nothing beyond themselves.
///
/// Tab and line feed are kept: the text format keeps tabs as they are and flattens a snippet's
/// line feeds to spaces itself. Backslashes are kept too (unlike in paths), so text without
/// control characters, and a path already escaped, come back unchanged (the same `String`).
///
/// ```swift
/// TerminalText.sanitized("a\u{1B}]52;c;eA==\u{07}b")  // "a\\x1B]52;c;eA==\\x07b"
/// ```
public enum TerminalText {
    /// `text` with its control characters written out: see the type's documentation.
    public static func sanitized(_ text: String) -> String {
        var text = text
        return text.withUTF8 { source -> String? in
            var first = 0
            while first < source.count && !isControl(source, at: first) { first += 1 }
            guard first < source.count else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(source.count + 16)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: source[..<first]))
            var i = first
            while i < source.count {
                let b = source[i]
                if b == 0x0D {
                    out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
                    i += 1
                } else if b < 0x20 && b != 0x09 && b != 0x0A || b == 0x7F {
                    appendHex(b, to: &out)
                    i += 1
                } else if isControl(source, at: i) {  // C1 (2 bytes) or a bidi control or separator (3 bytes)
                    let width = b == 0xC2 ? 2 : 3
                    for k in i..<(i + width) { appendHex(source[k], to: &out) }
                    i += width
                } else {
                    out.append(b)
                    i += 1
                }
            }
            return String(decoding: out, as: UTF8.self)
        } ?? text
    }

    /// True when the bytes of `text` hold a character ``sanitized(_:)`` writes out.
    public static func needsSanitizing(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { source in
            (0..<source.count).contains { isControl(source, at: $0) }
        }
    }

    /// Whether a character written out starts at byte `i`: C0 but tab and line feed, DEL, the lead
    /// byte of a C1, or of U+2028–U+202E or U+2066–U+2069.
    @inline(__always)
    private static func isControl(_ source: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        let b = source[i]
        if b < 0x20 { return b != 0x09 && b != 0x0A }
        if b == 0x7F { return true }
        if b == 0xC2 { return i + 1 < source.count && source[i + 1] < 0xA0 }
        guard b == 0xE2, i + 2 < source.count else { return false }
        let (second, third) = (source[i + 1], source[i + 2])
        return second == 0x80 && (0xA8...0xAE).contains(third) || second == 0x81 && (0xA6...0xA9).contains(third)
    }

    private static let hexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)

    private static func appendHex(_ byte: UInt8, to out: inout [UInt8]) {
        out.append(contentsOf: [0x5C, UInt8(ascii: "x"), hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)]])
    }
}
