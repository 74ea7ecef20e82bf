import Testing

@testable import DossierIngest

/// Text fixtures in every supported encoding, read through ``ArticleLoader``.
struct EncodingTests {
    static let expected = "The quick brown fox — café naïve “quoted”."

    @Test(arguments: ["utf8-bom.txt", "utf16le-bom.txt", "utf16be-bom.txt", "windows-1252.txt"])
    func decodesEachEncodingToTheSameText(name: String) throws {
        let article = try IngestFixtures.article("encodings/" + name)
        #expect(article.title == "Encoding check")
        #expect(article.passages.map(\.text) == ["Encoding check", Self.expected])
        #expect(!article.text.contains("\r"))
        #expect(!article.text.hasPrefix("\u{FEFF}"))
    }

    @Test func crlfAndLoneCRBecomeLineFeeds() throws {
        let crlf = try IngestFixtures.article("encodings/crlf.txt")
        #expect(crlf.passages.map(\.text) == ["First paragraph line one\nline two", "Second paragraph"])
        let cr = try IngestFixtures.article("encodings/lone-cr.txt")
        #expect(cr.passages.map(\.text) == ["Old Mac paragraph one", "Old Mac paragraph two"])
    }

    @Test func invalidUTF8IsReplacedNotDropped() throws {
        let article = try IngestFixtures.article("encodings/invalid-utf8.txt")
        #expect(article.text.contains("café"))
        #expect(article.text.contains("bad byte \u{FFFD} here"))
    }

    @Test func nulBytesMeanBinary() {
        #expect(throws: SkipReason.binary) { try IngestFixtures.load("encodings/binary.txt") }
    }

    @Test func utf16CyrillicIsReadAndDetected() throws {
        let article = try IngestFixtures.article("encodings/cyrillic-utf16.txt")
        #expect(article.title == "Календар")
        #expect(article.text.contains("Григорианският календар е слънчев."))
        #expect(article.metadata.language == "bg")
    }

    @Test(arguments: [
        ("utf-8", [0x63, 0x61, 0x66, 0xC3, 0xA9] as [UInt8], "café"),
        ("US-ASCII", [0x63, 0x61, 0x66, 0x65], "cafe"),
        ("iso-8859-1", [0x63, 0x61, 0x66, 0xE9], "café"),
        ("\"Windows-1252\"", [0x93, 0x68, 0x69, 0x94], "“hi”"),
        ("utf-16le", [0x68, 0x00, 0x69, 0x00], "hi"),
        ("UTF-16", [0xFE, 0xFF, 0x00, 0x68, 0x00, 0x69], "hi"),
        ("utf-16", [0x00, 0x68, 0x00, 0x69], "hi"),
        ("koi8-r", [0xD0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4], "привет"),
        ("windows-1251", [0xEF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2], "привет"),
        ("iso-8859-2", [0xB1], "ą"),
        ("x-no-such-charset", [0x63, 0x61, 0x66, 0xC3, 0xA9], "café"),
        ("utf-8", [0x61, 0x0D, 0x0A, 0x62, 0x0D, 0x63], "a\nb\nc"),
    ])
    func decodesDeclaredCharsets(charset: String, bytes: [UInt8], expected: String) {
        #expect(TextDecoder.decode(bytes, charset: charset) == expected)
    }

    @Test func invalidBytesInADeclaredCharsetBecomeReplacementCharacters() {
        #expect(TextDecoder.decode([0x61, 0xFF, 0x62], charset: "utf-8") == "a\u{FFFD}b")
        #expect(TextDecoder.decode([0x61, 0x82, 0xA0, 0x62], charset: "shift_jis") == "aあb")
        #expect(TextDecoder.decode([0x61, 0xA4, 0x62], charset: "euc-jp").hasPrefix("a\u{FFFD}"))
    }
}
