import DossierSQLite

/// Splits text into words with the index's own FTS5 tokenizer (``definition``), keeping where each
/// word is and how it was written: topic names, aliases, queries and snippets meet the text in
/// exactly the words the index holds, in every script FTS5 knows.
///
/// A word is what `unicode61` calls a token (letters, digits, private-use characters); each is
/// case-folded, stripped of diacritics (`Izyum`, `Zaporizhzhia` and `Zaporižžja` fold alike), and
/// Porter-stemmed, so `DPICMs` and `DPICM` are the same word.
///
/// ```swift
/// TopicTokenizer.tokens(in: "U.S.-made DPICMs").map(\.stem)  // ["u", "s", "made", "dpicm"]
/// ```
public enum TopicTokenizer {
    /// The FTS5 tokenizer of the index: Unicode words, diacritics removed, English Porter stemming.
    public static let definition = "porter unicode61 remove_diacritics 2"

    /// One word of a text.
    public struct Token: Sendable, Equatable {
        /// The folded, stemmed word: what the index stores.
        public var stem: String
        /// Offset of the first character, in Unicode scalars from the start of the text.
        public var start: Int
        /// Offset just past the last character, in Unicode scalars.
        public var end: Int
    }

    /// The index's tokenizer (stems) and the same without stemming (folded words): FTS5's porter
    /// wraps unicode61 and stems each of its tokens in place, so the two give the same words.
    private static let stemming = FTS5TokenizerPool(definition: definition)
    private static let folding = FTS5TokenizerPool(definition: "unicode61 remove_diacritics 2")

    /// The words of `text`, in order.
    public static func tokens(in text: String) -> [Token] {
        var text = text
        return text.withUTF8 { bytes -> [Token] in
            var stems: [(stem: String, start: Int, end: Int)] = []
            stemming.tokenize(bytes) { token, start, end, flags in
                if flags & 1 == 0 { stems.append((String(decoding: token, as: UTF8.self), start, end)) }
            }
            // Byte offsets to scalar offsets, in one pass (the offsets come in order).
            var tokens: [Token] = []
            tokens.reserveCapacity(stems.count)
            var byte = 0
            var scalar = 0
            func scalarOffset(_ target: Int) -> Int {
                while byte < target {
                    if bytes[byte] & 0xC0 != 0x80 { scalar += 1 }
                    byte += 1
                }
                return scalar
            }
            for word in stems {
                let start = scalarOffset(word.start)
                let end = scalarOffset(word.end)
                tokens.append(Token(stem: word.stem, start: start, end: end))
            }
            return tokens
        }
    }

    /// The stem of one word (the word itself when it makes no token).
    public static func stem(_ word: String) -> String {
        tokens(in: word).first?.stem ?? word
    }

    /// The folded (unstemmed) words of `text`, for comparing names and for prefix aliases: the
    /// same words as ``tokens(in:)``, before stemming.
    public static func foldedWords(_ text: String) -> [String] {
        var text = text
        return text.withUTF8 { bytes -> [String] in
            var words: [String] = []
            folding.tokenize(bytes) { token, _, _, flags in
                if flags & 1 == 0 { words.append(String(decoding: token, as: UTF8.self)) }
            }
            return words
        }
    }

    /// The words of `text` as written (for case-sensitive comparisons).
    static func writtenWords(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        return tokens(in: text).map { token in
            var out = String.UnicodeScalarView()
            out.append(contentsOf: scalars[token.start..<token.end])
            return String(out)
        }
    }
}
