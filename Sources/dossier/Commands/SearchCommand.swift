import ArgumentParser
import DossierExport
import DossierModel
import DossierSearch
import DossierSupport

/// `dossier search QUERY`: ranked passages.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search the index and print ranked passages.",
        discussion: """
            QUERY uses FTS5 syntax: words, "exact phrases", AND, OR, NOT, NEAR(a b, 10),
            prefix*, and parentheses. Punctuation inside words is fine: U.S., al-Qaeda,
            B-52, don't. Words that name a topic of the lexicon also match its other
            names: Kyiv finds "Kiev", "cluster munitions" finds "DPICMs". A query typed
            as plain words is read as concepts: lower-case and/or separate concepts
            (either matches), words like "the" and "of" are not required, a word beside
            a topic's name ranks higher but is not required (Gaza Strip), and other
            words must all match, first as a phrase; passages covering more concepts
            rank first, and headings rank below the paragraphs they head. --exact
            searches the FTS5 query as typed. --topic and --category keep passages
            tagged with a topic, alone or with a query. See docs/topics.md.
            Example: dossier search "cluster munitions" --since 2023
            Example: dossier search Kyiv --new -f jsonl
            Exit status: 0 with hits, 1 with none, 2 on error.
            """
    )

    @Argument(help: "What to search for (optional with --topic or --category).")
    var query: String?

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

    @Option(name: .long, help: "Colour matches: auto (on a terminal, unless NO_COLOR is set or TERM=dumb), always or never.")
    var color: ColourChoice = .auto

    @Flag(name: .long, help: "In CSV and TSV, do not prefix cells that a spreadsheet would run as formulas.")
    var rawCells = false

    @Option(
        name: .long,
        help: ArgumentHelp("Only passages tagged with this topic (id, label or alias); repeat to require several.", valueName: "topic"))
    var topic: [String] = []

    @Option(name: .long, help: ArgumentHelp("Only passages naming a topic of this category; repeat to require several.", valueName: "name"))
    var category: [String] = []

    @Flag(name: .long, help: "Search the words only: do not expand words that name a topic to the topic's other names.")
    var exact = false

    @Flag(name: .long, help: "Print the expanded query, and for each hit the names matched and how its score was made (on stderr).")
    var explain = false

    @Option(name: .long, help: "Show this many neighbouring passages on each side of every hit (text, jsonl and json).")
    var context = 0

    @OptionGroup var filterOptions: FilterOptions

    @OptionGroup var copies: CopyOptions

    @OptionGroup var lexicon: LexiconOptions

    func validate() throws {
        if limit < 0 { throw ValidationError("--limit must be 0 or more") }
        if context < 0 { throw ValidationError("--context must be 0 or more") }
        if context > 0 && (format == .csv || format == .tsv) {
            throw ValidationError("--context works with --format text, jsonl or json; a CSV row holds one passage")
        }
        if offset < 0 { throw ValidationError("--offset must be 0 or more") }
        if query == nil && topic.isEmpty && category.isEmpty {
            throw ValidationError("give a query, --topic or --category")
        }
    }

    func run() throws {
        let parsed = try query.map { try QueryParser(mode: literal ? .literal : .syntax).parse($0) }
        let searcher = try Searcher(path: database.path)
        try lexicon.checkMatches(indexHash: try searcher.lexiconHash(), database: database.path)
        var request = SearchRequest(
            query: parsed, filters: try filterOptions.filters(), limit: limit, offset: offset, topics: topic, categories: category,
            expand: !exact
        )
        request.context = context
        request.allCopies = copies.allCopies
        request.filters.runs = try filterOptions.runs.window(searcher)
        let out = FileDescriptorSink()
        if explain {
            Console.note("query: \(try searcher.plan(request).description)")
        }
        if count {
            request.limit = nil
            let n = try searcher.count(request)
            try out.write("\(n)\n")
            try out.flush()
            if n == 0 { throw ExitCode(1) }
            return
        }
        let writer = RowWriters.make(
            format.rowFormat, sink: out, colour: format == .text && Console.useColour(color), neutralizeFormulas: !rawCells)
        let found = try searcher.search(request, explaining: explain) { hit, explanation in
            try writer.write(hit)
            if let explanation {
                try out.flush()
                Console.text(
                    "#\(hit.rank) \(hit.path):\(hit.passage) score \(Figures.score(explanation.score))\n"
                        + explanation.lines.joined(separator: "\n") + "\n")
            }
            return true
        }
        try writer.finish()
        if found == 0 { throw ExitCode(1) }
    }
}
