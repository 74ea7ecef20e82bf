/// The output formats of `export`.
public enum ExportFormat: String, Sendable, CaseIterable {
    /// RFC 4180 CSV with a header row, CRLF line ends, UTF-8.
    case csv
    /// Tab-separated with a header row; tabs, newlines and backslashes in cells escaped.
    case tsv
    /// One JSON object a line.
    case jsonl
    /// One JSON array of objects.
    case json
    /// OpenSearch / Elasticsearch `_bulk` NDJSON: an action line and a document line per row.
    case opensearch
}

/// One row of an export: a hit and the query it answers.
public struct ExportRow: Sendable {
    /// The id of the query (with dedupe: the first query, in file order, that hit the passage).
    public var queryID: String
    /// The query's text (``QuerySpec/label``).
    public var query: String
    /// With dedupe, every query id that hit the passage, in file order; nil otherwise.
    public var queryIDs: [String]?
    /// The hit.
    public var hit: ExportedHit

    public init(queryID: String, query: String, queryIDs: [String]? = nil, hit: ExportedHit) {
        self.queryID = queryID
        self.query = query
        self.queryIDs = queryIDs
        self.hit = hit
    }
}

/// Writes export rows in one format: fed row by row, then finished.
public protocol ExportRowWriter: AnyObject {
    /// Writes one row.
    func write(_ row: ExportRow) throws
    /// Writes whatever closes the output and flushes.
    func finish() throws
}

/// Makes export writers.
public enum ExportRowWriters {
    /// The columns written before a hit's own: `query_id`, `query`, and `query_ids` with dedupe.
    public static func leadingColumns(dedupe: Bool) -> [String] {
        dedupe ? ["query_id", "query", "query_ids"] : ["query_id", "query"]
    }

    /// A writer for `format` over `sink`. `neutralizeFormulas` applies to CSV and TSV, `indexName` to opensearch.
    public static func make(
        _ format: ExportFormat, sink: OutputSink, dedupe: Bool, neutralizeFormulas: Bool = true, indexName: String = "dossier"
    ) -> any ExportRowWriter {
        switch format {
        case .csv: return DelimitedRows(sink: sink, style: .csv, dedupe: dedupe, neutralizeFormulas: neutralizeFormulas)
        case .tsv: return DelimitedRows(sink: sink, style: .tsv, dedupe: dedupe, neutralizeFormulas: neutralizeFormulas)
        case .jsonl: return JSONRows(writer: JSONHitWriter(sink: sink, array: false))
        case .json: return JSONRows(writer: JSONHitWriter(sink: sink, array: true))
        case .opensearch: return OpenSearchBulkWriter(sink: sink, indexName: indexName, dedupe: dedupe)
        }
    }
}

extension ExportRowWriters {
    /// The leading JSON fields of a row: `query_id`, `query`, and `query_ids` with dedupe.
    static func addLeadingFields(_ row: ExportRow, to out: inout JSONBytes) {
        out.add("query_id", row.queryID)
        out.add("query", row.query)
        if let ids = row.queryIDs { out.add("query_ids", strings: ids) }
    }
}

/// CSV and TSV rows through ``DelimitedHitWriter``; `query_ids` joined with `;`.
private final class DelimitedRows: ExportRowWriter {
    let writer: DelimitedHitWriter
    let dedupe: Bool

    init(sink: OutputSink, style: DelimitedHitWriter.Style, dedupe: Bool, neutralizeFormulas: Bool) {
        writer = DelimitedHitWriter(sink: sink, style: style, neutralizeFormulas: neutralizeFormulas)
        writer.leadingColumns = ExportRowWriters.leadingColumns(dedupe: dedupe)
        self.dedupe = dedupe
    }

    func write(_ row: ExportRow) throws {
        let leading = dedupe ? [row.queryID, row.query, (row.queryIDs ?? [row.queryID]).joined(separator: ";")] : [row.queryID, row.query]
        try writer.write(leading: leading, hit: row.hit.hit)
    }

    func finish() throws { try writer.finish() }
}

/// JSON Lines and JSON array rows through ``JSONHitWriter``.
private final class JSONRows: ExportRowWriter {
    let writer: JSONHitWriter

    init(writer: JSONHitWriter) {
        self.writer = writer
    }

    func write(_ row: ExportRow) throws {
        try writer.write(hit: row.hit.hit) { ExportRowWriters.addLeadingFields(row, to: &$0) }
    }

    func finish() throws { try writer.finish() }
}
