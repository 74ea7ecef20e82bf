import DossierModel

/// Writes rows in one format: chosen once per run (``RowWriters/make(_:sink:queryColumns:colour:neutralizeFormulas:indexName:)``),
/// fed row by row, then finished.
///
/// The one writer family of `search` and `export`. A search hit is a row without query columns
/// (``write(_:)-(Hit)``); an export row is a hit and the query it answers. Where the formats of
/// the two commands overlap (JSON Lines, JSON, CSV, TSV) the same writer writes the hit's fields,
/// so a hit's bytes are the same in both, after the export's query columns.
public protocol RowWriter: AnyObject {
    /// Writes one row.
    func write(_ row: ExportRow) throws
    /// Writes one search hit: a row without query columns (by default, through ``write(_:)-(ExportRow)``).
    func write(_ hit: Hit) throws
    /// Writes whatever closes the output (a closing bracket, buffered rows) and flushes.
    func finish() throws
}

extension RowWriter {
    /// Writes `hit` as a row with empty query fields, which a writer made with ``QueryColumns/none`` does not write.
    public func write(_ hit: Hit) throws {
        try write(ExportRow(queryID: "", query: "", hit: ExportedHit(hit: hit, passageID: 0, articleHash: "")))
    }
}

/// The writers of `search` (hits).
public typealias HitWriter = RowWriter
/// The writers of `export` (rows).
public typealias ExportRowWriter = RowWriter

/// Every format rows can be written in. `search` offers ``OutputFormat``, `export` ``ExportFormat``.
public enum RowFormat: String, Sendable, CaseIterable {
    /// For people: a header line per hit, its snippet indented (``TextHitWriter``).
    case text
    /// One JSON object a line (``JSONHitWriter``).
    case jsonl
    /// One JSON array of objects (``JSONHitWriter``).
    case json
    /// RFC 4180 CSV with a header row (``DelimitedHitWriter``).
    case csv
    /// Tab-separated with a header row (``DelimitedHitWriter``).
    case tsv
    /// OpenSearch / Elasticsearch `_bulk` NDJSON (``OpenSearchBulkWriter``).
    case opensearch
}

/// The columns a row has before its hit's: none for `search`, the query's for `export`.
public enum QueryColumns: Sendable, Equatable {
    /// Only the hit's columns (`search`).
    case none
    /// `query_id` and `query` (`export`).
    case query
    /// `query_id`, `query` and `query_ids` (`export --dedupe`).
    case queryAndIDs

    /// The names of the columns, for CSV and TSV headers.
    public var names: [String] {
        switch self {
        case .none: return []
        case .query: return ["query_id", "query"]
        case .queryAndIDs: return ["query_id", "query", "query_ids"]
        }
    }
}

/// The output formats of `search`.
public enum OutputFormat: String, Sendable, CaseIterable {
    case text, jsonl, json, csv, tsv

    /// The writers' format.
    public var rowFormat: RowFormat {
        switch self {
        case .text: return .text
        case .jsonl: return .jsonl
        case .json: return .json
        case .csv: return .csv
        case .tsv: return .tsv
        }
    }
}

/// Makes row writers: the one place a format becomes a writer.
public enum RowWriters {
    /// A writer for `format` over `sink`.
    ///
    /// - `queryColumns`: what leads each row (``QueryColumns/none`` for search hits).
    /// - `colour`: text only, ANSI colours for a terminal.
    /// - `neutralizeFormulas`: CSV and TSV only (``DelimitedCells/neutralized(_:)``).
    /// - `indexName`: opensearch only; its `_id`s drop the query id with ``QueryColumns/queryAndIDs`` (dedupe).
    public static func make(
        _ format: RowFormat, sink: OutputSink, queryColumns: QueryColumns = .none, colour: Bool = false, neutralizeFormulas: Bool = true,
        indexName: String = "dossier"
    ) -> any RowWriter {
        switch format {
        case .text: return TextHitWriter(sink: sink, colour: colour)
        case .jsonl: return JSONHitWriter(sink: sink, array: false, queryColumns: queryColumns)
        case .json: return JSONHitWriter(sink: sink, array: true, queryColumns: queryColumns)
        case .csv: return DelimitedHitWriter(sink: sink, style: .csv, neutralizeFormulas: neutralizeFormulas, queryColumns: queryColumns)
        case .tsv: return DelimitedHitWriter(sink: sink, style: .tsv, neutralizeFormulas: neutralizeFormulas, queryColumns: queryColumns)
        case .opensearch: return OpenSearchBulkWriter(sink: sink, indexName: indexName, dedupe: queryColumns == .queryAndIDs)
        }
    }
}
