import DossierModel
import DossierTestSupport
import Foundation
import Testing

@testable import DossierIngest

/// The readers of zip-based documents, on files built here from XML (``OfficeFixtures``).
struct OfficeReaderTests {
    typealias F = OfficeFixtures

    /// Writes `bytes` as `name` in a fresh folder and loads it.
    func load(_ name: String, _ bytes: [UInt8], loader: ArticleLoader = ArticleLoader()) throws -> ArticleLoader.Loaded {
        let folder = try TempFolder(prefix: "dossier-office")
        let path = try folder.write(name, bytes)
        return try loader.load(IngestFixtures.sourceFile(at: path))
    }

    func article(_ name: String, _ bytes: [UInt8]) throws -> Article {
        let loaded = try load(name, bytes)
        #expect(loaded.articles.count == 1)
        return loaded.articles[0]
    }

    // MARK: DOCX

    static let docxBody =
        F.wordParagraph("Convoy reaches the northern depot", style: "Title")
        + F.wordParagraph("Background", style: "Heading1")
        + #"<w:p><w:r><w:t xml:space="preserve">The convoy left at dawn </w:t></w:r><w:del><w:r><w:delText>yesterday</w:delText></w:r></w:del><w:r><w:t>and arrived</w:t></w:r><w:r><w:tab/><w:t>by noon.</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>"#
        + #"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/></w:numPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t>First list item about fuel</w:t></w:r></w:p>"#
        + #"<w:tbl><w:tblPr/><w:tr><w:tc><w:p><w:r><w:t>Trucks</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>14</w:t></w:r></w:p></w:tc></w:tr>"#
        + #"<w:tr><w:tc><w:p><w:r><w:t>Escort</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>2 vehicles</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#
        + #"<w:p><w:r><w:t>Line one</w:t><w:br/><w:t>line two</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/><w:instrText>HYPERLINK "x"</w:instrText></w:r></w:p>"#
        + #"<w:p><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>Boxed note</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>Boxed note</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"#
        + #"<w:sectPr><w:pgSz w:w="11906"/></w:sectPr>"#

    static let footnotes =
        #"<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>"#
        + #"<w:footnote w:id="1"><w:p><w:r><w:t>Figures from the depot log.</w:t></w:r></w:p></w:footnote>"#

