import DossierSupport

/// Finds sentence boundaries in a paragraph, with rules that hold for English news prose.
///
/// A sentence ends at `.`, `!`, `?` or `…`, optionally followed by closing quotes or brackets, when
/// white space and then an upper-case letter, a digit or an opening quote follow. A period does not
/// end a sentence after a known abbreviation (`Mr.`, `Gen.`, `Jan.`), a single initial (`J.`), or
/// dotted letters (`U.S.`).
public enum SentenceSplitter {
    /// Abbreviations (lower-cased, without the period) after which a period does not end a sentence.
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "gen", "col", "lt", "sgt", "capt", "cpt", "maj", "cmdr",
        "adm", "gov", "sen", "rep", "pres", "rev", "hon", "vs", "etc", "e.g", "i.e", "cf", "approx", "inc",
        "ltd", "co", "corp", "dept", "univ", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
        "sept", "oct", "nov", "dec", "al",
    ]

    /// Abbreviations that only abbreviate before a number (`No. 5`, `Vol. 2`): "said no." ends a sentence.
    static let numberAbbreviations: Set<String> = ["no", "nos", "vol", "fig", "pp"]

    /// Returns the scalar ranges of the sentences in `scalars[range]`, trimmed of white space.
    public static func sentences(in scalars: [Unicode.Scalar], range: Range<Int>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = range.lowerBound
        var i = range.lowerBound
        while i < range.upperBound {
            let c = scalars[i]
            if c == "." || c == "!" || c == "?" || c == "…" {
                var end = i + 1
                while end < range.upperBound, isClosing(scalars[end]) || scalars[end] == "." || scalars[end] == "!" || scalars[end] == "?" {
                    end += 1
                }
                var next = end
                while next < range.upperBound, CharacterClass.isSpace(scalars[next]) { next += 1 }
                if next > end, next < range.upperBound, startsSentence(scalars[next]),
                    !(c == "." && isAbbreviation(scalars, period: i, lowerBound: start, next: scalars[next]))
                {
                    result.append(start..<end)
                    start = next
                    i = next
                    continue
                }
                i = end
                continue
            }
            i += 1
        }
        if start < range.upperBound { result.append(start..<range.upperBound) }
        return result.map { trim(scalars, $0) }.filter { !$0.isEmpty }
    }

    static func isClosing(_ c: Unicode.Scalar) -> Bool {
        c == "\"" || c == "'" || c == "”" || c == "’" || c == ")" || c == "]" || c == "»"
    }

    static func startsSentence(_ c: Unicode.Scalar) -> Bool {
        CharacterClass.isUpper(c) || CharacterClass.isDigit(c) || c == "\"" || c == "“" || c == "‘" || c == "'"
            || c == "(" || c == "[" || c == "«"
    }

    /// True when the word before the period at `period` is an abbreviation, an initial or dotted letters.
    static func isAbbreviation(_ scalars: [Unicode.Scalar], period: Int, lowerBound: Int, next: Unicode.Scalar) -> Bool {
        var wordStart = period
        while wordStart > lowerBound, !CharacterClass.isSpace(scalars[wordStart - 1]), !isOpening(scalars[wordStart - 1]) {
            wordStart -= 1
        }
        let word = String(String.UnicodeScalarView(scalars[wordStart..<period]))
        if word.isEmpty { return false }
        if word.unicodeScalars.count == 1, word.unicodeScalars.first!.properties.isUppercase { return true }  // initial
        if word.contains("."), word.split(separator: ".").allSatisfy({ $0.count == 1 }) { return true }  // U.S, e.g
        let lower = word.lowercased()
        if numberAbbreviations.contains(lower) { return CharacterClass.isDigit(next) }
        return abbreviations.contains(lower)
    }

    static func isOpening(_ c: Unicode.Scalar) -> Bool {
        c == "\"" || c == "“" || c == "‘" || c == "(" || c == "[" || c == "«"
    }

    static func trim(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, CharacterClass.isSpace(scalars[lower]) { lower += 1 }
        while upper > lower, CharacterClass.isSpace(scalars[upper - 1]) { upper -= 1 }
        return lower..<upper
    }
}
