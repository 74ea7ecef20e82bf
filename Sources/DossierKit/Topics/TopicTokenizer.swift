/// Splits text into words the way the index's FTS5 tokenizer (`porter unicode61 remove_diacritics 2`)
/// does, keeping where each word is and how it was written.
///
/// A word is a run of letters, digits and private-use characters; everything else (spaces,
/// no-break spaces, hyphens, apostrophes, curly quotes, dots) separates words. Each word is
/// case-folded, stripped of diacritics (`Izyum`, `Zaporizhzhia` and `Zaporižžja` fold alike),
/// and Porter-stemmed, so `DPICMs` and `DPICM` are the same word.
///
/// ```swift
/// TopicTokenizer.tokens(in: "U.S.-made DPICMs").map(\.stem)  // ["u", "s", "made", "dpicm"]
/// ```
public enum TopicTokenizer {
    /// One word of a text.
    public struct Token: Sendable, Equatable {
        /// The folded, stemmed word: what the index stores.
        public var stem: String
        /// The folded word before stemming (for prefix aliases).
        public var folded: String
        /// Offset of the first character, in Unicode scalars from the start of the text.
        public var start: Int
        /// Offset just past the last character, in Unicode scalars.
        public var end: Int
    }

    /// The words of `text`, in order.
    public static func tokens(in text: String) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(text.utf8.count / 5)
        scan(text) { buffer, start, end in
            let folded = String(decoding: buffer, as: UTF8.self)
            PorterStemmer.stem(&buffer)
            tokens.append(Token(stem: String(decoding: buffer, as: UTF8.self), folded: folded, start: start, end: end))
        }
        return tokens
    }

    /// Calls `word` with each word's folded bytes (which it may change) and scalar offsets.
    /// Reads the text's UTF-8 directly: ASCII (most of it) costs a compare or two per byte.
    static func scan(_ text: String, word: (inout [UInt8], Int, Int) -> Void) {
        scan(text) { buffer, start, end, _, _ in word(&buffer, start, end) }
    }

    /// ``scan(_:word:)`` that also gives each word's UTF-8 byte offsets (start, end).
    static func scan(_ text: String, word: (inout [UInt8], Int, Int, Int, Int) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            var buffer: [UInt8] = []
            buffer.reserveCapacity(32)
            var start = -1
            var byteStart = 0
            var offset = 0
            var i = 0
            let count = bytes.count
            func close(at end: Int) {
                if start >= 0 {
                    if !buffer.isEmpty { word(&buffer, start, offset, byteStart, end) }
                    buffer.removeAll(keepingCapacity: true)
                    start = -1
                }
            }
            while i < count {
                let byte = bytes[i]
                let at = i
                if byte < 0x80 {
                    i += 1
                    if byte >= 0x61 && byte <= 0x7A || byte >= 0x30 && byte <= 0x39 {
                        if start < 0 { (start, byteStart) = (offset, at) }
                        buffer.append(byte)
                    } else if byte >= 0x41 && byte <= 0x5A {
                        if start < 0 { (start, byteStart) = (offset, at) }
                        buffer.append(byte + 0x20)
                    } else {
                        close(at: at)
                    }
                } else {
                    let scalar = decode(bytes, at: &i)
                    switch kind(scalar) {
                    case .word:
                        if start < 0 { (start, byteStart) = (offset, at) }
                        appendFolded(scalar, to: &buffer)
                    case .diacritic:
                        break  // continues a word, folded away (as remove_diacritics does)
                    case .separator:
                        close(at: at)
                    }
                }
                offset += 1
            }
            close(at: count)
        }
    }

    /// The scalar whose (valid) UTF-8 starts at `bytes[i]`, a byte of 0x80 or more; moves `i` past it.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at i: inout Int) -> Unicode.Scalar {
        let lead = UInt32(bytes[i])
        var value: UInt32
        var length: Int
        if lead < 0xE0 {
            value = lead & 0x1F
            length = 2
        } else if lead < 0xF0 {
            value = lead & 0x0F
            length = 3
        } else {
            value = lead & 0x07
            length = 4
        }
        let end = min(i + length, bytes.count)
        var j = i + 1
        while j < end {
            value = value << 6 | UInt32(bytes[j] & 0x3F)
            j += 1
        }
        i = end
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }

    /// The folded (unstemmed) words of `text`, for comparing names.
    public static func foldedWords(_ text: String) -> [String] {
        tokens(in: text).map(\.folded)
    }

    /// The words of `text` as written, with their offsets (for case-sensitive comparisons).
    static func writtenWords(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        return tokens(in: text).map { token in
            var out = String.UnicodeScalarView()
            out.append(contentsOf: scalars[token.start..<token.end])
            return String(out)
        }
    }

    enum Kind { case word, diacritic, separator }

    static func kind(_ scalar: Unicode.Scalar) -> Kind {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .decimalNumber, .letterNumber, .otherNumber, .privateUse:
            return .word
        case .nonspacingMark, .spacingMark, .enclosingMark:
            return .diacritic
        default:
            return .separator
        }
    }

    static func appendFolded(_ scalar: Unicode.Scalar, to buffer: inout [UInt8]) {
        if let base = diacriticBase[scalar.value] {
            buffer.append(base)
            return
        }
        for lower in scalar.properties.lowercaseMapping.unicodeScalars {
            if let base = diacriticBase[lower.value] {
                buffer.append(base)
            } else {
                buffer.append(contentsOf: String(lower).utf8)
            }
        }
    }

    /// Latin letters with diacritics (Latin-1, Extended-A and -B, Extended Additional) and the
    /// lower-case ASCII letter each folds to.
    static let diacriticBase: [UInt32: UInt8] = {
        var table: [UInt32: UInt8] = [:]
        for (code, base) in zip(diacriticCodes, diacriticBases.utf8) { table[code] = base }
        return table
    }()

    static let diacriticCodes: [UInt32] = [
        0xC0, 0xC1, 0xC2, 0xC3, 0xC4, 0xC5, 0xC7, 0xC8, 0xC9, 0xCA, 0xCB, 0xCC, 0xCD, 0xCE, 0xCF, 0xD1,
        0xD2, 0xD3, 0xD4, 0xD5, 0xD6, 0xD9, 0xDA, 0xDB, 0xDC, 0xDD, 0xE0, 0xE1, 0xE2, 0xE3, 0xE4, 0xE5,
        0xE7, 0xE8, 0xE9, 0xEA, 0xEB, 0xEC, 0xED, 0xEE, 0xEF, 0xF1, 0xF2, 0xF3, 0xF4, 0xF5, 0xF6, 0xF9,
        0xFA, 0xFB, 0xFC, 0xFD, 0xFF, 0x100, 0x101, 0x102, 0x103, 0x104, 0x105, 0x106, 0x107, 0x108, 0x109, 0x10A,
        0x10B, 0x10C, 0x10D, 0x10E, 0x10F, 0x112, 0x113, 0x114, 0x115, 0x116, 0x117, 0x118, 0x119, 0x11A, 0x11B, 0x11C,
        0x11D, 0x11E, 0x11F, 0x120, 0x121, 0x122, 0x123, 0x124, 0x125, 0x128, 0x129, 0x12A, 0x12B, 0x12C, 0x12D, 0x12E,
        0x12F, 0x130, 0x134, 0x135, 0x136, 0x137, 0x139, 0x13A, 0x13B, 0x13C, 0x13D, 0x13E, 0x143, 0x144, 0x145, 0x146,
        0x147, 0x148, 0x14C, 0x14D, 0x14E, 0x14F, 0x150, 0x151, 0x154, 0x155, 0x156, 0x157, 0x158, 0x159, 0x15A, 0x15B,
        0x15C, 0x15D, 0x15E, 0x15F, 0x160, 0x161, 0x162, 0x163, 0x164, 0x165, 0x168, 0x169, 0x16A, 0x16B, 0x16C, 0x16D,
        0x16E, 0x16F, 0x170, 0x171, 0x172, 0x173, 0x174, 0x175, 0x176, 0x177, 0x178, 0x179, 0x17A, 0x17B, 0x17C, 0x17D,
        0x17E, 0x1A0, 0x1A1, 0x1AF, 0x1B0, 0x1CD, 0x1CE, 0x1CF, 0x1D0, 0x1D1, 0x1D2, 0x1D3, 0x1D4, 0x1D5, 0x1D6, 0x1D7,
        0x1D8, 0x1D9, 0x1DA, 0x1DB, 0x1DC, 0x1DE, 0x1DF, 0x1E0, 0x1E1, 0x1E6, 0x1E7, 0x1E8, 0x1E9, 0x1EA, 0x1EB, 0x1EC,
        0x1ED, 0x1F0, 0x1F4, 0x1F5, 0x1F8, 0x1F9, 0x1FA, 0x1FB, 0x200, 0x201, 0x202, 0x203, 0x204, 0x205, 0x206, 0x207,
        0x208, 0x209, 0x20A, 0x20B, 0x20C, 0x20D, 0x20E, 0x20F, 0x210, 0x211, 0x212, 0x213, 0x214, 0x215, 0x216, 0x217,
        0x218, 0x219, 0x21A, 0x21B, 0x21E, 0x21F, 0x226, 0x227, 0x228, 0x229, 0x22A, 0x22B, 0x22C, 0x22D, 0x22E, 0x22F,
        0x230, 0x231, 0x232, 0x233, 0x1E00, 0x1E01, 0x1E02, 0x1E03, 0x1E04, 0x1E05, 0x1E06, 0x1E07, 0x1E08, 0x1E09, 0x1E0A, 0x1E0B,
        0x1E0C, 0x1E0D, 0x1E0E, 0x1E0F, 0x1E10, 0x1E11, 0x1E12, 0x1E13, 0x1E14, 0x1E15, 0x1E16, 0x1E17, 0x1E18, 0x1E19, 0x1E1A, 0x1E1B,
        0x1E1C, 0x1E1D, 0x1E1E, 0x1E1F, 0x1E20, 0x1E21, 0x1E22, 0x1E23, 0x1E24, 0x1E25, 0x1E26, 0x1E27, 0x1E28, 0x1E29, 0x1E2A, 0x1E2B,
        0x1E2C, 0x1E2D, 0x1E2E, 0x1E2F, 0x1E30, 0x1E31, 0x1E32, 0x1E33, 0x1E34, 0x1E35, 0x1E36, 0x1E37, 0x1E38, 0x1E39, 0x1E3A, 0x1E3B,
        0x1E3C, 0x1E3D, 0x1E3E, 0x1E3F, 0x1E40, 0x1E41, 0x1E42, 0x1E43, 0x1E44, 0x1E45, 0x1E46, 0x1E47, 0x1E48, 0x1E49, 0x1E4A, 0x1E4B,
        0x1E4C, 0x1E4D, 0x1E4E, 0x1E4F, 0x1E50, 0x1E51, 0x1E52, 0x1E53, 0x1E54, 0x1E55, 0x1E56, 0x1E57, 0x1E58, 0x1E59, 0x1E5A, 0x1E5B,
        0x1E5C, 0x1E5D, 0x1E5E, 0x1E5F, 0x1E60, 0x1E61, 0x1E62, 0x1E63, 0x1E64, 0x1E65, 0x1E66, 0x1E67, 0x1E68, 0x1E69, 0x1E6A, 0x1E6B,
        0x1E6C, 0x1E6D, 0x1E6E, 0x1E6F, 0x1E70, 0x1E71, 0x1E72, 0x1E73, 0x1E74, 0x1E75, 0x1E76, 0x1E77, 0x1E78, 0x1E79, 0x1E7A, 0x1E7B,
        0x1E7C, 0x1E7D, 0x1E7E, 0x1E7F, 0x1E80, 0x1E81, 0x1E82, 0x1E83, 0x1E84, 0x1E85, 0x1E86, 0x1E87, 0x1E88, 0x1E89, 0x1E8A, 0x1E8B,
        0x1E8C, 0x1E8D, 0x1E8E, 0x1E8F, 0x1E90, 0x1E91, 0x1E92, 0x1E93, 0x1E94, 0x1E95, 0x1E96, 0x1E97, 0x1E98, 0x1E99, 0x1EA0, 0x1EA1,
        0x1EA2, 0x1EA3, 0x1EA4, 0x1EA5, 0x1EA6, 0x1EA7, 0x1EA8, 0x1EA9, 0x1EAA, 0x1EAB, 0x1EAC, 0x1EAD, 0x1EAE, 0x1EAF, 0x1EB0, 0x1EB1,
        0x1EB2, 0x1EB3, 0x1EB4, 0x1EB5, 0x1EB6, 0x1EB7, 0x1EB8, 0x1EB9, 0x1EBA, 0x1EBB, 0x1EBC, 0x1EBD, 0x1EBE, 0x1EBF, 0x1EC0, 0x1EC1,
        0x1EC2, 0x1EC3, 0x1EC4, 0x1EC5, 0x1EC6, 0x1EC7, 0x1EC8, 0x1EC9, 0x1ECA, 0x1ECB, 0x1ECC, 0x1ECD, 0x1ECE, 0x1ECF, 0x1ED0, 0x1ED1,
        0x1ED2, 0x1ED3, 0x1ED4, 0x1ED5, 0x1ED6, 0x1ED7, 0x1ED8, 0x1ED9, 0x1EDA, 0x1EDB, 0x1EDC, 0x1EDD, 0x1EDE, 0x1EDF, 0x1EE0, 0x1EE1,
        0x1EE2, 0x1EE3, 0x1EE4, 0x1EE5, 0x1EE6, 0x1EE7, 0x1EE8, 0x1EE9, 0x1EEA, 0x1EEB, 0x1EEC, 0x1EED, 0x1EEE, 0x1EEF, 0x1EF0, 0x1EF1,
        0x1EF2, 0x1EF3, 0x1EF4, 0x1EF5, 0x1EF6, 0x1EF7, 0x1EF8, 0x1EF9,
    ]
    static let diacriticBases = "aaaaaaceeeeiiiinooooouuuuyaaaaaaceeeeiiiinooooouuuuyyaaaaaaccccccccddeeeeeeeeeegggggggghhiiiiiiiiijjkkllllllnnnnnnoooooorrrrrrssssssssttttuuuuuuuuuuuuwwyyyzzzzzzoouuaaiioouuuuuuuuuuaaaaggkkoooojggnnaaaaaaeeeeiiiioooorrrruuuusstthhaaeeooooooooyyaabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmmmmmmnnnnnnnnoooooooopppprrrrrrrrssssssssssttttttttuuuuuuuuuuvvvvwwwwwwwwwwxxxxyyzzzzzzhtwyaaaaaaaaaaaaaaaaaaaaaaaaeeeeeeeeeeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy"
}
