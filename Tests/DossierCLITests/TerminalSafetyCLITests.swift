import Foundation
import Testing

/// An indexed file full of terminal escapes: `search`, `topics` and `stats` in text print none of
/// them (they come out as `\x1B`-style text), JSON keeps them escaped, CSV neutralises formulas.
/// The hostile files are written into a temporary folder here, not into the shared fixtures.
@Suite(.serialized) struct TerminalSafetyCLITests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["DOSSIER_BIN"] { return URL(fileURLWithPath: path) }
        return packageRoot.appendingPathComponent(".build/debug/dossier")
    }

    struct Run {
        var status: Int32
        var stdout: Data
        var stderr: Data
        var text: String { String(decoding: stdout, as: UTF8.self) }
    }

    static func run(_ arguments: [String], in directory: URL) throws -> Run {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env["DOSSIER_DB"] = nil
        env["DOSSIER_LEXICON"] = nil
        process.environment = env
        let out = directory.appendingPathComponent("stdout-\(UUID().uuidString)")
        let err = directory.appendingPathComponent("stderr-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: try Data(contentsOf: out), stderr: try Data(contentsOf: err))
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

    static func folder() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("articles"), withIntermediateDirectories: true)
        let hostile = "Evil \u{1B}]52;c;ZXZpbA==\u{07}title\n\nThe clipboard \u{1B}[2J clears \u{9B}2J the screen \u{1B}[31mred and more words.\n"
        try hostile.write(to: root.appendingPathComponent("articles/evil.txt"), atomically: true, encoding: .utf8)
        try lexicon.write(to: root.appendingPathComponent("lexicon.yaml"), atomically: true, encoding: .utf8)
        return root
    }

    @Test func textOutputNeutralisesEscapesFromContent() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let index = try Self.run(["index", "--db", "i.db", "--lexicon", "lexicon.yaml", "articles"], in: root)
        #expect(index.status == 0, "\(String(decoding: index.stderr, as: UTF8.self))")

        let text = try Self.run(["search", "--db", "i.db", "--color", "never", "clipboard"], in: root)
        #expect(text.status == 0)
        #expect(Self.controlBytes(text.stdout).isEmpty, "\(text.text.debugDescription)")
        #expect(text.text.contains(#"Evil \x1B]52;c;ZXZpbA==\x07title"#), "\(text.text)")
        #expect(text.text.contains(#"\x1B[2J clears \xC2\x9B2J the screen \x1B[31mred"#), "\(text.text)")

        // With colour, the only escapes are Dossier's own colours.
        let colour = try Self.run(["search", "--db", "i.db", "--color", "always", "clipboard"], in: root)
        var rest = colour.text
        for own in ["\u{1B}[0m", "\u{1B}[1;31m", "\u{1B}[35m", "\u{1B}[32m"] { rest = rest.replacingOccurrences(of: own, with: "") }
        #expect(Self.controlBytes(Data(rest.utf8)).isEmpty, "\(colour.text.debugDescription)")

        // Machine formats escape as before.
        let json = try Self.run(["search", "--db", "i.db", "-f", "jsonl", "clipboard"], in: root)
        #expect(json.text.contains(#""title":"Evil \u001b]52;c;ZXZpbA==\u0007title""#), "\(json.text)")

        let topics = try Self.run(["topics", "--db", "i.db", "--lexicon", "lexicon.yaml", "--category", "vessel"], in: root)
        #expect(topics.status == 0, "\(String(decoding: topics.stderr, as: UTF8.self))")
        #expect(Self.controlBytes(topics.stdout).isEmpty, "\(topics.text.debugDescription)")
        #expect(topics.text.contains(#"Evil \x1B]52;c;ZXZpbA==\x07 label"#), "\(topics.text)")

        let stats = try Self.run(["stats", "--db", "i.db"], in: root)
        #expect(stats.status == 0)
        #expect(Self.controlBytes(stats.stdout).isEmpty)
    }

    /// `topics --format csv` protects spreadsheet formulas like search and export do (it did not).
    @Test func topicsCSVNeutralisesFormulas() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try Self.run(["index", "--db", "i.db", "--lexicon", "lexicon.yaml", "articles"], in: root).status == 0)
        let csv = try Self.run(["topics", "--db", "i.db", "--lexicon", "lexicon.yaml", "--category", "vessel", "-f", "csv"], in: root)
        #expect(csv.status == 0)
        #expect(csv.text.contains("\r\nformula,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",vessel,1,1\r\n"), "\(csv.text.debugDescription)")
        #expect(csv.text.hasPrefix("id,label,category,passages,articles\r\n"))
    }
}
