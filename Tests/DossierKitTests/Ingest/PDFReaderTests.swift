import DossierModel
import DossierTestSupport
import Foundation
import Testing

@testable import DossierIngest

/// ``PDFReader`` and ``PDFPageText`` on PDFs written here (``PDFFixtures``).
struct PDFReaderTests {
    typealias F = PDFFixtures

    /// Writes `bytes` as `name` in a fresh folder and loads it.
    func load(_ name: String, _ bytes: [UInt8]) throws -> ArticleLoader.Loaded {
        let folder = try TempFolder(prefix: "dossier-pdf")
        let path = try folder.write(name, bytes)
        return try ArticleLoader().load(IngestFixtures.sourceFile(at: path))
    }

    func skipReason(_ name: String, _ bytes: [UInt8]) -> SkipReason? {
        do {
            _ = try load(name, bytes)
            return nil
        } catch {
            return error as? SkipReason
        }
    }

    @Test func passagesCarryTheirPageAndNeverCrossOne() throws {
        let article = try load("report.pdf", F.report(pages: 3)).articles[0]
        #expect(article.metadata.format == "pdf")
        #expect(article.passages.compactMap(\.page) == article.passages.compactMap(\.page).sorted())
        #expect(Set(article.passages.compactMap(\.page)) == [1, 2, 3])
        #expect(article.passages.allSatisfy { $0.page != nil })
        for page in 1...3 {
            let texts = article.passages.filter { $0.page == page }.map(\.text)
            let name = F.pageNames[page - 1]
            #expect(texts.first?.hasPrefix("The \(name) section opens here.") == true)
            #expect(texts.last?.hasSuffix("So ends the \(name) section.") == true)
        }
        for passage in article.passages {
            #expect(String(String.UnicodeScalarView(Array(article.text.unicodeScalars)[passage.start..<passage.end])) == passage.text)
        }
    }

    @Test func columnsAreReadOneAfterTheOther() throws {
        let text = try load("report.pdf", F.report(pages: 3)).articles[0].text
        let left = try #require(text.range(of: "a bridge near the river."))
        let right = try #require(text.range(of: "Witnesses described the convoy"))
        #expect(left.upperBound <= right.lowerBound)
    }

    @Test func wordsHyphenatedAtLineEndsAreJoined() throws {
        let text = try load("report.pdf", F.report(pages: 3)).articles[0].text
        #expect(text.contains("where the investigation found"))
        #expect(text.contains("reconstruction of events"))
        #expect(!text.contains("investi-"))
    }

    @Test func aHeaderAndFooterRepeatedOnEveryPageAreDropped() throws {
        let text = try load("report.pdf", F.report(pages: 4)).articles[0].text
        #expect(!text.contains("Panel of Experts"))
        #expect(!text.contains("Distribution"))
    }

    @Test func aLineOnOnlyOnePageIsKept() throws {
        var pages = (1...3).map { n in F.Page([F.Line(y: 750, "Running head")] + F.column(["Body of page \(n)."], top: 700)) }
        pages[1].lines.append(F.Line(y: 40, "A note at the foot of page two only."))
        let text = try load("notes.pdf", F.pdf(pages)).articles[0].text
        #expect(!text.contains("Running head"))
        #expect(text.contains("A note at the foot of page two only."))
    }

    @Test func twoPagesAreTooFewToTellAHeader() throws {
        let pages = (1...2).map { n in F.Page([F.Line(y: 750, "Running head")] + F.column(["Body of page \(n)."])) }
        #expect(try load("two.pdf", F.pdf(pages)).articles[0].text.contains("Running head"))
    }

    @Test func infoDictionaryGivesTitleAuthorAndDate() throws {
        let article = try load("report.pdf", F.report(pages: 1, title: "Panel report on the north")).articles[0]
        #expect(article.title == "Panel report on the north")
        #expect(article.metadata.author == "Dossier test desk")
        #expect(article.metadata.date == "2024-03-15T09:30:00Z")
        #expect(article.metadata.dateSource == "content")
    }

    @Test func encryptedPDFIsSkippedAsEncrypted() {
        let bytes = F.pdf([F.Page(F.column(["Secret text."]))], encrypted: true)
        #expect(skipReason("locked.pdf", bytes) == .encrypted)
        #expect(SkipReason.encrypted.label == "encrypted (password)")
    }

    @Test func damagedPDFIsReadAsFarAsItCanBe() throws {
        // The cross-reference table and trailer cut off: poppler rebuilds them from the objects.
        let whole = F.report(pages: 3)
        let marker = Array("xref\n0 ".utf8)
        let xref = try #require((0..<whole.count).first { whole[$0...].starts(with: marker) })
        let cut = Array(whole.prefix(xref))
        let article = try load("cut.pdf", cut).articles[0]
        #expect(article.text.contains("So ends the Bravo section."))
    }

    @Test func notAPDFAtAllIsMalformed() {
        guard case .malformed = skipReason("junk.pdf", Array("%PDF-1.4\nnothing here\n".utf8)) else {
            Issue.record("expected malformed")
            return
        }
    }

    @Test func pagesWithoutTextAreCounted() throws {
        let pages = [F.Page(F.column(["Typed cover page."])), F.Page([], image: true), F.Page([], image: true), F.Page([])]
        let loaded = try load("mixed.pdf", F.pdf(pages))
        #expect(loaded.pagesWithoutText == 2)
        #expect(loaded.articles[0].passages.map(\.page) == [1])
    }

    @Test func aScanWithNoTextAtAllIsSkipped() {
        let pages = [F.Page([], image: true), F.Page([], image: true)]
        #expect(skipReason("scan.pdf", F.pdf(pages)) == .noText(pages: 2))
    }

    @Test func aPDFWithoutItsExtensionIsSniffed() throws {
        #expect(try load("report", F.report(pages: 1)).articles[0].metadata.format == "pdf")
    }

    // MARK: Lines into paragraphs

    @Test(arguments: [
        (["The investi-", "gation ended."], ["The investigation ended."]),
        (["the Anti-", "Personnel Mine"], ["the Anti- Personnel Mine"]),
        (["a long line that runs across the page", "short end."], ["a long line that runs across the page short end."]),
        (
            ["a long line that runs across the page.", "A short one.", "a long line that runs across the page", "and more."],
            ["a long line that runs across the page. A short one.", "a long line that runs across the page and more."]
        ),
        (["R E P O R T", "Body text here."], ["REPORT", "Body text here."]),
    ])
    func paragraphs(lines: [String], expected: [String]) {
        #expect(PDFPageText.paragraphs(lines) == expected)
    }

    @Test func edgeKeysIgnoreNumbers() {
        #expect(PDFReader.edgeKey("Page 3 of 12") == PDFReader.edgeKey("Page 14 of 12"))
        #expect(PDFReader.edgeKey("Report  2024") == "report #")
    }
}
