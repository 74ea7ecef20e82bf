import DossierModel
import DossierTopics

/// Builds a snippet around given matches, the way FTS5's `snippet()` does for its own matches:
/// the window of about ``words`` words holding the most matches, cut at word boundaries, with `…`
/// where text was cut and each match wrapped in ``Hit/matchOpen`` and ``Hit/matchClose``.
///
/// Used for hits found through topics, where the matched name ("DPICMs" for `cluster munitions`)
/// is not a word of the query and FTS5 cannot highlight it.
public struct SnippetBuilder: Sendable {
    /// Words in the window.
    public var words = 24

    public init(words: Int = 24) {
        self.words = words
    }

    /// The snippet of `text` with `matches` (scalar offset ranges) highlighted.
    public func snippet(_ text: String, matches: [Range<Int>]) -> String {
        let scalars = Array(text.unicodeScalars)
        let tokens = TopicTokenizer.tokens(in: text)
        let ranges = Self.merged(matches.filter { $0.lowerBound >= 0 && $0.upperBound <= scalars.count })
        var first = 0
        var last = tokens.count
        if tokens.count > words {
            // The window start that holds the most matches, earliest on ties, with a little context before.
            var best = (start: 0, hits: -1)
            for start in 0...(tokens.count - words) {
                let from = tokens[start].start
                let to = tokens[start + words - 1].end
                let hits = ranges.filter { $0.lowerBound >= from && $0.upperBound <= to }.count
                if hits > best.hits { best = (start, hits) }
            }
            first = best.start
            if best.hits > 0, let firstHit = ranges.first(where: { $0.lowerBound >= tokens[first].start }),
                let index = tokens.firstIndex(where: { $0.end > firstHit.lowerBound }), index - first > words / 2
            {
                first = min(index - 2, tokens.count - words)
            }
            last = first + words
        }
        let from = first == 0 ? 0 : (tokens.isEmpty ? 0 : tokens[first].start)
        let to = last >= tokens.count ? scalars.count : tokens[last - 1].end
        var out = String.UnicodeScalarView()
        if from > 0 { out.append("…") }
        var position = from
        for range in ranges where range.upperBound > from && range.lowerBound < to {
            let start = max(range.lowerBound, from)
            let end = min(range.upperBound, to)
            out.append(contentsOf: scalars[position..<start])
            out.append(contentsOf: String(Hit.matchOpen).unicodeScalars)
            out.append(contentsOf: scalars[start..<end])
            out.append(contentsOf: String(Hit.matchClose).unicodeScalars)
            position = end
        }
        out.append(contentsOf: scalars[position..<to])
        if to < scalars.count { out.append("…") }
        return String(out)
    }

    /// Sorted, non-overlapping ranges.
    static func merged(_ ranges: [Range<Int>]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) where !range.isEmpty {
            if let last = out.last, range.lowerBound <= last.upperBound {
                out[out.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                out.append(range)
            }
        }
        return out
    }

    /// The text and match ranges of an FTS5 `highlight()` result marked with ``Hit/matchOpen`` and ``Hit/matchClose``.
    static func ranges(inHighlighted marked: String) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var offset = 0
        var open: Int?
        for scalar in marked.unicodeScalars {
            if scalar == "\u{E000}" {
                open = offset
            } else if scalar == "\u{E001}" {
                if let start = open { out.append(start..<offset) }
                open = nil
            } else {
                offset += 1
            }
        }
        return out
    }
}
