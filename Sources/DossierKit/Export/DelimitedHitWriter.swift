import CSV
import DossierModel
import DossierSupport
import Foundation

/// Rows as CSV (RFC 4180, byte for byte as CSV.swift writes it) or TSV, with a header row; for
/// `search` and `export`.
///
/// The header is the names of the writer's ``QueryColumns`` (export) then ``HitColumns/names``.
/// Cells are written by ``DelimitedCells``, the one CSV/TSV quoter (also used by `topics`):
///
/// - CSV: comma-separated, fields quoted when they hold a comma, quote or line end, CRLF line ends.
/// - TSV: tab-separated, LF line ends, and inside cells `\` `tab` `newline` `carriage return`
///   written as `\\` `\t` `\n` `\r`, so every row is one line.
/// - Spreadsheet safety (OWASP): a text cell beginning with `=`, `+`, `-`, `@`, tab or carriage
///   return gets a leading `'` so a spreadsheet shows it instead of running it. Off with `neutralizeFormulas: false`.
public final class DelimitedHitWriter: RowWriter {
    public typealias Style = DelimitedCells.Style

    let sink: OutputSink
    let style: Style
    let neutralizeFormulas: Bool
    let queryColumns: QueryColumns
    private var wroteHeader = false
    /// Columns written before the hit's own (the names of the query columns for `export`).
    public var leadingColumns: [String]

    public init(sink: OutputSink, style: Style, neutralizeFormulas: Bool, queryColumns: QueryColumns = .none) {
        self.sink = sink
        self.style = style
        self.neutralizeFormulas = neutralizeFormulas
        self.queryColumns = queryColumns
        self.leadingColumns = queryColumns.names
    }

    public func write(_ row: ExportRow) throws {
        switch queryColumns {
        case .none: try write(leading: [], hit: row.hit.hit)
        case .query: try write(leading: [row.queryID, row.query], hit: row.hit.hit)
        case .queryAndIDs:
            try write(leading: [row.queryID, row.query, (row.queryIDs ?? [row.queryID]).joined(separator: ";")], hit: row.hit.hit)
        }
    }

    public func write(_ hit: Hit) throws {
        try write(leading: [], hit: hit)
    }

    /// Writes one row: `leading` cells, then the hit's columns.
    public func write(leading: [String], hit: Hit) throws {
        if !wroteHeader {
            try writeHeader()
            wroteHeader = true
        }
        // One cell per HitColumns.names, as bytes into one reused line; missing values are empty cells.
        // Free-text cells (path to url, topics, snippet, text) are the ones neutralised.
        line.removeAll(keepingCapacity: true)
        cells = 0
        for cell in leading { append(cell, text: true) }
        let m = hit.metadata
        appendNumber(hit.rank)
        separate()
        Figures.appendScore(hit.score, to: &line)
        append(hit.path, text: true)
        append(hit.title, text: true)
        append(m.date ?? "", text: true)
        append(m.author ?? "", text: true)
        append(m.source ?? "", text: true)
        append(m.url ?? "", text: true)
        append(m.format, text: false)
        append(m.language ?? "", text: false)
        appendNumber(hit.passage)
        appendNumber(hit.start)
        appendNumber(hit.end)
        append(hit.topics.count == 1 ? hit.topics[0] : hit.topics.joined(separator: ";"), text: true)
        append(hit.snippet(open: HitColumns.matchOpen, close: HitColumns.matchClose), text: true)
        append(hit.text, text: true)
        append(m.dateSource ?? "", text: false)
        append(hit.copies.count == 1 ? hit.copies[0] : hit.copies.joined(separator: ";"), text: true)
        appendNumber(hit.copyCount)
        if let page = hit.page { appendNumber(page) } else { append("", text: false) }
        DelimitedCells.endLine(style, &line)
        try sink.write(bytes: line)
    }

    private var line: [UInt8] = []
    private var cells = 0

