/// Writes hits in one output format. Chosen once per run, fed hit by hit, then finished.
public protocol HitWriter: AnyObject {
    /// Writes one hit.
    func write(_ hit: Hit) throws
    /// Writes whatever closes the output (a closing bracket, buffered rows) and flushes.
    func finish() throws
}

/// The output formats of `search` (and `export`).
public enum OutputFormat: String, Sendable, CaseIterable {
    case text, jsonl, json, csv, tsv
}

/// The columns of hits in every machine format, in order. Formats only ever gain columns, at the end.
public enum HitColumns {
    public static let names = [
        "rank", "score", "path", "title", "date", "author", "source", "url", "format", "language",
        "passage", "start", "end", "topics", "snippet", "text", "date_source",
    ]

    /// The snippet's match markers outside the terminal.
    public static let matchOpen = "["
    public static let matchClose = "]"

    /// A hit's score as printed: four decimals.
    public static func score(_ value: Double) -> String {
        let scaled = (value * 10000).rounded()
        let negative = scaled < 0
        let units = Int(abs(scaled))
        let fraction = String(units % 10000)
        return (negative ? "-" : "") + String(units / 10000) + "." + String(repeating: "0", count: 4 - fraction.count) + fraction
    }
}

/// Makes writers for a format.
public enum HitWriters {
    /// A writer for `format` over `sink`. `colour` applies to text only; `neutralizeFormulas` to CSV/TSV.
    public static func make(_ format: OutputFormat, sink: OutputSink, colour: Bool = false, neutralizeFormulas: Bool = true) -> any HitWriter {
        switch format {
        case .text: return TextHitWriter(sink: sink, colour: colour)
        case .jsonl: return JSONHitWriter(sink: sink, array: false)
        case .json: return JSONHitWriter(sink: sink, array: true)
        case .csv: return DelimitedHitWriter(sink: sink, style: .csv, neutralizeFormulas: neutralizeFormulas)
        case .tsv: return DelimitedHitWriter(sink: sink, style: .tsv, neutralizeFormulas: neutralizeFormulas)
        }
    }
}
