import DossierModel
import DossierSearch
import DossierSupport

/// Writes what `dossier show` prints: articles or passages read back by location.
///
/// - `text`: for a whole article, a header (title, path, other paths (`also at`), wire copies
///   (`copies`), date, author, source, url,
///   language, format, passage count) then each passage as `[N] text`, a blank line between; for a
///   passage, the line `PATH:N  title` then the passage and its neighbours, the asked one marked
///   `>`. A passage on a page is numbered `pPAGE:N` (`[p14:3]`, `report.pdf:p14:3`), as `search`
///   prints it. Content is passed through ``TerminalText/sanitized(_:)``.
/// - `jsonl`: one object per passage with a search hit's fields but `rank`, `score` and (unless
///   `--highlight` marked matches) `snippet` (documented in docs/formats.md); `json`: the same
///   objects in one array. With `--highlight`, text shows the matches in `[` `]`.
public final class ShownArticleWriter {
    /// The formats `show` writes.
    public enum Format: String, Sendable, CaseIterable {
        case text, jsonl, json
    }

    private let sink: OutputSink
    private let format: Format
    private var written = 0

    public init(sink: OutputSink, format: Format) {
        self.sink = sink
        self.format = format
    }

    /// Writes one article or passage range.
    public func write(_ shown: ShownArticle) throws {
        switch format {
        case .text: try writeText(shown)
        case .jsonl, .json: try writeJSON(shown)
        }
    }

    /// Ends the output (closes the JSON array) and flushes.
    public func finish() throws {
        if format == .json { try sink.write(written == 0 ? "[]\n" : "\n]\n") }
        try sink.flush()
    }

    private func writeText(_ shown: ShownArticle) throws {
        guard let first = shown.passages.first else { return }
        var out = written == 0 ? "" : "\n"
        let clean = TerminalText.sanitized
        if let focus = shown.focus {
            let page = shown.passages.first(where: { $0.passage == focus })?.page
            out += "\(clean(first.path)):\(TextHitWriter.place(page: page, passage: focus))  \(clean(first.title))\n"
            for passage in shown.passages {
                let place = TextHitWriter.place(page: passage.page, passage: passage.passage)
                out += "\n\(passage.passage == focus ? ">" : " ") [\(place)] \(Self.text(of: passage))\n"
            }
        } else {
            let m = first.metadata
            var header: [(String, String)] = [("title", first.title), ("path", first.path)]
            let others = first.paths.filter { $0 != first.path }
            if !others.isEmpty { header.append(("also at", others.joined(separator: ", "))) }
            if !first.copies.isEmpty {
                let more = first.copyCount - first.copies.count
                header.append(("copies", first.copies.joined(separator: ", ") + (more > 0 ? " and \(Figures.grouped(more)) more" : "")))
            }
            header += [
                ("date", m.date.map { $0 + (m.dateSource.map { " (\($0))" } ?? "") } ?? "-"), ("author", m.author ?? "-"),
                ("source", m.source ?? "-"), ("url", m.url ?? "-"), ("language", m.language ?? "-"), ("format", m.format),
                ("passages", Figures.grouped(shown.passageCount)),
            ]
            for (label, value) in header {
                out += label + String(repeating: " ", count: 10 - label.count) + clean(value) + "\n"
            }
            for passage in shown.passages {
                out += "\n[\(TextHitWriter.place(page: passage.page, passage: passage.passage))] \(Self.text(of: passage))\n"
            }
        }
        written += 1
        try sink.write(out)
    }

    /// A passage's text for a terminal: with `--highlight`, its matches in `[` `]`.
    private static func text(of passage: Hit) -> String {
        guard !passage.snippet.isEmpty else { return TerminalText.sanitized(passage.text) }
        var marked = passage
        marked.snippet = TerminalText.sanitized(passage.snippet)
        return marked.snippet(open: HitColumns.matchOpen, close: HitColumns.matchClose)
    }

    private func writeJSON(_ shown: ShownArticle) throws {
        var encoder = JSONBytes(capacity: 4096)
        for passage in shown.passages {
            if format == .json { encoder.raw(written == 0 ? "[\n" : ",\n") }
            encoder.begin()
            JSONHitWriter.addFields(of: passage, to: &encoder, ranked: false)
            encoder.end()
            if format == .jsonl { encoder.raw("\n") }
            written += 1
        }
        try sink.write(bytes: encoder.bytes)
    }
}
