import DossierTestSupport
import Foundation
import Testing

/// An indexed file full of terminal escapes: `search`, `topics` and `stats` in text print none of
/// them (they come out as `\x1B`-style text), JSON keeps them escaped, CSV neutralises formulas.
/// The hostile files are written into a temporary folder here, not into the shared fixtures.
@Suite(.serialized) struct TerminalSafetyCLITests {
    /// A fresh folder holding the hostile article (`articles/evil.txt`) and lexicon (`lexicon.yaml`).
    static func folder() throws -> DossierCLI {
        let cli = try DossierCLI(fixtures: [])
        let hostile =
            "Evil \u{1B}]52;c;ZXZpbA==\u{07}title\n\nThe clipboard \u{1B}[2J clears \u{9B}2J the screen \u{1B}[31mred and more words.\n"
        _ = try cli.folder.write("articles/evil.txt", hostile)
        _ = try cli.folder.write("lexicon.yaml", lexicon)
        return cli
    }

    /// Bytes a terminal acts on: C0 controls but tab and line feed, DEL, and C1 controls (as UTF-8).
    static func controlBytes(_ data: Data) -> [String] {
        let bytes = [UInt8](data)
        var found: [String] = []
        for (i, b) in bytes.enumerated() {
            if (b < 0x20 && b != 0x09 && b != 0x0A) || b == 0x7F { found.append(String(format: "0x%02X at %d", b, i)) }
            if b == 0xC2, i + 1 < bytes.count, (0x80...0x9F).contains(bytes[i + 1]) { found.append("C1 at \(i)") }
        }
        return found
    }

    static let lexicon = """
        version: 1
        categories:
          vessel:
            - id: evil
              label: "Evil \\e]52;c;ZXZpbA==\\a label"
              aliases:
                - {alias: clipboard}
            - id: formula
              label: "=HYPERLINK(\\"http://x\\",\\"y\\")"
              aliases:
                - {alias: screen}
        """

    @Test func textOutputNeutralisesEscapesFromContent() throws {
        let cli = try Self.folder()
        let index = try cli.run(["index", "--db", "i.db", "--lexicon", "lexicon.yaml", "articles"])
        #expect(index.status == 0, "\(index.stderr)")

        let text = try cli.run(["search", "--db", "i.db", "--color", "never", "clipboard"])
        #expect(text.status == 0)
        #expect(Self.controlBytes(text.stdoutData).isEmpty, "\(text.stdout.debugDescription)")
        #expect(text.stdout.contains(#"Evil \x1B]52;c;ZXZpbA==\x07title"#), "\(text.stdout)")
        #expect(text.stdout.contains(#"\x1B[2J clears \xC2\x9B2J the screen \x1B[31mred"#), "\(text.stdout)")

        // With colour, the only escapes are Dossier's own colours.
        let colour = try cli.run(["search", "--db", "i.db", "--color", "always", "clipboard"])
        var rest = colour.stdout
        for own in ["\u{1B}[0m", "\u{1B}[1;31m", "\u{1B}[35m", "\u{1B}[32m"] { rest = rest.replacingOccurrences(of: own, with: "") }
        #expect(Self.controlBytes(Data(rest.utf8)).isEmpty, "\(colour.stdout.debugDescription)")

        // Machine formats escape as before.
        let json = try cli.run(["search", "--db", "i.db", "-f", "jsonl", "clipboard"])
        #expect(json.stdout.contains(#""title":"Evil \u001b]52;c;ZXZpbA==\u0007title""#), "\(json.stdout)")

        let topics = try cli.run(["topics", "--db", "i.db", "--lexicon", "lexicon.yaml", "--category", "vessel"])
        #expect(topics.status == 0, "\(topics.stderr)")
        #expect(Self.controlBytes(topics.stdoutData).isEmpty, "\(topics.stdout.debugDescription)")
        #expect(topics.stdout.contains(#"Evil \x1B]52;c;ZXZpbA==\x07 label"#), "\(topics.stdout)")

        let stats = try cli.run(["stats", "--db", "i.db"])
        #expect(stats.status == 0)
        #expect(Self.controlBytes(stats.stdoutData).isEmpty)
    }

    /// `topics --format csv` protects spreadsheet formulas like search and export do (it did not).
    @Test func topicsCSVNeutralisesFormulas() throws {
        let cli = try Self.folder()
        #expect(try cli.run(["index", "--db", "i.db", "--lexicon", "lexicon.yaml", "articles"]).status == 0)
        let csv = try cli.run(["topics", "--db", "i.db", "--lexicon", "lexicon.yaml", "--category", "vessel", "-f", "csv"])
        #expect(csv.status == 0)
        #expect(
            csv.stdout.contains("\r\nformula,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",vessel,1,1\r\n"), "\(csv.stdout.debugDescription)")
        #expect(csv.stdout.hasPrefix("id,label,category,passages,articles\r\n"))
    }
}
