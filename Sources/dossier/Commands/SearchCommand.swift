import ArgumentParser
import DossierKit

/// `dossier search QUERY`: ranked passages.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search the index and print ranked passages.",
        discussion: """
            QUERY uses FTS5 syntax: words (all must match), "exact phrases", OR, NOT, NEAR(a b, 10),
            prefix*, and parentheses. Punctuation inside words is fine: U.S., al-Qaeda, B-52, don't.
            Exit status: 0 with hits, 1 with none, 2 on error.
            """
    )

    @Argument(help: "What to search for.")
    var query: String

    @OptionGroup var database: DatabaseOptions

    @Option(name: [.short, .long], help: "Show at most this many hits.")
    var limit = 10

    @Option(name: .long, help: "Skip this many hits first.")
    var offset = 0

    @Option(name: [.short, .long], help: "Output format: text, jsonl, json, csv or tsv.")
    var format: OutputFormat = .text

    @Flag(name: [.short, .long], help: "Print only the number of matching passages.")
    var count = false

    @Flag(name: .long, help: "Search the words as typed: quotes and operators are not syntax.")
    var literal = false

    @Option(name: .long, help: "Colour matches: auto (on a terminal, unless NO_COLOR is set), always or never.")
    var color: ColourChoice = .auto

    @Flag(name: .long, help: "In CSV and TSV, do not prefix cells that a spreadsheet would run as formulas.")
    var rawCells = false

    func validate() throws {
        if limit < 0 { throw ValidationError("--limit must be 0 or more") }
        if offset < 0 { throw ValidationError("--offset must be 0 or more") }
    }

    func run() throws {
        let parsed = try QueryParser(mode: literal ? .literal : .syntax).parse(query)
        let searcher = try Searcher(path: database.path)
        let out = FileDescriptorSink()
        if count {
            let n = try searcher.count(parsed)
            try out.write("\(n)\n")
            try out.flush()
            if n == 0 { throw ExitCode(1) }
            return
        }
        let writer = HitWriters.make(format, sink: out, colour: format == .text && Console.useColour(color), neutralizeFormulas: !rawCells)
        let found = try searcher.search(parsed, limit: limit, offset: offset) { hit in
            try writer.write(hit)
            return true
        }
        try writer.finish()
        if found == 0 { throw ExitCode(1) }
    }
}
