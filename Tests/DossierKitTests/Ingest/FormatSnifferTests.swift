import Testing

@testable import DossierIngest

struct FormatSnifferTests {
    @Test(arguments: [
        ("<!DOCTYPE html><html>", FormatSniffer.Format.html),
        ("  \n<html lang=en>", .html),
        ("<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">", .html),
        ("<!-- saved from url=(0014)about:internet -->\n<html>", .html),
        ("<p>A fragment</p>", .html),
        ("From: a@example.org\nSubject: Hi\n\nBody", .email),
        ("Path: a!b\r\nFrom: a@example.org\r\nNewsgroups: x\r\nDate: 1 May 1993 10:00 GMT\r\n\r\nBody", .email),
        ("From a@example.org Mon Mar  4 10:00:00 2024\nFrom: a@example.org\n", .mbox),
        ("{\"title\": \"x\"}", .json),
        ("[{\"title\": \"x\"}, {\"title\": \"y\"}]", .json),
        ("{\"a\": 1}\n{\"a\": 2}\n{broken", .json),
        ("{\\rtf1\\ansi Text\\par}", .rtf),
    ])
    func recognisesFormats(start: String, expected: FormatSniffer.Format) {
        #expect(FormatSniffer.sniff(Array(start.utf8)) == expected)
    }

    @Test(arguments: [
        "Just prose.", "<pre-release notes> are not HTML", "{not json}", "[citation needed] is prose",
        "From the desk of the editor:\nWe are closed.", "Subject: only a subject\n\nBody", "Dear reader,\nFrom: me\nSubject: x\n",
    ])
    func leavesOtherTextAlone(start: String) {
        #expect(FormatSniffer.sniff(Array(start.utf8)) == nil)
    }

    @Test func tellsZipAndOLEContainersByTheirFirstBytes() {
        #expect(FormatSniffer.isZip([0x50, 0x4B, 0x03, 0x04, 0x14]))
        #expect(FormatSniffer.isZip([0x50, 0x4B, 0x05, 0x06]))
        #expect(!FormatSniffer.isZip(Array("PK is a text".utf8)))
        #expect(FormatSniffer.isOLE([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0x00]))
        #expect(!FormatSniffer.isOLE([0xD0, 0xCF, 0x11]))
    }

    @Test func sniffsUTF16WithAByteOrderMark() {
        let bytes: [UInt8] = [0xFF, 0xFE] + "<html><body>x</body></html>".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(FormatSniffer.sniff(bytes) == .html)
    }

    @Test func filesWithoutAUsefulExtensionAreSniffed() throws {
        #expect(try IngestFixtures.article("sniff/saved-page").metadata.format == "html")
        #expect(try IngestFixtures.article("sniff/message").metadata.format == "email")
        #expect(try IngestFixtures.article("sniff/message").title == "Sniffed as e-mail")
        #expect(try IngestFixtures.article("sniff/dump").metadata.format == "json")
        let lying = try IngestFixtures.article("sniff/page.txt")
        #expect(lying.metadata.format == "html")
        #expect(lying.passages.map(\.text) == ["A page saved as text", "The extension lies."])
        #expect(throws: SkipReason.unsupportedFormat("")) { try IngestFixtures.load("sniff/notes") }
    }

    @Test func decidesWhichExtensionsAreSniffed() {
        for ext in ["", "txt", "dat", "php", "1", "42", "smith goes to washington", "a b"] {
            #expect(ArticleLoader.isSniffed(ext), "\(ext)")
        }
        func canRead(_ ext: String) -> Bool {
            ArticleLoader().canRead(
                SourceFile(path: "x." + ext, relativePath: "x." + ext, fileSystemPath: [], size: 1, modificationTime: 0))
        }
        for ext in ["jpg", "zip", "png", "mp4"] {
            #expect(!ArticleLoader.isSniffed(ext), "\(ext)")
            #expect(!canRead(ext), "\(ext)")
        }
        // Office files are opened by their extension (and their content decides), legacy ones to say how to convert them.
        for ext in ["docx", "odt", "epub", "pptx", "xlsx", "ods", "odp", "rtf", "doc", "xls", "ppt"] {
            #expect(!ArticleLoader.isSniffed(ext), "\(ext)")
            #expect(canRead(ext), "\(ext)")
        }
    }

    /// The raw-byte early answer never says "no format" where the full rules find one.
    @Test func theQuickRejectAgreesWithTheRules() {
        let pieces = [
            "", " ", "\n", "\r\n", "\t", "<", "<p>", "<html>", "{", "[", "{\"a\": 1}", "From ", "From: a@b.org", "Subject: x",
            "Date: 1 May 1993",
            "Title", "Kyiv: a report", "word", ":", "\u{FEFF}", "é", "\u{0}",
        ]
        var checked = 0
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    let bytes = Array((a + b + "\n" + c).utf8)
                    if FormatSniffer.cannotMatch(bytes) {
                        checked += 1
                        #expect(FormatSniffer.sniff(bytes) == nil, "\(a + b + "\n" + c)")
                    }
                }
            }
        }
        #expect(checked > 1000)
        for bom in [[0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xFE, 0xFF]] as [[UInt8]] {
            #expect(!FormatSniffer.cannotMatch(bom + Array("<html>".utf8)))
        }
    }
}
