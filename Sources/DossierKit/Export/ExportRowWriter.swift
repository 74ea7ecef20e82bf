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

    /// The writers' format.
    public var rowFormat: RowFormat {
        switch self {
        case .csv: return .csv
        case .tsv: return .tsv
        case .jsonl: return .jsonl
        case .json: return .json
        case .opensearch: return .opensearch
        }
    }
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

/// Makes export writers (``RowWriters`` with the query columns of an export).
public enum ExportRowWriters {
    /// The columns written before a hit's own: `query_id`, `query`, and `query_ids` with dedupe.
    public static func leadingColumns(dedupe: Bool) -> [String] {
        queryColumns(dedupe: dedupe).names
    }

    /// The query columns of an export.
    public static func queryColumns(dedupe: Bool) -> QueryColumns {
        dedupe ? .queryAndIDs : .query
    }

    /// A writer for `format` over `sink`. `neutralizeFormulas` applies to CSV and TSV, `indexName` to opensearch.
    public static func make(
        _ format: ExportFormat, sink: OutputSink, dedupe: Bool, neutralizeFormulas: Bool = true, indexName: String = "dossier"
    ) -> any RowWriter {
        RowWriters.make(
            format.rowFormat, sink: sink, queryColumns: queryColumns(dedupe: dedupe), neutralizeFormulas: neutralizeFormulas,
            indexName: indexName)
    }

    /// The leading JSON fields of a row: `query_id`, `query`, and `query_ids` when the row has them (dedupe).
    static func addLeadingFields(_ row: ExportRow, to out: inout JSONBytes) {
        out.add("query_id", row.queryID)
        out.add("query", row.query)
        if let ids = row.queryIDs { out.add("query_ids", strings: ids) }
    }
}
