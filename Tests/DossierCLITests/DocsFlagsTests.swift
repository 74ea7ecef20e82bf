import DossierTestSupport
import Foundation
import Testing

/// Every `--flag` the README and `docs/*.md` mention exists in the binary's `--help`.
///
/// The rule, kept simple on purpose:
/// - Flags are `--` followed by a lower-case letter, then letters, digits and `-` (`--format=json`
///   counts as `--format`).
/// - In a fenced code block, only command lines are read: a line (joined with its `\`
///   continuation lines) that starts with `dossier COMMAND` or `$ dossier COMMAND`; each of its
///   flags must be in `dossier COMMAND --help`. Other lines of code blocks (output, YAML) are ignored.
/// - Outside code blocks, only flags inside backticks are read. A span that starts with
///   `dossier COMMAND` checks against that command. Otherwise, when the line names commands
///   (`dossier COMMAND`, in backticks or not), the flag must be in the help of one of them; when
///   it names none, in the help of some command (or of `dossier` itself). A bare command word
///   (`` `index` ``) does not name a command: it is too often another thing (the OpenSearch action,
///   a table of exit statuses).
/// - A span that starts with another program (a first word with a `/`, like `Scripts/bench --runs 3`)
///   is not read, nor, when the line names no dossier command, the other spans of its line (the
///   line is about that program: "`Scripts/bench --runs 3` and `--large --runs 1`").
/// - A command's flags are the ones its help lists under OPTIONS (`--[no-]x` gives both forms).
///
/// `docs/` is skipped while it does not exist. `DOSSIER_DOCS_ROOT` points the test at another
/// checkout's README.md and docs/ (to check a docs branch with this binary).
@Suite struct DocsFlagsTests {
    static let root: URL = ProcessInfo.processInfo.environment["DOSSIER_DOCS_ROOT"].map { URL(fileURLWithPath: $0) } ?? Paths.packageRoot
    static let docs = root.appendingPathComponent("docs")
    static let flagPattern = try! NSRegularExpression(pattern: "--[a-z][a-z0-9-]*")

    static func flags(in text: String) -> [String] {
        flagPattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { String(text[Range($0.range, in: text)!]) }
    }

    /// The flags listed under OPTIONS in `dossier ARGUMENTS --help`.
    static func helpFlags(_ arguments: [String]) throws -> Set<String> {
        let help = try runProcess(try DossierBinary.url(), arguments + ["--help"], environment: DossierCLI.environment())
        var flags: Set<String> = []
        var inOptions = false
        for line in help.stdout.split(separator: "\n", omittingEmptySubsequences: false) {
            if !line.hasPrefix(" ") {
                inOptions = line == "OPTIONS:"
                continue
            }
            guard inOptions else { continue }
            // "  -f, --format <format>   …" or "  --[no-]progress": the flag opens the line.
            let head = line.drop { $0 == " " }
            guard head.hasPrefix("-") else { continue }
            for part in head.split(separator: " ").prefix(3) where part.hasPrefix("-") {
                let name = part.trimmingCharacters(in: CharacterSet(charactersIn: ","))
                if name.hasPrefix("--[no-]") {
                    flags.insert("--" + name.dropFirst(7))
                    flags.insert("--no-" + name.dropFirst(7))
                } else if name.hasPrefix("--") {
                    flags.formUnion(Self.flags(in: name))
                }
            }
        }
        return flags
    }

    /// The subcommands `dossier --help` lists, with their flags; "" is `dossier` itself.
    static let commands: [String: Set<String>] = {
        guard let help = try? runProcess(try DossierBinary.url(), ["--help"], environment: DossierCLI.environment()) else { return [:] }
        var names: [String] = []
        var inSubcommands = false
        for line in help.stdout.split(separator: "\n") {
            if !line.hasPrefix(" ") {
                inSubcommands = line == "SUBCOMMANDS:"
                continue
            }
            // "  index                   Index folders…": a name two spaces in (wrapped text is indented further).
            if inSubcommands, line.hasPrefix("  "), !line.hasPrefix("   "), let name = line.split(separator: " ").first,
                name.allSatisfy({ $0.isLowercase || $0 == "-" })
            {
                names.append(String(name))
            }
        }
        var out: [String: Set<String>] = [:]
        out[""] = (try? helpFlags([])) ?? []
        for name in names { out[name] = (try? helpFlags([name])) ?? [] }
        return out
    }()

    struct Problem: CustomStringConvertible {
        var file: String, line: Int, flag: String, commands: [String]
        var description: String {
            "\(file):\(line): \(flag) is not in "
                + (commands.isEmpty ? "any command's --help" : commands.map { "`dossier \($0) --help`" }.joined(separator: " or "))
        }
    }