    @Test func aWordDocumentIsReadInOrderWithTablesAndFootnotes() throws {
        let core = F.coreProperties(title: "Depot report", creator: "Ann Reed", created: "2024-03-05T09:30:00Z")
        let article = try article("report.docx", try F.docx(body: Self.docxBody, footnotes: Self.footnotes, core: core))
        #expect(article.title == "Convoy reaches the northern depot", "the paragraph styled Title wins")
        #expect(article.metadata.format == "docx")
        #expect(article.metadata.author == "Ann Reed")
        #expect(article.metadata.date == "2024-03-05T09:30:00Z")
        #expect(article.metadata.dateSource == "content")
        #expect(
            article.passages.map(\.text) == [
                "Convoy reaches the northern depot", "Background", "The convoy left at dawn and arrived by noon.",
                "First list item about fuel", "Trucks · 14", "Escort · 2 vehicles", "Line one\nline two", "Boxed note",
                "Figures from the depot log.",
            ])
        #expect(!article.text.contains("yesterday"), "deleted text is dropped")
        #expect(!article.text.contains("HYPERLINK"), "field codes are dropped")
    }

    @Test func aWordDocumentWithoutATitleParagraphUsesItsProperties() throws {
        let core = F.coreProperties(title: "Minutes of the March meeting", creator: nil, created: nil)
        let article = try article("minutes.docx", try F.docx(body: F.wordParagraph("The board met twice."), core: core))
        #expect(article.title == "Minutes of the March meeting")
        #expect(article.passages.map(\.text) == ["Minutes of the March meeting", "The board met twice."])
        #expect(article.metadata.dateSource == "mtime")
    }

    @Test func aDocumentIsReadWhateverItsExtensionSays() throws {
        let bytes = try F.docx(body: F.wordParagraph("Saved without an extension."))
        #expect(try article("memo", bytes).metadata.format == "docx")
        #expect(try article("memo.txt", bytes).metadata.format == "docx")
        let odt = try F.openDocument(kind: "text", body: "<text:p>An ODT under a Word name.</text:p>")
        #expect(try article("misnamed.docx", odt).metadata.format == "odt")
    }

    @Test func aZipThatIsNoDocument() throws {
        let bytes = try F.zip([("notes/readme.txt", "Just a zip.")])
        #expect(throws: SkipReason.malformed("a zip file, but not an office document or e-book")) { try load("x.docx", bytes) }
        #expect(throws: SkipReason.binary) { try load("x.txt", bytes) }
        #expect(throws: SkipReason.binary) { try load("x", bytes) }
        #expect(throws: SkipReason.malformed("not a zip file (a .docx file is a zip of XML parts)")) {
            try load("fake.docx", Array("Plain text pretending.".utf8))
        }
    }

    // MARK: OpenDocument

    @Test func anOpenDocumentTextIsReadWithNotesAfterTheBody() throws {
        let body = """
            <text:h text:outline-level="1">Field notes</text:h>\
            <text:p text:style-name="P1">Water<text:s text:c="3"/>points were<text:tab/>checked<text:note text:note-class="footnote">\
            <text:note-citation>1</text:note-citation><text:note-body><text:p>Checked twice.</text:p></text:note-body></text:note> on Monday.</text:p>\
            <text:list><text:list-item><text:p>Pump repaired</text:p></text:list-item></text:list>\
            <table:table><table:table-row><table:table-cell><text:p>Village</text:p></table:table-cell>\
            <table:table-cell><text:p>Wells</text:p></table:table-cell></table:table-row></table:table>\
            <text:p>Seen<office:annotation><text:p>reviewer comment</text:p></office:annotation> by all.<text:line-break/>Signed.</text:p>
            """
        let meta =
            "<dc:title>Water survey</dc:title><meta:initial-creator>Lena Ortiz</meta:initial-creator><dc:creator>Someone Else</dc:creator>"
            + "<meta:creation-date>2023-11-06T10:00:00</meta:creation-date><dc:date>2024-01-02T00:00:00</dc:date>"
        let article = try article("survey.odt", try F.openDocument(kind: "text", body: body, meta: meta))
        #expect(article.metadata.format == "odt")
        #expect(article.title == "Water survey")
        #expect(article.metadata.author == "Lena Ortiz")
        #expect(article.metadata.date == "2023-11-06T10:00:00")
        #expect(
            article.passages.map(\.text) == [
                "Water survey", "Field notes", "Water points were checked on Monday.", "Pump repaired", "Village · Wells",
                "Seen by all.\nSigned.", "Checked twice.",
            ])
    }

    @Test func anOpenDocumentPresentationHasAPassagePerSlide() throws {
        let body = """
            <draw:page draw:name="1"><draw:frame><draw:text-box><text:p>Budget 2025</text:p><text:p>Draft for the board</text:p>\
            </draw:text-box></draw:frame><presentation:notes><draw:frame><draw:text-box><text:p>Speaker only</text:p></draw:text-box></draw:frame></presentation:notes></draw:page>\
            <draw:page draw:name="2"><draw:frame><draw:text-box><text:p>Costs rose by a tenth</text:p></draw:text-box></draw:frame></draw:page>
            """
        let article = try article("deck.odp", try F.openDocument(kind: "presentation", body: body))
        #expect(article.metadata.format == "odp")
        #expect(article.passages.map(\.text) == ["Budget 2025\nDraft for the board", "Costs rose by a tenth"])
    }

    @Test func anOpenDocumentSpreadsheetIsReadAsBlocksOfRows() throws {
        let body = """
            <table:table table:name="Shipments"><table:table-row><table:table-cell><text:p>Port</text:p></table:table-cell>\
            <table:table-cell><text:p>Tonnes</text:p></table:table-cell></table:table-row>\
            <table:table-row><table:table-cell><text:p>Odesa</text:p></table:table-cell><table:table-cell office:value="120"><text:p>120</text:p></table:table-cell>\
            <table:table-cell table:number-columns-repeated="16000"/></table:table-row>\
            <table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="1024"/></table:table-row></table:table>
            """
        let article = try article("ports.ods", try F.openDocument(kind: "spreadsheet", body: body))
        #expect(article.metadata.format == "ods")
        #expect(article.passages.map(\.text) == ["Shipments", "Port · Tonnes\nOdesa · 120"])
    }

    // MARK: EPUB

    @Test func anEPUBIsReadInSpineOrderThroughTheHTMLReader() throws {
        let chapters = [
            ("ch2.xhtml", "<h1>Chapter two</h1><p>The river rose in the night.</p>"),
            ("ch1.xhtml", "<h1>Chapter one</h1><p>The village was quiet.</p><ul><li>A list item</li></ul><nav><p>menu</p></nav>"),
        ]
        // Spine order is the list's, whatever the names: ch2 first here.
        let metadata =
            "<dc:title>River Stories</dc:title><dc:creator>M. Kovač</dc:creator><dc:date>2021-05-04</dc:date><dc:language>hr</dc:language>"
        let article = try article("book.epub", try F.epub(chapters: chapters, metadata: metadata))
        #expect(article.metadata.format == "epub")
        #expect(article.title == "River Stories")
        #expect(article.metadata.author == "M. Kovač")
        #expect(article.metadata.date == "2021-05-04")
        #expect(
            article.passages.map(\.text) == [
                "River Stories", "Chapter two", "The river rose in the night.", "Chapter one", "The village was quiet.", "A list item",
            ])
    }

    @Test func anEPUBChapterOutsideThePackageIsNotFollowed() throws {
        let bytes = try F.zip([
            ("mimetype", "application/epub+zip"),
            (
                "META-INF/container.xml",
                #"<container xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="book.opf"/></rootfiles></container>"#
            ),
            (
                "book.opf",
                #"<package xmlns="http://www.idpf.org/2007/opf"><metadata/><manifest><item id="a" href="../../etc/passwd"/><item id="b" href="ok.xhtml"/></manifest><spine><itemref idref="a"/><itemref idref="b"/></spine></package>"#
            ),
            ("../../etc/passwd", "root:x:0:0"),
            ("ok.xhtml", "<html><body><p>Only this chapter is read.</p></body></html>"),
        ])
        let article = try article("escape.epub", bytes)
        #expect(article.passages.map(\.text) == ["Only this chapter is read."])
    }

    // MARK: PPTX and XLSX

    @Test func aPresentationHasAPassagePerSlideInPresentationOrder() throws {
        let core = F.coreProperties(title: nil, creator: "Deck Author", created: "2022-02-02T08:00:00Z")
        let bytes = try F.pptx(slides: [["Mine clearance update", "Spring 2022"], ["Cleared 40 hectares"], ["Next steps"]], core: core)
        let article = try article("update.pptx", bytes)
        #expect(article.metadata.format == "pptx")
        #expect(article.title == "Mine clearance update")
        #expect(article.metadata.author == "Deck Author")
        #expect(article.passages.map(\.text) == ["Mine clearance update\nSpring 2022", "Cleared 40 hectares", "Next steps"])
    }

    @Test func aWorkbookResolvesSharedStringsAndBlocksItsRows() throws {
        var rows: [[String]] = [["District", "Households", "Note"]]
        for n in 1...60 { rows.append(["District \(n)", "=\(n * 10)", "surveyed in person"]) }
        let article = try article("survey.xlsx", try F.xlsx(sheet: "Round 1", rows: rows))
        #expect(article.metadata.format == "xlsx")
        #expect(article.passages.first?.text == "Round 1")
        #expect(article.passages[1].text.hasPrefix("District · Households · Note\nDistrict 1 · 10 · surveyed in person\n"))
        #expect(article.passages.count > 3, "60 rows make several blocks")
        #expect(article.passages.dropFirst().allSatisfy { $0.text.split(separator: " ").count <= 110 })
        #expect(article.text.contains("District 60 · 600 · surveyed in person"))
    }
}