    private func separate() {
        if cells > 0 { DelimitedCells.separate(style, &line) }
        cells += 1
    }

    private func appendNumber(_ value: Int) {
        separate()
        Figures.appendDecimal(value, to: &line)
    }

    /// One cell: neutralised when `text` (and neutralising is on), then quoted (CSV) or escaped (TSV).
    private func append(_ cell: String, text: Bool) {
        separate()
        DelimitedCells.append(cell, style: style, neutralize: text && neutralizeFormulas, to: &line)
    }

    public func finish() throws {
        if !wroteHeader {
            try writeHeader()
        }
        try sink.flush()
    }

    /// `cell` with a leading `'` when it starts with `=`, `+`, `-`, `@`, tab or carriage return
    /// (and neutralising is on).
    func neutralize(_ cell: String) -> String {
        neutralizeFormulas ? DelimitedCells.neutralized(cell) : cell
    }

    /// The header row: names are not neutralised. A CSV name is quoted like any cell, whose bytes
    /// are CSV.swift's (``quotedByCSVLibrary(_:)``, compared by a property test).
    private func writeHeader() throws {
        try sink.write(bytes: DelimitedCells.line(leadingColumns + HitColumns.names, style: style, neutralize: false))
    }

    /// `cell` as a quoted RFC 4180 field (``DelimitedCells/appendQuoted(_:to:)``).
    static func appendQuoted(_ cell: UnsafeBufferPointer<UInt8>, to line: inout [UInt8]) {
        DelimitedCells.appendQuoted(cell, to: &line)
    }

    /// `cell` quoted by CSV.swift: in double quotes, with double quotes doubled. The reference the
    /// rows' quoting is tested against.
    static func quotedByCSVLibrary(_ cell: String) throws -> String {
        let stream = MemoryOutputStream()
        let writer = try CSVWriter(stream: stream, delimiter: ",", newline: .crlf)
        try writer.write(row: [cell], quotedAtIndex: { _ in true })
        return stream.take()
    }

    /// True when RFC 4180 needs the cell quoted: it holds a comma, a double quote, CR or LF.
    static func needsQuotes(_ cell: String) -> Bool {
        DelimitedCells.needsQuotes(cell)
    }

    /// Escapes a TSV cell: backslash, tab, newline and carriage return.
    public static func escapeTSV(_ cell: String) -> String {
        var line: [UInt8] = []
        DelimitedCells.append(cell, style: .tsv, neutralize: false, to: &line)
        return String(decoding: line, as: UTF8.self)
    }
}

/// The one CSV and TSV cell writer: quoting, escaping and spreadsheet-formula protection, for the
/// rows of `search` and `export` and the tables of `topics`.
///
/// - CSV (RFC 4180, the bytes CSV.swift writes): a cell holding a comma, a double quote, CR or LF
///   is put in double quotes with its double quotes doubled; rows end with CRLF.
/// - TSV: `\`, tab, line feed and carriage return inside a cell are written `\\`, `\t`, `\n`,
///   `\r`; rows end with LF.
/// - Formulas (OWASP CSV injection): with `neutralize`, a cell starting with `=`, `+`, `-`, `@`,
///   tab or carriage return gets a leading `'` (``neutralized(_:)``). Callers neutralise free-text
///   cells (titles, paths, labels, ...), never numbers.
public enum DelimitedCells {
    public enum Style: Sendable { case csv, tsv }

