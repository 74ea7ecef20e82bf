import DossierTestSupport
import Foundation
import Testing

@testable import DossierIngest

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Folders as they come from the field: each odd file is indexed or skipped with a reason, and the
/// rest of the folder is still read.
struct HostileFolderTests {
    static let good = "A good article\n\nIt is read whatever else is in the folder."

    /// A folder with one good file in it, plus whatever the test adds.
    func folder() throws -> TempFolder {
        let folder = try TempFolder(prefix: "dossier-ingest")
        try folder.write("good.txt", Self.good)
        return folder
    }

    func expectGoodFileRead(_ outcome: IngestOutcome, in folder: TempFolder) {
        #expect(outcome.loaded[folder.path + "/good.txt"]?.articles.first?.title == "A good article")
    }

    @Test func anUnreadableFileIsSkippedWithAReason() throws {
        let folder = try folder()
        let path = try folder.write("secret.txt", "Secret\n\nText.")
        chmod(path, 0o000)
        let outcome = try folder.ingest()
        if geteuid() == 0 {
            // Root reads files whatever their mode: the file is simply indexed.
            #expect(outcome.loaded[path] != nil)
        } else {
            #expect(outcome.skipped[path] == .unreadable("Permission denied"))
        }
        expectGoodFileRead(outcome, in: folder)
    }

    @Test func anUnreadableFolderIsSkippedWithAReason() throws {
        let folder = try folder()
        try folder.write("locked/inside.txt", "Inside\n\nText.")
        chmod(folder.path + "/locked", 0o000)
        let outcome = try folder.ingest()
        if geteuid() != 0 {  // root can list any folder
            #expect(outcome.skipped[folder.path + "/locked"] == .unreadable("Permission denied"))
        }
        expectGoodFileRead(outcome, in: folder)
    }

    @Test func brokenLinksAreReported() throws {
        let folder = try folder()
        symlink(folder.path + "/nowhere.txt", folder.path + "/broken.txt")
        let outcome = try folder.ingest()
        #expect(outcome.skipped[folder.path + "/broken.txt"] == .brokenLink)
        expectGoodFileRead(outcome, in: folder)
    }

    @Test func symlinkLoopsAreReportedAndDoNotHang() throws {
        let folder = try folder()
        symlink("b.txt", folder.path + "/a.txt")
        symlink("a.txt", folder.path + "/b.txt")
        symlink("self.txt", folder.path + "/self.txt")
        symlink(".", folder.path + "/here")  // a link to a folder: not followed
        let outcome = try folder.ingest()
        #expect(outcome.skipped[folder.path + "/a.txt"] == .linkLoop)
        #expect(outcome.skipped[folder.path + "/b.txt"] == .linkLoop)
        #expect(outcome.skipped[folder.path + "/self.txt"] == .linkLoop)
        #expect(outcome.skipped[folder.path + "/here"] == .linkToFolder)
        expectGoodFileRead(outcome, in: folder)
    }

    @Test func aFolderNamedLikeAFileIsWalked() throws {
        let folder = try folder()
        try folder.write("x.txt/inner.txt", "Inner\n\nA file inside a folder called x.txt.")
        let outcome = try folder.ingest()
        #expect(outcome.loaded[folder.path + "/x.txt/inner.txt"]?.articles.first?.title == "Inner")
        #expect(outcome.skipped[folder.path + "/x.txt"] == nil)
        #expect(outcome.loaded[folder.path + "/x.txt/inner.txt"]?.articles.first?.metadata.source == "x.txt")
        expectGoodFileRead(outcome, in: folder)
    }

    @Test func emptyFilesAreSkipped() throws {
        let folder = try folder()
        try folder.write("empty.txt", "")
        try folder.write("blank.md", "  \n\n\t\r\n")
        try folder.write("empty.html", "")
        try folder.write("empty.jsonl", "\n\n")
        let outcome = try folder.ingest()
        for name in ["empty.txt", "blank.md", "empty.html", "empty.jsonl"] {
            #expect(outcome.skipped[folder.path + "/" + name] == .empty, "\(name)")
        }
        expectGoodFileRead(outcome, in: folder)
    }

