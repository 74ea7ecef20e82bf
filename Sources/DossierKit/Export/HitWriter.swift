import DossierModel

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
