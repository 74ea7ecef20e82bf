import DossierExport
import Foundation
import Testing

/// Whole-output golden tests, one per format, over ``ExportFixture``.
/// Set `DOSSIER_UPDATE_GOLDEN=1` to rewrite the files under `Tests/Fixtures/export/` after a deliberate change.
@Suite struct ExportGoldenTests {
    func check(_ got: String, golden name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        if let report = Golden.check(got, name, folder: "export") {
            Issue.record(Comment(rawValue: report), sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: [
        (ExportFormat.csv, "weekly.csv"), (.tsv, "weekly.tsv"), (.jsonl, "weekly.jsonl"), (.json, "weekly.json"),
        (.opensearch, "weekly.ndjson"),
    ])
    func goldenPerFormat(format: ExportFormat, file: String) throws {
        let fixture = try ExportFixture()
        try check(try fixture.export(format).text, golden: file)
    }

    @Test func goldenDedupedCSV() throws {
        let fixture = try ExportFixture()
        try check(try fixture.export(.csv, options: .init(dedupe: true)).text, golden: "weekly-dedupe.csv")
    }

    @Test func goldenMapping() throws {
        try check(OpenSearchBulkWriter.mapping(), golden: "mapping.json")
    }

    @Test func sameBytesOnEveryRun() throws {
        let fixture = try ExportFixture()
        for format in ExportFormat.allCases {
            #expect(try fixture.export(format).text == fixture.export(format).text)
        }
    }
}
