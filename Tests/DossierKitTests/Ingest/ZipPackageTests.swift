import DossierTestSupport
import Foundation
import Testing

@testable import DossierIngest

/// The caps and path rules of ``ZipPackage``: a hostile zip costs bounded memory and is refused with a reason.
struct ZipPackageTests {
    @Test func readsMembersAndIgnoresCaseAsAFallback() throws {
        let package = try ZipPackage(data: Data(try OfficeFixtures.zip([("Word/Document.xml", "<x/>"), ("a.txt", "A")])))
        #expect(package.names == ["Word/Document.xml", "a.txt"])
        #expect(try package.read("word/document.xml") == Array("<x/>".utf8))
        #expect(try package.read("missing") == nil)
        #expect(package.unpackedBytes == 4)
    }

    @Test func aZipBombIsStoppedAtTheRatioCap() throws {
        // 16 MiB of spaces deflate to about 16 KiB: a ratio of 1000, stopped after the first MiB or so.
        let bomb = try OfficeFixtures.zip([("word/document.xml", [UInt8](repeating: 0x20, count: 16 * 1024 * 1024))])
        #expect(bomb.count < 100_000)
        let package = try ZipPackage(data: Data(bomb))
        #expect(throws: SkipReason.overUnpackingCaps("word/document.xml unpacks more than 100 times its packed size")) {
            try package.read("word/document.xml")
        }
        #expect(package.unpackedBytes == 0)
        // A bigger one declares more than the member cap: refused before a byte is unpacked.
        let big = try OfficeFixtures.zip([("word/document.xml", [UInt8](repeating: 0x20, count: 40 * 1024 * 1024))])
        #expect(throws: SkipReason.overUnpackingCaps("word/document.xml unpacks to more than 32 MiB")) {
            try ZipPackage(data: Data(big)).read("word/document.xml")
        }
    }

    @Test func aMemberOverTheSizeCapIsRefusedBeforeUnpacking() throws {
        var limits = ZipPackage.Limits()
        limits.memberBytes = 1024
        let package = try ZipPackage(data: Data(try OfficeFixtures.zip([("big.xml", String(repeating: "x", count: 4096))])), limits: limits)
        #expect(throws: SkipReason.overUnpackingCaps("big.xml unpacks to more than 1024 bytes")) { try package.read("big.xml") }
    }

    @Test func theTotalCapCountsEveryMemberRead() throws {
        var limits = ZipPackage.Limits()
        limits.totalBytes = 3000
        let members = (1...3).map { ("m\($0).xml", String(repeating: "abcdefghij", count: 120)) }
        let package = try ZipPackage(data: Data(try OfficeFixtures.zip(members)), limits: limits)
        _ = try package.read("m1.xml")
        _ = try package.read("m2.xml")
        #expect(throws: SkipReason.overUnpackingCaps("the members read unpack to more than 3000 bytes")) { try package.read("m3.xml") }
    }

    @Test func tooManyMembersAreRefused() throws {
        var limits = ZipPackage.Limits()
        limits.members = 5
        let members = (1...6).map { ("m\($0)", "x") }
        #expect(throws: SkipReason.overUnpackingCaps("more than 5 members")) {
            try ZipPackage(data: Data(try OfficeFixtures.zip(members)), limits: limits)
        }
    }

    @Test func aTruncatedOrDamagedZipIsMalformed() throws {
        let good = try OfficeFixtures.docx(body: OfficeFixtures.wordParagraph("Some text to pack."))
        #expect(throws: SkipReason.malformed("not a readable zip file (truncated or damaged)")) {
            try ZipPackage(data: Data(good.prefix(good.count / 2)))
        }
        // Damage inside the packed data: the CRC or the deflate stream fails.
        var damaged = try OfficeFixtures.zip([("word/document.xml", String(repeating: "The same words again. ", count: 200))])
        for i in 60..<90 { damaged[i] ^= 0x5A }
        let package = try ZipPackage(data: Data(damaged))
        #expect(throws: SkipReason.malformed("cannot unpack word/document.xml (damaged or encrypted member)")) {
            try package.read("word/document.xml")
        }
    }

    @Test(
        arguments: [
            ("chapter.xhtml", "OEBPS/book.opf", "OEBPS/chapter.xhtml"),
            ("../Text/c1.xhtml#p3", "OEBPS/nav/toc.xhtml", "OEBPS/Text/c1.xhtml"),
            ("/word/document.xml", "_rels/.rels", "word/document.xml"), ("a%20b.xhtml", "x.opf", "a b.xhtml"),
            ("../../etc/passwd", "OEBPS/book.opf", nil), ("http://example.org/x", "a.opf", nil), ("", "a.opf", nil),
        ] as [(String, String, String?)])
    func referencesResolveInsideThePackageOnly(reference: String, base: String, expected: String?) {
        #expect(ZipPackage.resolve(reference, against: base) == expected)
    }
}
