/// Turns the lines of one PDF page (in reading order, as poppler lays them out) into paragraphs.
///
/// A PDF has lines, not paragraphs: a line break in it is where the typesetter ran out of room. So:
/// - a word hyphenated at a line end is joined with the next line's first word when that starts in
///   lower case (`investi-` + `gation` is `investigation`; `Anti-` + `Personnel` stays `Anti-Personnel`).
///   A soft hyphen (U+00AD) at a line end is dropped the same way;
/// - a line of single letters spaced out (`R E P O R T`, at least four) is closed up (`REPORT`);
/// - a paragraph ends after a line that ends a sentence (`.`, `!`, `?`, `:`, or one of them
///   followed by a closing quote or bracket) and is clearly shorter than the page's usual line (less than
///   ``shortLine`` of its longest lines' length), and after a letter-spaced heading.
///   Other line breaks become spaces.
///
/// ```swift
/// PDFPageText.paragraphs(["The investi-", "gation ended.", "It was long."])
/// // ["The investigation ended.", "It was long."] when the lines are short
/// ```
enum PDFPageText {
    /// A line shorter than this share of the page's typical line length may end a paragraph.
    static let shortLine = 0.75

    /// The paragraphs of a page whose lines are `lines`.
    static func paragraphs(_ lines: [String]) -> [String] {
        guard !lines.isEmpty else { return [] }
        let original = lines
        let lines = lines.map(closeUpLetterSpacing)
        let typical = typicalLength(lines)
        var paragraphs: [String] = []
        var current = ""
        for (i, line) in lines.enumerated() {
            if current.isEmpty {
                current = line
            } else if !joinHyphenated(&current, line) {
                current += " "
                current += line
            }
            let isLast = i == lines.count - 1
            let heading = line.utf8.count < original[i].utf8.count  // a letter-spaced line closed up
            if isLast || heading || endsParagraph(line, typical: typical) {
                paragraphs.append(current)
                current = ""
            }
        }
        return paragraphs
    }

    /// The length the page's lines of running text have: the 80th percentile of the line lengths.
    static func typicalLength(_ lines: [String]) -> Int {
        let lengths = lines.map { $0.unicodeScalars.count }.sorted()
        return lengths[min(lengths.count - 1, lengths.count * 4 / 5)]
    }

    /// True when `line` ends a sentence and is short for the page.
    static func endsParagraph(_ line: String, typical: Int) -> Bool {
        var scalars = line.unicodeScalars.reversed().makeIterator()
        var last = scalars.next()
        while let c = last, "\"'”’»)]".unicodeScalars.contains(c) { last = scalars.next() }
        guard let last, ".!?:".unicodeScalars.contains(last) else { return false }
        return Double(line.unicodeScalars.count) < Double(typical) * shortLine
    }

    /// Appends `next` to `text` without the hyphen when `text` ends in a word hyphenated at the line
    /// end and `next` starts in lower case; false (and `text` unchanged) otherwise. Works from the
    /// end of `text`, in place: a paragraph is not copied for each of its hyphens.
    static func joinHyphenated(_ text: inout String, _ next: String) -> Bool {
        guard let firstNext = next.unicodeScalars.first, firstNext.properties.isLowercase else { return false }
        guard let hyphen = text.last, hyphen == "-" || hyphen == "\u{AD}" || hyphen == "\u{2010}" else { return false }
        // Index arithmetic from the end: `dropLast()` would count the whole paragraph.
        let hyphenIndex = text.index(before: text.endIndex)
        guard hyphenIndex > text.startIndex, text[text.index(before: hyphenIndex)].isLetter else { return false }
        text.removeSubrange(hyphenIndex...)
        text += next
        return true
    }

    /// `R E P O R T` as `REPORT`: a line of at least four single letters separated by single spaces
    /// (words of such a heading are separated by two or more spaces, kept as one).
    static func closeUpLetterSpacing(_ line: String) -> String {
        // Most lines fail at once: the second character of a spaced-out line is a space.
        var utf8 = line.utf8.makeIterator()
        guard let first = utf8.next(), first != 0x20 else { return line }
        if first < 0x80, utf8.next() != 0x20 { return line }
        let words = line.split(separator: " ", omittingEmptySubsequences: false)
        guard words.count >= 4 else { return line }
        var result = ""
        var letters = 0
        var gap = false
        for word in words {
            if word.isEmpty {
                gap = true
                continue
            }
            guard word.count == 1, let c = word.first, c.isLetter || c.isNumber else { return line }
            if gap, !result.isEmpty { result += " " }
            result.append(c)
            letters += 1
            gap = false
        }
        return letters >= 4 ? result : line
    }
}
