import ArgumentParser
import DossierExport
import DossierSearch

/// `dossier show`: read an article, or a passage with its neighbours, as the index holds it.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show an indexed article, or a passage with its neighbours.",
        discussion: """
            LOCATION is what search prints: PATH:PASSAGE shows that passage (with
            --context N neighbours on each side), PATH alone the whole article with
            its metadata. In a PDF, search prints PATH:pPAGE:PASSAGE (report.pdf:p14:3,
            passage 3 on page 14), which show takes as PATH:PASSAGE does; PATH:pPAGE
            shows the passages of that page.
            Example: dossier show Corpus/news/x.txt:5 --context 1
            Exit status: 0 when shown, 2 for a location the index does not have.
            """
    )

    @Argument(help: "PATH or PATH:PASSAGE, as search prints them.")
    var locations: [String]

    @OptionGroup var database: DatabaseOptions

    @Option(name: [.short, .long], help: "Passages to show on each side of PATH:PASSAGE (default 0).")
    var context = 0

    @Option(name: [.short, .long], help: "Output format: text, jsonl or json.")
    var format: ShownArticleWriter.Format = .text

    @Option(name: .long, help: ArgumentHelp("Mark the matches of this search query (as search highlights them).", valueName: "query"))
    var highlight: String?

    func validate() throws {
        guard !locations.isEmpty else { throw ValidationError("give at least one PATH or PATH:PASSAGE") }
        guard context >= 0 else { throw ValidationError("--context must be 0 or more") }
    }

    func run() throws {
        let searcher = try Searcher(path: database.path)
        let request = try highlight.map { SearchRequest(query: try QueryParser().parse($0)) }
        let shown = try locations.map { try searcher.show($0, context: context, highlight: request) }  // all checked before output
        let writer = ShownArticleWriter(sink: FileDescriptorSink(), format: format)
        for article in shown { try writer.write(article) }
        try writer.finish()
    }
}

extension ShownArticleWriter.Format: ExpressibleByArgument {}
