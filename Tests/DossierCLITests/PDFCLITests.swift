import DossierTestSupport
import Foundation
import Testing

/// `dossier index` on a folder of PDFs (written here by ``PDFFixtures``): a three-page report, a
/// document with a scanned page, a scan with no text at all, an encrypted PDF and a damaged one; then
/// `search` and `show` giving page locations. Golden files: `index-pdf.stderr`, `search-pdf.txt`,
/// `search-pdf.jsonl`, `search-pdf.tsv`, `show-pdf.txt`.
@Suite(.serialized) struct PDFCLITests {
    typealias F = PDFFixtures
    let cli: DossierCLI

    init() throws {
        cli = try DossierCLI(fixtures: [])
        let folder = cli.folder
        try folder.write("pdfs/report.pdf", F.report(pages: 3, title: "Panel report on the northern district"))
        let cover = F.Page(F.column(["Annex of photographs", "", "The photographs follow on the next pages."]))
        try folder.write("pdfs/annex.pdf", F.pdf([cover, F.Page([], image: true), F.Page([], image: true)]))
        try folder.write("pdfs/scan.pdf", F.pdf([F.Page([], image: true)]))
        try folder.write("pdfs/locked.pdf", F.pdf([F.Page(F.column(["Sealed."]))], encrypted: true))
        try folder.write("pdfs/junk.pdf", Array("%PDF-1.7\nthis is no PDF\n".utf8))
        try folder.setModificationDate(TempFolder.fixedDate, of: "pdfs")
        let index = try cli.run(["index", "pdfs", "--db", "t.db", "--verbose"])
        #expect(index.status == 2, "a PDF that cannot be read at all is an error, as other malformed files are")
        expectGolden(CommandGoldenTests.Masks.apply(index.stderr), "index-pdf.stderr")
    }

    @Test func searchGivesPageLocations() throws {
        for (format, file) in [("text", "search-pdf.txt"), ("jsonl", "search-pdf.jsonl"), ("tsv", "search-pdf.tsv")] {
            let search = try cli.run(["search", "convoy OR photographs", "--db", "t.db", "--format", format, "--exact", "--limit", "3"])
            #expect(search.status == 0, "\(search.stderr)")
            expectGolden(search.stdout, file)
        }
        let jsonl = try cli.run(["search", "convoy", "--db", "t.db", "--format", "jsonl", "--exact"])
        let pages = jsonl.stdout.split(separator: "\n").compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["page"] as? Int
        }
        #expect(Set(pages) == [1, 2, 3])
    }

    @Test func showTakesThePageLocationAndThePlainOne() throws {
        let paged = try cli.run(["show", "pdfs/report.pdf:p2:4", "--db", "t.db"])
        #expect(paged.status == 0, "\(paged.stderr)")
        expectGolden(paged.stdout, "show-pdf.txt")
        let plain = try cli.run(["show", "pdfs/report.pdf:4", "--db", "t.db"])
        #expect(plain.stdout == paged.stdout)
        let page = try cli.run(["show", "pdfs/report.pdf:p3", "--db", "t.db", "--format", "jsonl"])
        #expect(page.status == 0, "\(page.stderr)")
        #expect(page.stdout.split(separator: "\n").allSatisfy { $0.hasSuffix(#","page":3}"#) })
        let wrong = try cli.run(["show", "pdfs/report.pdf:p1:4", "--db", "t.db"])
        #expect(wrong.status == 2)
        #expect(wrong.stderr.contains("pdfs/report.pdf:p2:4"), "\(wrong.stderr)")
    }

    @Test func nonPagedArticlesHaveANullPage() throws {
        try cli.folder.write("notes/a.txt", "Convoy notes\n\nThe convoy was late.\n")
        _ = try cli.run(["index", "notes", "--db", "t.db"])
        let search = try cli.run(["search", "late", "--db", "t.db", "--format", "jsonl", "--exact"])
        #expect(search.stdout.hasSuffix(#","copies":[],"copy_count":0,"page":null}"# + "\n"), "\(search.stdout)")
        let text = try cli.run(["search", "late", "--db", "t.db", "--exact"])
        #expect(text.stdout.hasPrefix("notes/a.txt:2  "), "\(text.stdout)")
    }
}
