import DossierExport
import DossierIndex
import DossierIngest
import DossierModel
import DossierSearch
import DossierSupport
import Testing

/// Control characters from content never reach a terminal: ``TerminalText`` and the text writer.
@Suite struct TerminalTextTests {
    /// Input and the exact text printed for it.
    static let golden: [(String, String)] = [
        ("plain text, unchanged", "plain text, unchanged"),
        ("OSC 52 \u{1B}]52;c;ZXZpbA==\u{07} end", #"OSC 52 \x1B]52;c;ZXZpbA==\x07 end"#),
        ("clear \u{1B}[2J\u{1B}[H", #"clear \x1B[2J\x1B[H"#),
        ("C1 CSI \u{9B}2J and NEL \u{85}", #"C1 CSI \xC2\x9B2J and NEL \xC2\x85"#),
        ("over\rwrite", #"over\rwrite"#),
        ("nul \u{0} bs \u{8} del \u{7F}", #"nul \x00 bs \x08 del \x7F"#),
        ("tab\tand\nline feed kept", "tab\tand\nline feed kept"),
        ("back\\slash kept", "back\\slash kept"),
        ("not C1: \u{A0} é ¢ \u{E000}match\u{E001} 🚀", "not C1: \u{A0} é ¢ \u{E000}match\u{E001} 🚀"),
        ("\u{1B}", #"\x1B"#),
        ("RLO \u{202E}txt.exe PDF \u{202C}", #"RLO \xE2\x80\xAEtxt.exe PDF \xE2\x80\xAC"#),
        ("isolate \u{2067}x\u{2069} line\u{2028}para\u{2029}", #"isolate \xE2\x81\xA7x\xE2\x81\xA9 line\xE2\x80\xA8para\xE2\x80\xA9"#),
        (
            "marks stay: \u{200F}שלום\u{200E} dash \u{2014} ellipsis \u{2026} \u{2070}",
            "marks stay: \u{200F}שלום\u{200E} dash \u{2014} ellipsis \u{2026} \u{2070}"
        ),
        ("cut \u{E2}", "cut \u{E2}"),
        ("", ""),
    ]

    @Test(arguments: golden)
    func sanitizesToGolden(input: String, expected: String) {
        #expect(TerminalText.sanitized(input) == expected)
        #expect(TerminalText.needsSanitizing(input) == (input != expected))
    }

    @Test func escapedPathsComeBackUnchanged() {
        let path = FolderWalker.escaped(Array("dir/a\u{1B}[2J\nb\\c\u{9B}.txt".utf8))
        #expect(TerminalText.sanitized(path) == path)
    }

    @Test func outputHasNoControlCharacters() {
        var all = ""
        for v in 0..<0x100 where v != 0x09 && v != 0x0A { all.unicodeScalars.append(Unicode.Scalar(UInt8(v))) }
        let out = TerminalText.sanitized(all)
        #expect(!out.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\t" && $0 != "\n") || (0x7F...0x9F).contains($0.value) })
    }

    static func hostileHit() -> Hit {
        Hit(
            rank: 1, score: 1.25, path: "a/evil.txt", paths: ["a/evil.txt"], title: "Evil \u{1B}]52;c;ZXZpbA==\u{07}title",
            metadata: ArticleMetadata(), passage: 2, start: 0, end: 40, text: "The passage \u{1B}[2J clears\nthe \u{9B}screen",
            snippet: "The \u{E000}passage\u{E001} \u{1B}[2J clears\nthe \u{9B}screen", topics: [])
    }

    @Test func textWriterPrintsSanitizedHits() throws {
        let sink = StringSink()
        let writer = RowWriters.make(.text, sink: sink)
        try writer.write(Self.hostileHit())
        try writer.finish()
        #expect(
            sink.text == #"a/evil.txt:2  1.2500  Evil \x1B]52;c;ZXZpbA==\x07title"# + "\n"
                + #"    The [passage] \x1B[2J clears the \xC2\x9Bscreen"# + "\n\n")
    }

    @Test func colourTextHasOnlyItsOwnEscapes() throws {
        let sink = StringSink()
        let writer = RowWriters.make(.text, sink: sink, colour: true)
        try writer.write(Self.hostileHit())
        try writer.finish()
        var rest = sink.text
        for own in [Terminal.reset, Terminal.boldRedOn, "\u{1B}[35m", "\u{1B}[32m"] { rest = rest.replacingOccurrences(of: own, with: "") }
        #expect(!rest.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x9B })
        #expect(sink.text.contains(Terminal.boldRedOn + "passage" + Terminal.reset))
    }

    @Test func machineFormatsKeepTheirOwnEscaping() throws {
        let sink = StringSink()
        let writer = RowWriters.make(.jsonl, sink: sink)
        try writer.write(Self.hostileHit())
        try writer.finish()
        #expect(sink.text.contains(#""title":"Evil \u001b]52;c;ZXZpbA==\u0007title""#))
        #expect(sink.text.contains("\u{9B}"))  // JSON allows C1 raw, as before
    }
}