    /// `cell` with a leading `'` when it starts with `=`, `+`, `-`, `@`, tab or carriage return.
    public static func neutralized(_ cell: String) -> String {
        guard let first = cell.utf8.first else { return cell }
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D: return "'" + cell
        default: return cell
        }
    }

    /// One row of cells, with its line end. `neutralize[i]` (or `neutralize` for every cell) says which are text.
    public static func line(_ cells: [String], style: Style, neutralize: Bool) -> [UInt8] {
        line(cells, style: style, neutralize: Array(repeating: neutralize, count: cells.count))
    }

    /// One row of cells, with its line end; cell `i` is neutralised when `neutralize[i]`.
    public static func line(_ cells: [String], style: Style, neutralize: [Bool]) -> [UInt8] {
        var out: [UInt8] = []
        for (i, cell) in cells.enumerated() {
            if i > 0 { separate(style, &out) }
            append(cell, style: style, neutralize: i < neutralize.count && neutralize[i], to: &out)
        }
        endLine(style, &out)
        return out
    }

    /// The cell separator: a comma or a tab.
    @inline(__always)
    static func separate(_ style: Style, _ line: inout [UInt8]) {
        line.append(style == .csv ? 0x2C : 0x09)
    }

    /// The line end: CRLF or LF.
    @inline(__always)
    static func endLine(_ style: Style, _ line: inout [UInt8]) {
        if style == .csv { line.append(0x0D) }
        line.append(0x0A)
    }

    /// Appends one cell: neutralised when `neutralize`, then quoted (CSV) or escaped (TSV).
    public static func append(_ cell: String, style: Style, neutralize: Bool, to line: inout [UInt8]) {
        var cell = neutralize ? neutralized(cell) : cell
        switch style {
        case .csv:
            if needsQuotes(cell) {
                cell.withUTF8 { appendQuoted($0, to: &line) }
            } else {
                line.append(contentsOf: cell.utf8)
            }
        case .tsv:
            cell.withUTF8 { bytes in
                var run = 0
                for (i, b) in bytes.enumerated() where b == 0x5C || b == 0x09 || b == 0x0A || b == 0x0D {
                    line.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i]))
                    line.append(0x5C)
                    line.append(b == 0x5C ? 0x5C : b == 0x09 ? 0x74 : b == 0x0A ? 0x6E : 0x72)
                    run = i + 1
                }
                line.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
            }
        }
    }

    /// `cell` as a quoted RFC 4180 field: in double quotes, each `"` doubled; the same bytes as
    /// CSV.swift's writer gives with `quoted: true` (``DelimitedHitWriter/quotedByCSVLibrary(_:)``;
    /// a property test compares them on random fields). CSV.swift writes one byte at a time through
    /// an `OutputStream` and searches each field several times with Foundation: 11,800 rows/s for
    /// every hit of "the" in 20,000 articles, against 57,000 for TSV; so cells are quoted here and
    /// the library stays the reference for what the bytes must be.
    static func appendQuoted(_ cell: UnsafeBufferPointer<UInt8>, to line: inout [UInt8]) {
        line.append(0x22)
        var run = 0
        for (i, b) in cell.enumerated() where b == 0x22 {
            line.append(contentsOf: UnsafeBufferPointer(rebasing: cell[run...i]))
            line.append(0x22)
            run = i + 1
        }
        line.append(contentsOf: UnsafeBufferPointer(rebasing: cell[run...]))
        line.append(0x22)
    }

    /// True when RFC 4180 needs the cell quoted: it holds a comma, a double quote, CR or LF.
    static func needsQuotes(_ cell: String) -> Bool {
        cell.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A }
    }
}

/// An `OutputStream` that collects bytes in memory, for CSV.swift to write into.
final class MemoryOutputStream: OutputStream {
    private var bytes: [UInt8] = []
    private var status: Stream.Status = .notOpen

    init() {
        super.init(toMemory: ())
    }

    required init(toMemory: ()) {
        super.init(toMemory: ())
    }

    override func open() { status = .open }
    override func close() {}
    override var streamStatus: Stream.Status { status }
    override var hasSpaceAvailable: Bool { true }

    override func write(_ buffer: UnsafePointer<UInt8>, maxLength len: Int) -> Int {
        bytes.append(contentsOf: UnsafeBufferPointer(start: buffer, count: len))
        return len
    }

    /// Returns what was written since the last call, as UTF-8 text.
    func take() -> String {
        defer { bytes.removeAll(keepingCapacity: true) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
