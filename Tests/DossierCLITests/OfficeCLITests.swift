import DossierTestSupport
import Foundation
import Testing

/// `dossier index` on a folder mixing office files and e-books (built here from XML) with hostile ones,
/// then `search` finding text in each kind. Golden files: `index-office.stderr`, `search-office.jsonl`.
@Suite(.serialized) struct OfficeCLITests {
    typealias F = OfficeFixtures
    let cli: DossierCLI

    init() throws {
        cli = try DossierCLI(fixtures: [])
        let folder = cli.folder
        let core = F.coreProperties(title: nil, creator: "Field Desk", created: "2024-04-02T07:00:00Z")
        try folder.write(
            "office/road.docx",
            try F.docx(
                body: F.wordParagraph("Road repairs near the depot", style: "Title")
                    + F.wordParagraph("Crews laid gravel on the damaged stretch before the rains."),
                core: core))
        try folder.write(
            "office/defences.odt",
            try F.openDocument(
                kind: "text", body: "<text:h>Flood defences</text:h><text:p>Volunteers filled every sandbag by evening.</text:p>",
                meta: "<dc:title>Flood defences</dc:title><meta:creation-date>2024-04-03T12:00:00</meta:creation-date>"))
        try folder.write(
            "office/coast.epub",
            try F.epub(
                chapters: [("c1.xhtml", "<h1>The coast</h1><p>The lighthouse keeper logged every ship.</p>")],
                metadata: "<dc:title>Coast Diaries</dc:title><dc:creator>R. Lind</dc:creator><dc:date>2020-06-01</dc:date>"))
        try folder.write(
            "office/port.rtf",
            #"{\rtf1\ansi\ansicpg1252{\info{\title Port log}{\creatim\yr2023\mo9\dy14}}Port log\par The harbour master counted caf\'e9 queues.\par}"#
        )
        try folder.write("office/clearance.pptx", try F.pptx(slides: [["Clearance update"], ["Teams cleared 40 hectares this month"]]))
        try folder.write("office/shipments.xlsx", try F.xlsx(sheet: "Shipments", rows: [["Port", "Tonnage"], ["Odesa", "=120"]]))
        try folder.write(
            "office/plan.odp",
            try F.openDocument(
                kind: "presentation",
                body:
                    "<draw:page><draw:frame><draw:text-box><text:p>Budget for the repairs</text:p></draw:text-box></draw:frame></draw:page>"
            ))
        try folder.write(
            "office/wells.ods",
            try F.openDocument(
                kind: "spreadsheet",
                body:
                    "<table:table table:name=\"Wells\"><table:table-row><table:table-cell><text:p>North wells</text:p></table:table-cell><table:table-cell><text:p>dry</text:p></table:table-cell></table:table-row></table:table>"
            ))
        // The odd ones: skipped with reasons, the rest of the folder indexed.
        try folder.write("office/locked.docx", F.encryptedOOXML())
        try folder.write("office/old.doc", F.legacyOLE())
        try folder.write("office/bomb.docx", try F.zip([("word/document.xml", [UInt8](repeating: 0x20, count: 16 * 1024 * 1024))]))
        let good = try F.docx(body: F.wordParagraph("Half a document."))
        try folder.write("office/cut.docx", Array(good.prefix(good.count / 2)))
        try folder.setModificationDate(TempFolder.fixedDate, of: "office")
    }

    @Test func indexesEveryKindAndSearchFindsTextInEach() throws {
        let index = try cli.run(["index", "office", "--db", "t.db", "--verbose"])
        #expect(index.status == 2, "a damaged document is an error, as other malformed files are")
        #expect(index.stdout.isEmpty)
        expectGolden(CommandGoldenTests.Masks.apply(index.stderr), "index-office.stderr")

        let query = "gravel OR sandbag OR lighthouse OR harbour OR hectares OR tonnage OR budget OR wells"
        let search = try cli.run(["search", query, "--db", "t.db", "--format", "jsonl", "--exact"])
        #expect(search.status == 0, "\(search.stderr)")
        expectGolden(search.stdout, "search-office.jsonl")
        let formats = search.stdout.split(separator: "\n").compactMap { line -> String? in
            let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return object?["format"] as? String
        }
        #expect(Set(formats) == ["docx", "odt", "epub", "rtf", "pptx", "xlsx", "odp", "ods"])

        let stats = try cli.run(["stats", "--db", "t.db"])
        #expect(stats.stdout.contains("formats       docx 1, epub 1, odp 1, ods 1, odt 1, pptx 1, rtf 1, xlsx 1"), "\(stats.stdout)")
    }
}
