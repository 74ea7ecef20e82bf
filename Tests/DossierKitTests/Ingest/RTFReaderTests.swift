import DossierModel
import Testing

@testable import DossierIngest

/// The RTF reader on documents written here, one feature of the syntax at a time.
struct RTFReaderTests {
    func read(_ rtf: String) throws -> Article {
        let file = SourceFile(path: "t.rtf", relativePath: "t.rtf", fileSystemPath: Array("t.rtf".utf8), size: 0, modificationTime: 0)
        return try RTFReader().read(file, bytes: Array(rtf.utf8), truncated: false).articles[0]
    }

    static let document = #"""
        {\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\froman\fcharset0 Times New Roman;}{\f1\fswiss\fcharset204 Arial;}}
        {\colortbl;\red0\green0\blue0;}{\stylesheet{\s1 heading 1;}}
        {\info{\title Harbour inspection}{\author Jo\'e3o Silva}{\subject not read}{\creatim\yr2024\mo3\dy5\hr14\min7}}
        {\*\generator Hand 1.0;}{\header Page header text\par}
        \pard\s1\b Harbour inspection\b0\par
        \pard The caf\'e9 on the quay\~stays open\emdash for now.{\footnote\pard Footnote text here.}\par
        Unicode: \u1050\'3f\u1080\'3f\u1111\'3f and \uc2\u8364\'80\'80 euro; \uc1 emoji \u-10179?\u-8704?.\par
        {\*\unknowndestination dropped words}{\pict\pngblip 89504e470d0a}{\v hidden words}Kept after.\line Second line.\par
        \f1 \'cf\'f0\'e8\'e2\'e5\'f2 \f0 mixed\par
        {\field{\*\fldinst HYPERLINK "http://x"}{\fldrslt link text}}\par
        \trowd\cellx1000\cellx2000\pard\intbl Port\cell Tonnes\cell\row
        \pard\intbl Odesa\cell 120\cell\row
        \pard Escaped \{braces\} and \\backslash.\bin4 {}\\ done.\par}
        """#

    @Test func readsTextInOrderWithEscapesAndCodePages() throws {
        let article = try read(Self.document)
        #expect(article.metadata.format == "rtf")
        #expect(article.title == "Harbour inspection")
        #expect(article.metadata.author == "João Silva")
        #expect(article.metadata.date == "2024-03-05T14:07:00")
        #expect(
            article.passages.map(\.text) == [
                "Harbour inspection", "The café on the quay stays open—for now.", "Unicode: Киї and € euro; emoji 😀.",
                "Kept after.\nSecond line.", "Привет mixed", "link text", "Port · Tonnes", "Odesa · 120",
                "Escaped {braces} and \\backslash. done.",
                "Footnote text here.",
            ])
        for dropped in [
            "Times New Roman", "heading 1", "not read", "Hand 1.0", "Page header", "dropped words", "89504e", "hidden", "HYPERLINK",
        ] {
            #expect(!article.text.contains(dropped), "\(dropped)")
        }
    }

    @Test func usesTheDocumentsCodePage() throws {
        let article = try read(
            #"{\rtf1\ansi\ansicpg1251 {\info{\title \'cd\'ee\'e2\'ee\'f1\'f2\'e8}}\'d2\'e5\'ea\'f1\'f2 \'ee\'e1 \'ee\'e1\'f1\'f2\'f0\'e5\'eb\'e5.\par}"#
        )
        #expect(article.title == "Новости")
        #expect(article.passages.map(\.text) == ["Новости", "Текст об обстреле."])
    }

    @Test(arguments: [
        "{\\rtf1 " + String(repeating: "{", count: 100_000) + "deep" + String(repeating: "}", count: 100_000) + "}",
        "{\\rtf1 unbalanced {\\b bold \\par", "{\\rtf1 \\u", "{\\rtf1 \\'", "{\\rtf1 \\bin999999999 x}", "{\\rtf1 text}}}}} more\\par",
        "{\\rtf1 \\u99999999999999999 big}",
    ])
    func hostileInputEndsWithoutCrashing(rtf: String) throws {
        let file = SourceFile(path: "t.rtf", relativePath: "t.rtf", fileSystemPath: Array("t.rtf".utf8), size: 0, modificationTime: 0)
        do {
            _ = try RTFReader().read(file, bytes: Array(rtf.utf8), truncated: false)
        } catch let reason as SkipReason {
            #expect(reason == .empty)
        }
    }

    @Test func aDocumentWithNoTextIsEmpty() {
        #expect(throws: SkipReason.empty) { try read(#"{\rtf1{\fonttbl{\f0 Arial;}}{\*\generator x;}}"#) }
    }
}