    @Test func aHugeFileIsCutAtTheLimitNotReadWhole() throws {
        let folder = try folder()
        let path = folder.path + "/huge.txt"
        // 2 MiB of text, then a hole up to 200 MiB (quick to make, and sparse on disk).
        let paragraph = String(repeating: "Words of a long report. ", count: 40) + "\n\n"
        try folder.write("huge.txt", String(repeating: paragraph, count: 2 * 1024 * 1024 / paragraph.utf8.count + 1))
        #expect(truncate(path, 200 * 1024 * 1024) == 0)
        var loader = ArticleLoader()
        loader.fileByteLimit = 1024 * 1024
        let clock = ContinuousClock.now
        let loaded = try loader.load(IngestFixtures.sourceFile(at: path))
        #expect(loaded.truncated)
        #expect(loaded.bytes == 1024 * 1024)
        #expect(loaded.articles.first!.text.utf8.count <= 1024 * 1024)
        // With the default 32 MiB limit only the first 32 MiB are read: the hole's NULs make it binary.
        #expect(throws: SkipReason.binary) { try ArticleLoader().load(IngestFixtures.sourceFile(at: path)) }
        #expect(ContinuousClock.now - clock < .seconds(30))
        #expect(ArticleLoader.maxFileBytes == 32 * 1024 * 1024)
    }

