import DossierModel
import DossierSupport

/// Human-readable hits: a header line `path:passage  score  title` (`path:pPAGE:passage` for an
/// article with pages, a PDF: `report.pdf:p14:3`), then the snippet indented,
/// then a blank line; a hit whose article has wire copies ends its header with `(+N copies)`.
/// Matches are bold red on a colour terminal, `[`…`]` otherwise.
///
/// Path, title and snippet go through ``TerminalText/sanitized(_:)`` first (before the colours
/// are added), so control characters in an article cannot drive the terminal. The snippet's line
/// feeds become spaces; tabs stay. Export rows are written as their hits (no query columns).
/// A hit with ``Hit/context`` lists its neighbours and itself, numbered, in passage order.
public final class TextHitWriter: RowWriter {
    let sink: OutputSink
    let colour: Bool
    private var count = 0

    public init(sink: OutputSink, colour: Bool) {
        self.sink = sink
        self.colour = colour
    }

    public func write(_ row: ExportRow) throws {
        try write(row.hit.hit)
    }

    public func write(_ hit: Hit) throws {
        var hit = hit
        hit.snippet = TerminalText.sanitized(hit.snippet)
        let path = TerminalText.sanitized(hit.path)
        let copies = hit.copyCount == 0 ? "" : "  (+\(Figures.grouped(hit.copyCount)) \(hit.copyCount == 1 ? "copy" : "copies"))"
        let title = TerminalText.sanitized(hit.title) + copies
        let place = Self.place(page: hit.page, passage: hit.passage)
        let location = colour ? Terminal.magenta(path) + ":" + Terminal.green(place) : path + ":" + place
        let snippet =
            colour
            ? hit.snippet(open: Terminal.boldRedOn, close: Terminal.reset)
            : hit.snippet(open: HitColumns.matchOpen, close: HitColumns.matchClose)
        let flat = snippet.split(whereSeparator: { $0 == "\n" }).joined(separator: " ")
        guard !hit.context.isEmpty else {
            try sink.write("\(location)  \(Figures.score(hit.score))  \(title)\n    \(flat)\n\n")
            count += 1
            return
        }
        // With context: every passage numbered, in order, the hit's own as its snippet.
        var out = "\(location)  \(Figures.score(hit.score))  \(title)\n"
        func line(_ passage: Int, _ text: String) {
            out += "    [\(passage)] " + text + "\n"
        }
        for neighbour in hit.context where neighbour.passage < hit.passage { line(neighbour.passage, Self.flat(neighbour.text)) }
        line(hit.passage, flat)
        for neighbour in hit.context where neighbour.passage > hit.passage { line(neighbour.passage, Self.flat(neighbour.text)) }
        try sink.write(out + "\n")
        count += 1
    }

    public func finish() throws {
        try sink.flush()
    }

    /// Where a passage is within its article, after the path's colon: `3`, or `p14:3` on page 14.
    public static func place(page: Int?, passage: Int) -> String {
        guard let page else { return String(passage) }
        return "p\(page):\(passage)"
    }

    /// A neighbour's text on one line, safe for a terminal.
    static func flat(_ text: String) -> String {
        TerminalText.sanitized(text).split(whereSeparator: { $0 == "\n" }).joined(separator: " ")
    }
}

/// ANSI colours for terminals.
public enum Terminal {
    public static let reset = "\u{1B}[0m"
    public static let boldRedOn = "\u{1B}[1;31m"
    public static func magenta(_ s: String) -> String { "\u{1B}[35m" + s + reset }
    public static func green(_ s: String) -> String { "\u{1B}[32m" + s + reset }
}
