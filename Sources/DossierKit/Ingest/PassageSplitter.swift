import DossierModel
import DossierSupport

/// Splits an article's text into passages.
///
/// Paragraphs are separated by blank lines (lines holding only white space). A paragraph longer
/// than ``maxWords`` words is cut into windows of whole sentences of at most about ``maxWords``
/// words; a single sentence longer than twice that is cut at word boundaries. Every passage keeps
/// its 1-based ordinal and the offsets of its first and past-the-end scalar in the text, so
/// `text.unicodeScalars[start..<end]` is exactly the passage.
///
/// In Markdown, a heading line (`# Title`) is a passage of its own without its `#` marks, and
/// thematic breaks and setext underlines (`---`, `===`, `***`) are treated as blank lines.
public struct PassageSplitter: Sendable {
    /// The largest number of words a passage cut from a long paragraph should hold.
    public var maxWords: Int

    public init(maxWords: Int = 120) {
        self.maxWords = maxWords
    }

    /// Splits `text` into passages, ignoring everything before scalar offset `from`.
    public func split(_ text: String, from: Int = 0, markdown: Bool = false) -> [Passage] {
        // Scalars for classifying, and the UTF-8 offset of each, so passage text is copied as bytes.
        // (For ASCII text, most of it, a scalar's offset is its byte's.)
        let bytes = Array(text.utf8)
        let ascii = bytes.withUnsafeBufferPointer { CharacterClass.isASCII($0) }
        var scalars: [Unicode.Scalar] = []
        var byteOffsets: [Int] = []
        if ascii {
            scalars = bytes.map { Unicode.Scalar($0) }
        } else {
            scalars.reserveCapacity(bytes.count)
            byteOffsets.reserveCapacity(bytes.count + 1)
            var byte = 0
            for scalar in text.unicodeScalars {
                scalars.append(scalar)
                byteOffsets.append(byte)
                byte += UTF8.width(scalar)
            }
            byteOffsets.append(byte)
        }
        var blocks: [Range<Int>] = []
        var paragraphStart: Int? = nil
        var lineStart = min(from, scalars.count)

        func closeParagraph(at end: Int) {
            if let start = paragraphStart {
                let trimmed = SentenceSplitter.trim(scalars, start..<end)
                if !trimmed.isEmpty { blocks.append(trimmed) }
            }
            paragraphStart = nil
        }

        while lineStart < scalars.count {
            let lineEnd = scalars.withUnsafeBufferPointer { scalars in
                var end = lineStart
                while end < scalars.count, scalars[end] != "\n" { end += 1 }
                return end
            }
            let line = lineStart..<lineEnd
            if isBlank(scalars, line) || (markdown && isMarkdownRule(scalars, line)) {
                closeParagraph(at: lineStart)
            } else if markdown, let heading = markdownHeadingText(scalars, line) {
                closeParagraph(at: lineStart)
                if !heading.isEmpty { blocks.append(heading) }
            } else if paragraphStart == nil {
                paragraphStart = lineStart
            }
            lineStart = lineEnd + 1
        }
        closeParagraph(at: scalars.count)

        var passages: [Passage] = []
        for block in blocks {
            for range in windows(scalars, block) {
                let bytes = ascii ? bytes[range] : bytes[byteOffsets[range.lowerBound]..<byteOffsets[range.upperBound]]
                let text = String(decoding: bytes, as: UTF8.self)
                passages.append(Passage(ordinal: passages.count + 1, start: range.lowerBound, end: range.upperBound, text: text))
            }
        }
        return passages
    }

    /// Cuts a paragraph into windows of whole sentences.
    func windows(_ scalars: [Unicode.Scalar], _ block: Range<Int>) -> [Range<Int>] {
        if wordCount(scalars, block) <= maxWords { return [block] }
        var pieces: [(range: Range<Int>, words: Int)] = []
        for sentence in SentenceSplitter.sentences(in: scalars, range: block) {
            let words = wordCount(scalars, sentence)
            if words > 2 * maxWords {
                pieces += wordChunks(scalars, sentence).map { ($0, wordCount(scalars, $0)) }
            } else {
                pieces.append((sentence, words))
            }
        }
        var result: [Range<Int>] = []
        var current: Range<Int>? = nil
        var currentWords = 0
        for piece in pieces {
            if let open = current, currentWords + piece.words > maxWords {
                result.append(open)
                current = nil
                currentWords = 0
            }
            current = current.map { $0.lowerBound..<piece.range.upperBound } ?? piece.range
            currentWords += piece.words
        }
        if let open = current { result.append(open) }
        return result
    }

    /// Cuts a run of text into chunks of `maxWords` words at word boundaries.
    func wordChunks(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var chunkStart = range.lowerBound
        var words = 0
        var inWord = false
        var i = range.lowerBound
        while i < range.upperBound {
            let space = CharacterClass.isSpace(scalars[i])
            if !space && !inWord {
                if words == maxWords {
                    result.append(SentenceSplitter.trim(scalars, chunkStart..<i))
                    chunkStart = i
                    words = 0
                }
                words += 1
            }
            inWord = !space
            i += 1
        }
        result.append(SentenceSplitter.trim(scalars, chunkStart..<range.upperBound))
        return result.filter { !$0.isEmpty }
    }

    func wordCount(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> Int {
        scalars.withUnsafeBufferPointer { scalars in
            var count = 0
            var inWord = false
            for i in range {
                let space = CharacterClass.isSpace(scalars[i])
                if !space && !inWord { count += 1 }
                inWord = !space
            }
            return count
        }
    }

    func isBlank(_ scalars: [Unicode.Scalar], _ line: Range<Int>) -> Bool {
        scalars.withUnsafeBufferPointer { scalars in
            for i in line where !CharacterClass.isSpace(scalars[i]) { return false }
            return true
        }
    }

    /// `---`, `***`, `___`, `===` (three or more, spaces allowed): a thematic break or setext underline.
    func isMarkdownRule(_ scalars: [Unicode.Scalar], _ line: Range<Int>) -> Bool {
        let marks = line.map { scalars[$0] }.filter { !CharacterClass.isSpace($0) }
        guard marks.count >= 3, let first = marks.first, "-*_=".unicodeScalars.contains(first) else { return false }
        return marks.allSatisfy { $0 == first }
    }

    /// The text range of an ATX heading line (`## Text ##`), or nil when the line is not one.
    func markdownHeadingText(_ scalars: [Unicode.Scalar], _ line: Range<Int>) -> Range<Int>? {
        var i = line.lowerBound
        while i < line.upperBound, i - line.lowerBound < 3, scalars[i] == " " { i += 1 }
        var hashes = 0
        while i < line.upperBound, scalars[i] == "#" {
            hashes += 1
            i += 1
        }
        guard (1...6).contains(hashes), i == line.upperBound || scalars[i] == " " || scalars[i] == "\t" else { return nil }
        var end = line.upperBound
        while end > i, scalars[end - 1] == "#" || CharacterClass.isSpace(scalars[end - 1]) { end -= 1 }
        return SentenceSplitter.trim(scalars, i..<max(i, end))
    }
}
