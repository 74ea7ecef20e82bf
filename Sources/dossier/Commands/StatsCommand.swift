import ArgumentParser
import DossierExport
import DossierIndex
import DossierSupport

/// `dossier stats`: what the index holds.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Show what the index holds: files, articles, passages, size, last runs.",
        discussion: "Example: dossier stats --format json"
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var database: DatabaseOptions

    @Option(name: [.short, .long], help: "Output format: text or json.")
    var format: Format = .text

    func run() throws {
        let stats = try IndexStats.read(path: database.path)
        let out = FileDescriptorSink()
        switch format {
        case .json:
            var object = JSONObject()
            object.add("path", stats.path)
            object.add("files", number: String(stats.files))
            object.add("articles", number: String(stats.articles))
            object.add("passages", number: String(stats.passages))
            object.add("bytes", number: String(stats.bytes))
            object.add("source_bytes", number: String(stats.sourceBytes))
            object.add("last_indexed", stats.lastIndexed)
            var formats = JSONObject()
            for (name, count) in stats.formats { formats.add(name, number: String(count)) }
            object.add("formats", raw: formats.text)
            // Articles per language code; those whose language is unknown under "unknown".
            var languages = JSONObject()
            for (code, count) in stats.languages { languages.add(code ?? "unknown", number: String(count)) }
            object.add("languages", raw: languages.text)
            var runs: [String] = []
            for run in stats.runs {
                var r = JSONObject()
                r.add("id", number: String(run.id))
                r.add("started", run.started)
                r.add("finished", run.finished)
                for (key, value) in Self.counts(run) { r.add(key, number: String(value)) }
                r.add("articles", number: String(run.articles))
                r.add("passages", number: String(run.passages))
                runs.append(r.text)
            }
            object.add("runs", raw: "[" + runs.joined(separator: ",") + "]")
            object.add("copy_clusters", number: String(stats.copyClusters))
            object.add("clustered_articles", number: String(stats.clusteredArticles))
            try out.write(object.text + "\n")
        case .text:
            let rows: [(String, String)] = [
                ("index", stats.path),
                ("files", Figures.grouped(stats.files)),
                ("articles", Figures.grouped(stats.articles)),
                (
                    "wire copies",
                    stats.copyClusters == 0
                        ? "none"
                        : "\(IndexSummary.count(stats.clusteredArticles, "article")) in \(IndexSummary.count(stats.copyClusters, "cluster"))"
                ),
                ("passages", Figures.grouped(stats.passages)),
                ("size", Figures.megabytes(stats.bytes)),
                ("source text", Figures.megabytes(stats.sourceBytes)),
                ("formats", stats.formats.map { "\($0.format) \(Figures.grouped($0.articles))" }.joined(separator: ", ")),
                (
                    "languages",
                    stats.languages.map { "\($0.language ?? "unknown") \(Figures.grouped($0.articles))" }.joined(separator: ", ")
                ),
                ("last indexed", stats.lastIndexed ?? "never"),
            ]
            var lines = rows
            for (i, run) in stats.runs.enumerated() {
                let counts = Self.counts(run).map { "\(Figures.grouped($0.1)) \($0.0)" }.joined(separator: ", ")
                let end = run.finished.map { "to \($0)" } ?? "(not finished)"
                lines.append(
                    (
                        i == 0 ? "runs" : "",
                        "#\(run.id) \(run.started) \(end): \(counts); \(IndexSummary.count(run.articles, "article")) written"
                    ))
            }
            for (key, value) in lines {
                try out.write(key + String(repeating: " ", count: 14 - key.count) + TerminalText.sanitized(value) + "\n")
            }
        }
        try out.flush()
    }

    /// A run's file counts, in the index summary's order.
    static func counts(_ run: IndexRunRecord) -> [(String, Int)] {
        [
            ("new", run.new), ("changed", run.changed), ("unchanged", run.unchanged), ("moved", run.moved), ("removed", run.removed),
            ("skipped", run.skipped),
        ]
    }
}