    /// The command a text starts with (`dossier search …`, `$ dossier search …`), if any.
    static func leadingCommand(_ text: Substring) -> String? {
        var words = text.split(separator: " ")
        if words.first == "$" { words.removeFirst() }
        guard words.count >= 2, words[0] == "dossier", commands[String(words[1])] != nil else { return nil }
        return String(words[1])
    }

    /// The problems of one Markdown file.
    static func problems(in url: URL) throws -> [Problem] { try read(url).problems }

    /// The problems of one Markdown file, and how many flags were checked.
    static func read(_ url: URL) throws -> (problems: [Problem], checked: Int) {
        let name = url.path.replacingOccurrences(of: root.path + "/", with: "")
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        var problems: [Problem] = []
        var checked = 0
        func check(_ flags: [String], against names: [String], line: Int) {
            checked += flags.count
            let allowed = names.isEmpty ? Array(commands.keys) : names
            for flag in flags where !allowed.contains(where: { commands[$0]?.contains(flag) == true }) {
                problems.append(Problem(file: name, line: line, flag: flag, commands: names))
            }
        }
        var inCode = false
        var index = 0
        while index < lines.count {
            let number = index + 1
            var line = lines[index]
            index += 1
            if line.trimmingCharacters(in: .whitespaces).hasPrefix("```") {
                inCode.toggle()
                continue
            }
            if inCode {
                var text = String(line.drop { $0 == " " })
                while text.hasSuffix("\\"), index < lines.count {
                    text = String(text.dropLast()) + " " + lines[index].trimmingCharacters(in: .whitespaces)
                    index += 1
                }
                if let command = leadingCommand(Substring(text)) { check(flags(in: text), against: [command], line: number) }
                continue
            }
            // Backtick spans: the odd pieces between backticks.
            line = Substring(line.replacingOccurrences(of: "``", with: "`"))
            let spans = line.split(separator: "`", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }.map(
                \.element)
            var named: [String] = []
            let words = line.split(whereSeparator: { $0 == " " || $0 == "`" || $0 == "(" })
            for (a, b) in zip(words, words.dropFirst()) where a == "dossier" && commands[String(b)] != nil { named.append(String(b)) }
            let otherProgram = spans.contains { span in span.split(separator: " ").first?.contains("/") == true }
            if otherProgram && named.isEmpty { continue }  // the line is about another program
            for span in spans where span.split(separator: " ").first?.contains("/") != true {
                if let command = leadingCommand(span) {
                    check(flags(in: String(span)), against: [command], line: number)
                } else {
                    check(flags(in: String(span)), against: Array(Set(named)).sorted(), line: number)
                }
            }
        }
        return (problems, checked)
    }

    static var markdownFiles: [URL] {
        var files = [root.appendingPathComponent("README.md")]
        let names = (try? FileManager.default.contentsOfDirectory(atPath: docs.path)) ?? []
        files += names.filter { $0.hasSuffix(".md") }.sorted().map { docs.appendingPathComponent($0) }
        return files
    }

    @Test func theHelpIsRead() throws {
        #expect(Self.commands.keys.sorted() == ["", "check", "export", "index", "optimize", "search", "show", "stats", "topics"])
        #expect(Self.commands["search"]?.isSuperset(of: ["--db", "--limit", "--format", "--help"]) == true)
        #expect(Self.commands[""] == ["--help", "--version"])
    }

    @Test func theRuleOnSampleLines() throws {
        let folder = try TempFolder(prefix: "dossier-docs")
        let file = try folder.write(
            "sample.md",
            """
            Use `--limit` with `dossier search`, and `dossier export --dedupe`.
            `dossier index` takes `--dedupe`.
            Nothing names a command here: `--color`, `--no-such-flag`.
            About another program: `Scripts/bench --runs 3` and `--large`.
            The bulk action `index` is not the command: `--index-name`.
            ```
            $ dossier search drones --limit 5 \\
                --offset 5 --dedupe
            --not-a-command-line
            ```
            """)
        let problems = try Self.problems(in: URL(fileURLWithPath: file)).map { "\($0.line) \($0.flag) \($0.commands)" }
        #expect(problems == ["2 --dedupe [\"index\"]", "3 --no-such-flag []", "7 --dedupe [\"search\"]"])
    }

    @Test func readmeFlagsExist() throws {
        let (problems, checked) = try Self.read(Self.root.appendingPathComponent("README.md"))
        #expect(checked > 10, "only \(checked) flags found in README.md: is the rule still reading it?")
        for problem in problems { Issue.record(Comment(rawValue: problem.description)) }
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: docs.path), "no docs/ folder yet"))
    func docsFlagsExist() throws {
        let files = Self.markdownFiles.dropFirst()
        #expect(!files.isEmpty)
        for file in files {
            let problems = try Self.problems(in: file)
            #expect(problems.isEmpty, Comment(rawValue: "\(problems.count) flags:\n" + problems.map(\.description).joined(separator: "\n")))
        }
    }
}
