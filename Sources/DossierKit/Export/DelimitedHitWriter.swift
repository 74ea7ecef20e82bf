import CSV
import Foundation
import DossierModel

/// Hits as CSV (RFC 4180, byte for byte as CSV.swift writes it) or TSV, with a header row.
///
/// - CSV: comma-separated, fields quoted when they hold a comma, quote or line end, CRLF line ends.
/// - TSV: tab-separated, LF line ends, and inside cells `\` `tab` `newline` `carriage return`
///   written as `\\` `\t` `\n` `\r`, so every row is one line.
/// - Spreadsheet safety (OWASP): a text cell beginning with `=`, `+`, `-`, `@`, tab or carriage
///   return gets a leading `'` so a spreadsheet shows it instead of running it. Off with `neutralizeFormulas: false`.
public final class DelimitedHitWriter: HitWriter {
    public enum Style: Sendable { case csv, tsv }

    let sink: OutputSink
    let style: Style
    let neutralizeFormulas: Bool
    private var wroteHeader = false
    /// Columns written before the hit's own (used by `export` for query id and text).
    public var leadingColumns: [String] = []

    public init(sink: OutputSink, style: Style, neutralizeFormulas: Bool) {
        self.sink = sink
        self.style = style
        self.neutralizeFormulas = neutralizeFormulas
    }

    public func write(_ hit: Hit) throws {
        try write(leading: [], hit: hit)
    }

    /// Writes one row: `leading` cells, then the hit's columns.
    public func write(leading: [String], hit: Hit) throws {
        if !wroteHeader {
            try writeRow(leadingColumns + HitColumns.names)
            wroteHeader = true
        }
        // One cell per HitColumns.names, as bytes into one reused line; missing values are empty cells.
        // Free-text cells (path to url, topics, snippet, text) are the ones neutralised.
        line.removeAll(keepingCapacity: true)
        cells = 0
        for cell in leading { try append(cell, text: true) }
        let m = hit.metadata
        try appendNumber(hit.rank)
        separate()
        JSONBytes.appendScore(hit.score, to: &line)
        try append(hit.path, text: true)
        try append(hit.title, text: true)
        try append(m.date ?? "", text: true)
        try append(m.author ?? "", text: true)
        try append(m.source ?? "", text: true)
        try append(m.url ?? "", text: true)
        try append(m.format, text: false)
        try append(m.language ?? "", text: false)
        try appendNumber(hit.passage)
        try appendNumber(hit.start)
        try appendNumber(hit.end)
        try append(hit.topics.count == 1 ? hit.topics[0] : hit.topics.joined(separator: ";"), text: true)
        try append(hit.snippet(open: HitColumns.matchOpen, close: HitColumns.matchClose), text: true)
        try append(hit.text, text: true)
        try append(m.dateSource ?? "", text: false)
        line.append(contentsOf: style == .csv ? [0x0D, 0x0A] : [0x0A])
        try sink.write(bytes: line)
    }

    private var line: [UInt8] = []
    private var cells = 0

    private func separate() {
        if cells > 0 { line.append(style == .csv ? 0x2C : 0x09) }
        cells += 1
    }

    private func appendNumber(_ value: Int) throws {
        separate()
        JSONBytes.appendDecimal(value, to: &line)
    }

    /// One cell: neutralised when `text` (as ``neutralize(_:)``), then quoted (CSV) or escaped (TSV).
    private func append(_ cell: String, text: Bool) throws {
        separate()
        var cell = text ? neutralize(cell) : cell
        switch style {
        case .csv:
            if Self.needsQuotes(cell) {
                cell.withUTF8 { Self.appendQuoted($0, to: &line) }
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

    public func finish() throws {
        if !wroteHeader {
            try writeRow(leadingColumns + HitColumns.names)
        }
        try sink.flush()
    }

    /// `cell` with a leading `'` when it starts with `=`, `+`, `-`, `@`, tab or carriage return
    /// (and neutralising is on).
    func neutralize(_ cell: String) -> String {
        guard neutralizeFormulas, let first = cell.unicodeScalars.first else { return cell }
        switch first {
        case "=", "+", "-", "@", "\t", "\r": return "'" + cell
        default: return cell
        }
    }

    private func writeRow(_ cells: [String]) throws {
        switch style {
        case .csv:
            // The header: a field without a comma, quote or line break as is, any other quoted by
            // CSV.swift (rows are quoted by appendQuoted, which gives the same bytes, faster).
            var line = ""
            for (index, cell) in cells.enumerated() {
                if index > 0 { line.append(",") }
                line.append(Self.needsQuotes(cell) ? try Self.quotedByCSVLibrary(cell) : cell)
            }
            line.append("\r\n")
            try sink.write(line)
        case .tsv:
            try sink.write(cells.map(Self.escapeTSV).joined(separator: "\t") + "\n")
        }
    }

    /// `cell` as a quoted RFC 4180 field: in double quotes, each `"` doubled; the same bytes as
    /// CSV.swift's writer gives with `quoted: true` (``quotedByCSVLibrary(_:)``; a property test
    /// compares them on random fields). CSV.swift writes one byte at a time through an
    /// `OutputStream` and searches each field several times with Foundation: 11,800 rows/s for
    /// every hit of "the" in 20,000 articles, against 57,000 for TSV; so rows are quoted here and
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

    /// `cell` quoted by CSV.swift: in double quotes, with double quotes doubled.
    static func quotedByCSVLibrary(_ cell: String) throws -> String {
        let stream = MemoryOutputStream()
        let writer = try CSVWriter(stream: stream, delimiter: ",", newline: .crlf)
        try writer.write(row: [cell], quotedAtIndex: { _ in true })
        return stream.take()
    }

    /// True when RFC 4180 needs the cell quoted: it holds a comma, a double quote, CR or LF.
    static func needsQuotes(_ cell: String) -> Bool {
        cell.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A }
    }

    /// Escapes a TSV cell: backslash, tab, newline and carriage return.
    public static func escapeTSV(_ cell: String) -> String {
        // Bytes, not Characters: grapheme breaking made this the slowest step of a TSV export.
        guard cell.utf8.contains(where: { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else { return cell }
        var out = ""
        for scalar in cell.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
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
