import ArgumentParser
import DossierExport
import DossierIndex
import DossierSearch
import DossierSupport
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `dossier export`: every hit of many queries, as CSV, TSV, JSON Lines, JSON or OpenSearch bulk, with a manifest.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export every hit of many queries as CSV, TSV, JSON Lines, JSON or OpenSearch bulk.",
        discussion: """
            Queries come from --queries FILE (one query a line, or id<TAB>query, or a
            YAML list with id, query, topic, category, since, until, source), or from
            QUERY arguments (ids 1, 2, ...). Rows: every matching passage of every
            query, queries in order, hits in rank order. --output writes a temporary
            file and renames it when complete, and a manifest next to it. CSV and TSV
            cells starting with = + - @ tab or CR get a leading ' (see --raw-cells).
            Example: dossier export -q watch.txt --new -o today.csv
            Example: dossier export Kyiv Izium -f jsonl
            Exit status: 0 with rows, 1 with none, 2 on error.
            """
    )

    @Argument(help: ArgumentHelp("Queries to export (instead of --queries).", valueName: "query"))
    var queries: [String] = []

    @Option(
        name: [.customShort("q"), .customLong("queries")],
        help: ArgumentHelp("A query file: .yaml/.yml entries, else one query per line (id<TAB>query lines too).", valueName: "file"))
    var queriesFile: String?

    @OptionGroup var database: DatabaseOptions

    @Option(
        name: [.short, .long],
        help: "Output format: csv, tsv, jsonl, json or opensearch (default: from the --output extension, else jsonl).")
    var format: ExportFormat?

    @Option(name: [.short, .long], help: ArgumentHelp("Write to this file (atomically) instead of standard output.", valueName: "file"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("Write the manifest here (default: OUTPUT.manifest.json with --output).", valueName: "file"))
    var manifest: String?

    @Flag(name: .long, help: "Write no manifest, even with --output.")
    var noManifest = false

    @Option(name: .long, help: ArgumentHelp("At most N rows per query, best first.", valueName: "n"))
    var limitPerQuery: Int?

    @Flag(name: .long, help: "Write each passage once, under the first query that hit it, with all their ids in query_ids.")
    var dedupe = false

    @OptionGroup var runs: RunOptions

    @OptionGroup var copies: CopyOptions

    @Flag(name: .long, help: "In CSV and TSV, do not prefix cells that a spreadsheet would run as formulas.")
    var rawCells = false

    @Flag(name: .long, help: "Leave the snippet column empty: much faster for words found everywhere.")
    var noSnippets = false

    @Flag(name: .long, help: "Search the words as typed: quotes and operators are not syntax.")
    var literal = false

    @Option(name: .long, help: "For QUERY arguments: only articles dated on or after this ISO 8601 date.")
    var since: String?

    @Option(name: .long, help: "For QUERY arguments: only articles dated on or before this ISO 8601 date.")
    var until: String?

    @Option(name: .long, help: "For QUERY arguments: only articles from this source (repeatable).")
    var source: [String] = []

    @Option(
        name: .long,
        help: ArgumentHelp(
            "For QUERY arguments: only articles in these languages (ISO 639-1; repeatable or comma-separated).", valueName: "code"))
    var language: [String] = []

    @Option(name: .long, help: "Export the passages tagged with this topic of the lexicon.")
    var topic: String?

    @Option(name: .long, help: "Export the passages tagged with a topic of this category.")
    var category: String?

    @Option(name: .long, help: "The index named in opensearch action lines.")
    var indexName = "dossier"

    @Flag(name: .long, help: "Print the OpenSearch index mapping for --format opensearch documents, and exit.")
    var mapping = false

    @Flag(name: .long, help: "No progress line on standard error.")
    var quiet = false

    func validate() throws {
        if mapping { return }
        if let limitPerQuery, limitPerQuery < 1 { throw ValidationError("--limit-per-query must be at least 1") }
        if queriesFile != nil && (!queries.isEmpty || topic != nil || category != nil) {
            throw ValidationError("give queries either with --queries FILE or on the command line, not both")
        }
        if queriesFile == nil && queries.isEmpty && topic == nil && category == nil {
            throw ValidationError("name the queries: --queries FILE, QUERY arguments, or --topic/--category")
        }
        if queriesFile != nil && (since != nil || until != nil || !source.isEmpty || !language.isEmpty) {
            throw ValidationError(
                "--since, --until, --source and --language apply to QUERY arguments; put them in the YAML entries of a query file")
        }
        try FilterOptions.validateDates(since: since, until: until)
        if noManifest && manifest != nil { throw ValidationError("--manifest and --no-manifest contradict each other") }
        if indexName.isEmpty { throw ValidationError("--index-name must not be empty") }
    }

    func run() throws {
        do {
            try export()
        } catch let error as ExportError {
            throw DossierError(description: error.description)
        }
    }

    /// The queries, from the file or the command line.
    func makeSpecs() throws -> [QuerySpec] {
        if let queriesFile { return try QueryFile.read(path: queriesFile) }
        let languages = try SearchFilters.languages(parsing: language)
        var specs = [QuerySpec(id: "1", line: 1, topic: topic, category: category, since: since, until: until, sources: source)]
        if !queries.isEmpty {
            specs = queries.enumerated().map { index, text in
                QuerySpec(
                    id: String(index + 1), line: index + 1, query: text, topic: topic, category: category, since: since, until: until,
                    sources: source)
            }
        }
        for i in specs.indices { specs[i].languages = languages }
        return specs
    }

    /// --format, else the --output file's extension (.csv, .tsv, .json, .jsonl, .ndjson), else JSON Lines.
    var resolvedFormat: ExportFormat {
        if let format { return format }
        let name = (output ?? "").lowercased()
        if name.hasSuffix(".csv") { return .csv }
        if name.hasSuffix(".tsv") || name.hasSuffix(".tab") { return .tsv }
        if name.hasSuffix(".json") { return .json }
        return .jsonl
    }

    func export() throws {
        let format = resolvedFormat
        if mapping {
            let out = FileDescriptorSink()
            try out.write(OpenSearchBulkWriter.mapping())
            try out.flush()
            return
        }
        let started = Date()
        // Everything that can fail on the input fails here, before any output exists.
        let specs = try makeSpecs()
        let searcher = try Searcher(path: database.path, memoryMapped: false)
        let exporter = BatchExporter(
            searcher: searcher,
            options: .init(
                limitPerQuery: limitPerQuery, dedupe: dedupe, mode: literal ? .literal : .syntax, snippets: !noSnippets,
                runs: try runs.window(searcher), allCopies: copies.allCopies))
        let prepared = try exporter.prepare(specs)
        let manifestPath = noManifest ? nil : (manifest ?? output.map { $0 + ".manifest.json" })
        // Read beside the export's start, so the manifest describes the index the rows came from.
        let pendingFingerprint = manifestPath.map { _ in IndexFingerprint.start(path: database.path) }
        let queriesFileHash = try queriesFile.map { path in (path: path, sha256: try Self.sha256(ofFile: path)) }

        AtomicFile.installSignalCleanup()
        let file = try output.map { try AtomicFile(path: $0) }
        let destination: OutputSink = file ?? FileDescriptorSink()
        // The output's SHA-256 is only for the manifest: no manifest, no hashing.
        let hashing = manifestPath == nil ? nil : HashingSink(destination)
        let writer = ExportRowWriters.make(
            format, sink: hashing ?? destination, dedupe: dedupe, neutralizeFormulas: !rawCells, indexName: indexName)
        let bar = (!quiet && Console.stderrIsTerminal) ? ExportProgressLine() : nil
        let outcomes: [BatchExporter.Outcome]
        let fingerprint: IndexFingerprint?
        do {
            outcomes = try exporter.run(prepared, writer: writer) { bar?.update($0) }
            // A fingerprint that cannot be read fails the export before its file appears.
            fingerprint = try pendingFingerprint?.value()
            try file?.commit()
        } catch {
            bar?.clear()
            file?.discard()
            throw error
        }
        bar?.finish()
        if let manifestPath, let fingerprint, let hashing {
            let record = ExportManifest(
                dossierVersion: DossierVersion.string, indexPath: database.path, fingerprint: fingerprint,
                lexiconHash: try? TopicStatistics(path: database.path).lexiconHash(),
                format: format,
                options: .init(
                    limitPerQuery: limitPerQuery, dedupe: dedupe, rawCells: rawCells, literal: literal,
                    indexName: format == .opensearch ? indexName : nil, snippets: !noSnippets, runs: exporter.options.runs,
                    allCopies: copies.allCopies),
                queriesFile: queriesFileHash, outcomes: outcomes, outputPath: output, outputBytes: hashing.byteCount,
                outputSHA256: hashing.sha256, started: started, finished: Date())
            let manifestFile = try AtomicFile(path: manifestPath)
            do {
                try manifestFile.write(record.json)
                try manifestFile.commit()
            } catch {
                manifestFile.discard()
                throw error
            }
        }
        if outcomes.allSatisfy({ $0.rows == 0 }) { throw ExitCode(1) }
    }

    static func sha256(ofFile path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ExportError.unreadableQueryFile(path: path, reason: "cannot read it again")
        }
        return ContentHash.sha256(Array(data))
    }
}

extension ExportFormat: ExpressibleByArgument {}

/// `queries 3/5, 120,000 rows, 85,000 rows/s` on standard error, redrawn at most ten times a second.
final class ExportProgressLine {
    private var lastDraw = -1.0
    private var last: BatchExporter.Progress?

    func update(_ progress: BatchExporter.Progress) {
        last = progress
        guard progress.elapsed - lastDraw >= 0.1 else { return }
        lastDraw = progress.elapsed
        draw(progress)
    }

    func finish() {
        if let last { draw(last) }
        Console.errorRaw("\n")
    }

    func clear() {
        Console.errorRaw("\r\u{1B}[K")
    }

    private func draw(_ p: BatchExporter.Progress) {
        let rate = p.elapsed > 0 ? Int(Double(p.rows) / p.elapsed) : 0
        Console.errorRaw(
            "\rqueries \(p.queriesDone)/\(p.queriesTotal), \(Figures.grouped(p.rows)) rows, \(Figures.grouped(rate)) rows/s\u{1B}[K")
    }
}