    @Test func binaryFilesWithTextExtensionsAreSkipped() throws {
        let folder = try folder()
        try folder.write("photo.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52])
        try folder.write("data.json", [0x7B, 0x00, 0x01, 0x7D])
        try folder.write("page.html", Array("<html>".utf8) + [0x00] + Array("</html>".utf8))
        try folder.write("picture.jpg", [0xFF, 0xD8, 0xFF, 0xE0])
        let outcome = try folder.ingest()
        #expect(outcome.skipped[folder.path + "/photo.txt"] == .binary)
        #expect(outcome.skipped[folder.path + "/data.json"] == .binary)
        #expect(outcome.skipped[folder.path + "/page.html"] == .binary)
        #expect(outcome.skipped[folder.path + "/picture.jpg"] == .unsupportedFormat("jpg"))
        expectGoodFileRead(outcome, in: folder)
    }

    @Test func oddFileNamesAreOneLineAndStillRead() throws {
        let folder = try folder()
        let names: [[UInt8]] = [
            Array("new\nline.txt".utf8), Array("caf".utf8) + [0xE9] + Array(".txt".utf8), Array("tab\tand\u{1B}esc.txt".utf8),
            Array("back\\slash.txt".utf8), Array("ünïcödé.txt".utf8),
        ]
        for name in names {
            let path = Array(folder.path.utf8) + [UInt8(ascii: "/")] + name
            let fd = open(path.map { CChar(bitPattern: $0) } + [0], O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            #expect(fd >= 0)
            let text = Array("Odd name\n\nThe name is odd, the text is not.".utf8)
            _ = text.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            close(fd)
        }
        let outcome = try folder.ingest()
        let expected = ["new\\nline.txt", "caf\\xE9.txt", "tab\\tand\\x1Besc.txt", "back\\\\slash.txt", "ünïcödé.txt"]
        for name in expected {
            #expect(outcome.loaded[folder.path + "/" + name]?.articles.first?.title == "Odd name", "\(name)")
        }
        for path in outcome.loaded.keys {
            #expect(!path.contains("\n") && !path.contains("\t"))
        }
        expectGoodFileRead(outcome, in: folder)
    }

    @Test func aFileDeletedBeforeItIsReadIsSkipped() throws {
        let folder = try folder()
        let path = try folder.write("doomed.txt", "Doomed\n\nText.")
        let file = IngestFixtures.sourceFile(at: path)
        unlink(path)
        #expect(throws: SkipReason.vanished) { try ArticleLoader().load(file) }
        #expect(!SkipReason.vanished.isError)
    }

    @Test func aFileChangedAfterTheWalkIsReadAsItIsNow() throws {
        let folder = try folder()
        let path = try folder.write("moving.txt", "Before\n\nOld text.")
        let file = IngestFixtures.sourceFile(at: path)
        try folder.write("moving.txt", "After\n\nNew and longer text than before.")
        #expect(try ArticleLoader().load(file).articles.first?.title == "After")
        truncate(path, 0)
        #expect(throws: SkipReason.empty) { try ArticleLoader().load(file) }
    }

    @Test func aFileReplacedByAPipeOrFolderDoesNotHang() throws {
        let folder = try folder()
        let pipePath = try folder.write("pipe.txt", "Pipe\n\nText.")
        let dirPath = try folder.write("dir.txt", "Dir\n\nText.")
        let pipeFile = IngestFixtures.sourceFile(at: pipePath)
        let dirFile = IngestFixtures.sourceFile(at: dirPath)
        unlink(pipePath)
        #expect(mkfifo(pipePath, 0o644) == 0)
        unlink(dirPath)
        #expect(mkdir(dirPath, 0o755) == 0)
        #expect(throws: SkipReason.notARegularFile) { try ArticleLoader().load(pipeFile) }
        #expect(throws: SkipReason.notARegularFile) { try ArticleLoader().load(dirFile) }
        // And a pipe or a device found by the walk is not opened at all.
        symlink("/dev/zero", folder.path + "/zeros.txt")
        let outcome = try folder.ingest()
        #expect(outcome.skipped[pipePath] == .notARegularFile)
        #expect(outcome.skipped[folder.path + "/zeros.txt"] == .notARegularFile)
        expectGoodFileRead(outcome, in: folder)
    }

    @Test func hiddenFilesAreIgnored() throws {
        let folder = try folder()
        try folder.write(".DS_Store", [0x00, 0x01])
        try folder.write(".git/config", "[core]")
        let outcome = try folder.ingest()
        #expect(outcome.loaded.count == 1)
        #expect(outcome.skipped.isEmpty)
    }

    @Test func unknownExtensionsAreSkippedAndCounted() throws {
        let folder = try folder()
        try folder.write("photo.jpg", "JFIF")
        try folder.write("notes", "Plain notes without an extension.")
        try folder.write("saved", "<!DOCTYPE html><title>Saved</title><p>Recognised by content.</p>")
        let outcome = try folder.ingest()
        #expect(outcome.skipped[folder.path + "/photo.jpg"] == .unsupportedFormat("jpg"))
        #expect(outcome.skipped[folder.path + "/notes"] == .unsupportedFormat(""))
        #expect(outcome.loaded[folder.path + "/saved"]?.articles.first?.metadata.format == "html")
        expectGoodFileRead(outcome, in: folder)
    }

    @Test func deeplyNestedFilesDoNotCrash() throws {
        let folder = try folder()
        try folder.write("deep.json", String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000))
        try folder.write("deep.jsonl", String(repeating: "{\"a\":", count: 50_000) + "1" + String(repeating: "}", count: 50_000) + "\n")
        try folder.write("deep.html", String(repeating: "<div><span>", count: 50_000) + "deep")
        var mime = ""
        for level in 0..<50 {
            mime += "Content-Type: multipart/mixed; boundary=b\(level)\n\n--b\(level)\n"
        }
        try folder.write("deep.eml", "From: a@example.org\nSubject: Nested parts\n" + mime + "Content-Type: text/plain\n\nInnermost.\n")
        let outcome = try folder.ingest()
        #expect(outcome.loaded.count + outcome.skipped.count == 5)
        #expect(outcome.loaded[folder.path + "/deep.eml"]?.articles.first?.title == "Nested parts")
        expectGoodFileRead(outcome, in: folder)
    }

    @Test func hostileOfficeFilesAreSkippedWithReasonsAndTheRestIsRead() throws {
        let folder = try folder()
        let good = try OfficeFixtures.docx(body: OfficeFixtures.wordParagraph("A readable memo about the depot."))
        try folder.write("memo.docx", good)
        try folder.write("locked.docx", OfficeFixtures.encryptedOOXML())
        try folder.write("locked.xlsx", OfficeFixtures.encryptedOOXML())
        try folder.write("old.doc", OfficeFixtures.legacyOLE())
        try folder.write("old.xls", OfficeFixtures.legacyOLE())
        try folder.write("rich.doc", #"{\rtf1\ansi Saved as RTF under a Word name.\par}"#)
        try folder.write("cut.docx", Array(good.prefix(good.count / 2)))
        try folder.write("empty.epub", [])
        // A zip bomb: 16 MiB of spaces as the document, packed a thousand times.
        try folder.write("bomb.docx", OfficeFixtures.zip([("word/document.xml", [UInt8](repeating: 0x20, count: 16 * 1024 * 1024))]))
        // Member names that climb out of the package are only names: the document is read, nothing written.
        try folder.write(
            "climb.docx",
            OfficeFixtures.zip([
                ("../../outside.txt", "not followed"), ("/etc/absolute", "not followed"),
                (
                    "word/document.xml",
                    #"<w:document xmlns:w="w"><w:body><w:p><w:r><w:t>Climbing names.</w:t></w:r></w:p></w:body></w:document>"#
                ),
            ]))
        let outcome = try folder.ingest()
        func skipped(_ name: String) -> SkipReason? { outcome.skipped[folder.path + "/" + name] }
        #expect(outcome.loaded[folder.path + "/memo.docx"]?.articles.first?.title == "A readable memo about the depot.")
        #expect(skipped("locked.docx") == .encrypted)
        #expect(skipped("locked.xlsx") == .encrypted)
        #expect(skipped("old.doc") == .legacyFormat("legacy Word .doc: convert with `libreoffice --headless --convert-to docx`"))
        #expect(skipped("old.xls") == .legacyFormat("legacy Excel .xls: convert with `libreoffice --headless --convert-to xlsx`"))
        #expect(outcome.loaded[folder.path + "/rich.doc"]?.articles.first?.metadata.format == "rtf")
        #expect(skipped("cut.docx") == .malformed("not a readable zip file (truncated or damaged)"))
        #expect(skipped("empty.epub") == .empty)
        #expect(skipped("bomb.docx") == .overUnpackingCaps("word/document.xml unpacks more than 100 times its packed size"))
        #expect(outcome.loaded[folder.path + "/climb.docx"]?.articles.first?.text == "Climbing names.")
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/../outside.txt"))
        for reason in [SkipReason.encrypted, .legacyFormat(""), .overUnpackingCaps("")] { #expect(!reason.isError) }
        #expect(SkipReason.malformed("").isError)
        expectGoodFileRead(outcome, in: folder)
    }

    @Test func hostilePDFsAreSkippedWithReasonsAndTheRestIsRead() throws {
        typealias F = PDFFixtures
        let folder = try folder()
        let good = F.report(pages: 3)
        try folder.write("report.pdf", good)
        try folder.write("locked.pdf", F.pdf([F.Page(F.column(["Sealed text."]))], encrypted: true))
        // A download cut at two thirds: no cross-reference table, no trailer, no catalog.
        try folder.write("cut.pdf", Array(good.prefix(good.count * 2 / 3)))
        try folder.write("junk.pdf", Array("%PDF-1.7\nnot a PDF after all\n".utf8))
        try folder.write("empty.pdf", [])
        try folder.write("scan.pdf", F.pdf([F.Page([], image: true)]))
        try folder.write("text.pdf", "A text file named like a PDF.")
        let outcome = try folder.ingest()
        func skipped(_ name: String) -> SkipReason? { outcome.skipped[folder.path + "/" + name] }
        #expect(outcome.loaded[folder.path + "/report.pdf"]?.articles.first?.passages.last?.page == 3)
        #expect(skipped("locked.pdf") == .encrypted)
        let cut = try #require(outcome.loaded[folder.path + "/cut.pdf"], "a damaged PDF is read as far as it can be")
        #expect(cut.articles[0].text.contains("The Alpha section opens here."))
        #expect(cut.warnings.contains { $0.hasPrefix("damaged PDF") })
        guard case .malformed = skipped("junk.pdf") else {
            Issue.record("junk.pdf: \(String(describing: skipped("junk.pdf")))")
            return
        }
        guard case .malformed = skipped("text.pdf") else {
            Issue.record("text.pdf: \(String(describing: skipped("text.pdf")))")
            return
        }
        #expect(skipped("empty.pdf") == .empty)
        #expect(skipped("scan.pdf") == .noText(pages: 1))
        #expect(!SkipReason.noText(pages: 1).isError)
        expectGoodFileRead(outcome, in: folder)
    }
}
