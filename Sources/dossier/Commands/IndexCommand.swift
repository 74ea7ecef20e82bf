import ArgumentParser
import DossierIndex
import DossierIngest
import DossierSupport

/// `dossier index FOLDER...`: add folders to the index, or bring it up to date.
struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Index folders of articles (or bring the index up to date).",
        discussion: """
            Walks each folder recursively in sorted order, skipping hidden files and
            folders, and reads text (.txt), Markdown (.md), HTML (.html, .htm), e-mail
            (.eml, .emlx, .mbox, Maildir folders), JSON (.json, .jsonl, .ndjson), Word
            (.docx), OpenDocument (.odt, .odp, .ods), EPUB (.epub), RTF (.rtf),
            PowerPoint (.pptx) and Excel (.xlsx) files; files without an extension are
            read when their content is one of these. Other files are skipped and counted
            (legacy .doc, .xls and .ppt with how to convert them). Files unchanged since
            the last run (same size and modification time) are not read again; files
            gone from the folder are removed from the index. Wire copies (the same story
            under another headline, byline or footer) are found and grouped for search.
            Example: dossier index ~/news
            Example: dossier index Corpus --db corpus.db --verbose
            Exit status: 0, or 2 when a file that should be readable could not be read.
            """
    )

    @Argument(help: ArgumentHelp("Folders (or files) to index.", valueName: "folder"))
    var folders: [String]

    @OptionGroup var database: DatabaseOptions

    @OptionGroup var lexicon: LexiconOptions

    @Option(
        name: .long, help: "Threads that read, decode, split, hash, tokenize and tag files (default: one fewer than the cores, at least 1)."
    )
    var jobs: Int?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "JSON keys for article fields, tried before the built-in names (e.g. text=story,title=hed,date=meta.pubDate).",
            valueName: "mapping"))
    var jsonFields: String?

    @Flag(
        name: .long,
        help: "Index every text block of web pages (menus, teasers, comments too), not only the article; for pages that are not articles."
    )
    var keepBoilerplate = false

    @Flag(name: .long, help: "Keep files that are gone from the folder in the index.")
    var keepMissing = false

    @Flag(name: [.short, .long], help: "No progress and no summary (errors are still printed).")
    var quiet = false

    @Flag(name: [.short, .long], help: "List every skipped file with its reason.")
    var verbose = false

    func validate() throws {
        if folders.isEmpty { throw ValidationError("name at least one folder to index") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if let jsonFields {
            do {
                _ = try JSONFieldMap(parsing: jsonFields)
            } catch {
                throw ValidationError("--json-fields: \(error)")
            }
        }
    }

    func run() throws {
        var options = Indexer.Options()
        if let jobs { options.jobs = jobs }
        options.keepMissing = keepMissing
        options.lexicon = try lexicon.resolved()
        let fields = try jsonFields.map { try JSONFieldMap(parsing: $0) } ?? JSONFieldMap()
        let loader = ArticleLoader(splitter: PassageSplitter(), jsonFields: fields, keepBoilerplate: keepBoilerplate)
        let indexer = Indexer(databasePath: database.path, options: options, loader: loader)
        let bar =
            (!quiet && Console.stderrIsTerminal) ? ProgressBar(total: folders.reduce(0) { $0 + FolderWalker().countFiles(root: $1) }) : nil
        let report = try indexer.run(roots: folders) { progress in
            bar?.update(done: progress.filesDone, bytes: progress.bytesDone, elapsed: progress.elapsed)
        }
        bar?.clear()
        for (path, reason) in report.skipped where reason.isError {
            Console.error("\(path): \(reason.detail)")
        }
        for warning in report.warnings {
            Console.note("warning: \(warning)")
        }
        if verbose {
            for (path, reason) in report.skipped where !reason.isError {
                Console.note("skipped \(path): \(reason.detail)")
            }
        }
        if !quiet, let redetection = indexer.redetection, redetection.articles > 0 {
            Console.note("found the language of \(Figures.grouped(redetection.articles)) articles already in the index")
        }
        if !quiet, let retag = indexer.retag, retag.passages > 0 {
            Console.note("re-tagged \(Figures.grouped(retag.passages)) passages with the new lexicon")
        }
        if !quiet {
            Console.text(IndexSummary.lines(report).joined(separator: "\n") + "\n")
        }
        if report.hasErrors { throw ExitCode(2) }
    }
}
