import Testing

@testable import DossierIngest

struct WhitespaceTests {
    @Test(arguments: [
        ("  a \t b\r\n c  ", "a b c"),
        ("no\u{A0}break\u{2003}em\u{3000}ideographic", "no break em ideographic"),
        ("Григориански \n календар", "Григориански календар"),
        ("", ""),
        (" \n\t ", ""),
    ])
    func collapsesRunsAndTrims(input: String, expected: String) {
        #expect(Whitespace.collapse(input) == expected)
    }

    @Test(arguments: [
        (Array("plain.txt".utf8), "plain.txt"),
        (Array("new\nline".utf8), "new\\nline"),
        (Array("del\u{7F}".utf8), "del\\x7F"),
        (Array("c1\u{85}".utf8), "c1\\xC2\\x85"),
        (Array("sep\u{2028}".utf8), "sep\\xE2\\x80\\xA8"),
        ([0x61, 0xFF, 0xC3], "a\\xFF\\xC3"),
        ([0xE2, 0x82], "\\xE2\\x82"),
        (Array("back\\slash".utf8), "back\\\\slash"),
        (Array("€uro".utf8), "€uro"),
    ])
    func escapesFileNamesToOneLine(name: [UInt8], expected: String) {
        #expect(FolderWalker.escaped(name) == expected)
    }
}
