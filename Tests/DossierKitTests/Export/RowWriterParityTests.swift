import DossierExport
import DossierIndex
import DossierIngest
import DossierModel
import DossierSearch
import DossierSupport
import Foundation
import Testing

/// `search` and `export` write a hit with the same writer: where their formats overlap, an export
/// row is the query's cells then exactly the bytes `search` writes for the same hit.
@Suite struct RowWriterParityTests {
    /// A temporary index of articles with everything a row must survive (quotes, commas, line
    /// breaks, tabs, backslashes, formula starts, control characters).
    final class Index {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-parity-\(UUID().uuidString)").path
        var database: String { root + "/index.db" }

        init() throws {
            let files = [
                (
                    "a/one.txt",
                    "Ceasefire \"talks\", resumed\n\n=HYPERLINK(\"x\") the ceasefire, a tab\there and a \\ backslash.\n\nLine one\nline two of the ceasefire.\n"
                ),
                (
                    "b/two.md",
                    "---\ntitle: -Minus title\nauthor: @someone\n---\n+44 the ceasefire held \u{1B}[2J with escapes\u{7} and \u{2028} separators.\n"
                ),
            ]
            for (path, text) in files {
                let full = root + "/articles/" + path
                try FileManager.default.createDirectory(
                    atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try text.write(toFile: full, atomically: true, encoding: .utf8)
                try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_704_067_200)], ofItemAtPath: full)
            }
            _ = try Indexer(databasePath: database).run(roots: [root + "/articles"])
        }

        deinit { try? FileManager.default.removeItem(atPath: root) }
    }

    /// Search output of `query` (every hit) in `format`.
    static func search(_ index: Index, _ query: String, _ format: RowFormat) throws -> String {
        let searcher = try Searcher(path: index.database)
        let sink = StringSink()
        let writer = RowWriters.make(format, sink: sink)
        try searcher.search(SearchRequest(query: try QueryParser().parse(query), limit: nil)) { hit in
            try writer.write(hit)
            return true
        }
        try writer.finish()
        return sink.text
    }

    /// Export output of the one query `query` (id "q1") in `format`.
    static func export(_ index: Index, _ query: String, _ format: ExportFormat) throws -> String {
        let exporter = BatchExporter(searcher: try Searcher(path: index.database))
        let prepared = try exporter.prepare(QueryFile.parse("q1\t\(query)\n", path: "q.tsv"))
        let sink = StringSink()
        _ = try exporter.run(prepared, writer: ExportRowWriters.make(format, sink: sink, dedupe: false))
        return sink.text
    }

    @Test(arguments: [(RowFormat.jsonl, ExportFormat.jsonl), (.json, .json), (.csv, .csv), (.tsv, .tsv)])
    func exportRowsAreSearchRowsAfterTheQuery(searchFormat: RowFormat, exportFormat: ExportFormat) throws {
        let index = try Index()
        let searched = try Self.search(index, "ceasefire", searchFormat)
        let exported = try Self.export(index, "ceasefire", exportFormat)
        #expect(searched.contains("ceasefire"))
        switch searchFormat {
        case .jsonl:
            let s = searched.split(separator: "\n", omittingEmptySubsequences: false)
            let e = exported.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(s.count == e.count && s.count >= 3)
            for (a, b) in zip(s, e) where !a.isEmpty {
                #expect(b == #"{"query_id":"q1","query":"ceasefire","# + a.dropFirst())
            }
        case .json:
            let prefix = #"{"query_id":"q1","query":"ceasefire","#
            #expect(exported == searched.replacingOccurrences(of: "\n{", with: "\n" + prefix))
            #expect(exported != searched)
        case .csv, .tsv:
            let end = searchFormat == .csv ? "\r\n" : "\n"
            let separator = searchFormat == .csv ? "," : "\t"
            let s = searched.components(separatedBy: end)
            let e = exported.components(separatedBy: end)
            #expect(s.count == e.count && s.count >= 3)
            #expect(e[0] == ["query_id", "query"].joined(separator: separator) + separator + s[0])
            for (a, b) in zip(s.dropFirst(), e.dropFirst()) where !a.isEmpty {
                #expect(b == "q1" + separator + "ceasefire" + separator + a)
            }
        default:
            Issue.record("not a shared format")
        }
    }

    /// `search --format FORMAT` and the writer of the same name are one thing.
    @Test func everySearchFormatIsARowFormat() {
        for format in OutputFormat.allCases { #expect(format.rowFormat.rawValue == format.rawValue) }
        for format in ExportFormat.allCases { #expect(format.rowFormat.rawValue == format.rawValue) }
    }

    /// One score formatter: text, JSON and CSV print the same digits.
    @Test(arguments: [0.0, 1.25, -0.00004, -0.00005, 7.123449, 12345.67891, -3.5])
    func scoreDigitsAgree(score: Double) throws {
        var bytes: [UInt8] = []
        Figures.appendScore(score, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == Figures.score(score))
        #expect(HitColumns.score(score) == Figures.score(score))
        let hit = Hit(
            rank: 1, score: score, path: "p", paths: ["p"], title: "t", metadata: ArticleMetadata(), passage: 1, start: 0, end: 1,
            text: "x", snippet: "x", topics: [])
        let json = StringSink()
        let csv = StringSink()
        for (format, sink) in [(RowFormat.jsonl, json), (.csv, csv)] {
            let writer = RowWriters.make(format, sink: sink)
            try writer.write(hit)
            try writer.finish()
        }
        #expect(json.text.contains(#""score":\#(Figures.score(score)),"#))
        #expect(csv.text.contains("\r\n1,\(Figures.score(score)),p,"))
    }
}
