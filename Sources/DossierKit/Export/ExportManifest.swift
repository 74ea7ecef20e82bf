import DossierIndex
import Foundation

/// What an export did, written next to its output so the run can be reproduced and checked.
///
/// Written as JSON with keys in a fixed order, one query per line; only `started` and `finished`
/// differ between two runs of the same export over the same index. Schema (version 1):
///
/// - `manifest_version`, `dossier_version`
/// - `index`: `path`, `fingerprint` (``IndexFingerprint/sha256``), `schema_version`, `tokenizer`,
///   `articles`, `passages`, `last_indexed`
/// - `lexicon_hash`: the SHA-256 of the topic lexicon used, or null when no topics were used
/// - `format`, `options` (`limit_per_query`, `dedupe`, `raw_cells`, `literal`, `index_name`, `snippets`, `new_runs`, `all_copies`)
/// - `queries_file`: `path` and `sha256` of the query file, or null for queries given on the command line
/// - `queries`: per query `id`, `line`, `query`, `topic`, `category`, `since`, `until`, `sources`,
///   `matches` (what `dossier search QUERY --count` prints) and `rows` (rows written)
/// - `rows`: total rows; `output`: `path` (null for standard output), `bytes`, `sha256`
/// - `started`, `finished`: ISO 8601 UTC
public struct ExportManifest: Sendable, Equatable {
    /// Options that shaped the rows.
    public struct Options: Sendable, Equatable {
        public var limitPerQuery: Int?
        public var dedupe: Bool
        public var rawCells: Bool
        public var literal: Bool
        public var indexName: String?
        public var snippets: Bool
        /// The index runs `--new` kept articles of (`[first, last]` in the manifest), or nil.
        public var runs: ClosedRange<Int64>?
        /// Every wire copy's rows were written (`--all-copies`).
        public var allCopies: Bool

        public init(
            limitPerQuery: Int? = nil, dedupe: Bool = false, rawCells: Bool = false, literal: Bool = false, indexName: String? = nil,
            snippets: Bool = true, runs: ClosedRange<Int64>? = nil, allCopies: Bool = false
        ) {
            self.allCopies = allCopies
            self.snippets = snippets
            self.runs = runs
            self.limitPerQuery = limitPerQuery
            self.dedupe = dedupe
            self.rawCells = rawCells
            self.literal = literal
            self.indexName = indexName
        }
    }

    public static let version = 1

    public var dossierVersion: String
    public var indexPath: String
    public var fingerprint: IndexFingerprint
    public var lexiconHash: String?
    public var format: ExportFormat
    public var options: Options
    /// The query file's path and SHA-256, nil when the queries came from the command line.
    public var queriesFile: (path: String, sha256: String)?
    public var outcomes: [BatchExporter.Outcome]
    /// The output's path, nil for standard output.
    public var outputPath: String?
    public var outputBytes: Int
    public var outputSHA256: String
    public var started: Date
    public var finished: Date

    public init(
        dossierVersion: String, indexPath: String, fingerprint: IndexFingerprint, lexiconHash: String? = nil,
        format: ExportFormat, options: Options, queriesFile: (path: String, sha256: String)?, outcomes: [BatchExporter.Outcome],
        outputPath: String?, outputBytes: Int, outputSHA256: String, started: Date, finished: Date
    ) {
        self.dossierVersion = dossierVersion
        self.indexPath = indexPath
        self.fingerprint = fingerprint
        self.lexiconHash = lexiconHash
        self.format = format
        self.options = options
        self.queriesFile = queriesFile
        self.outcomes = outcomes
        self.outputPath = outputPath
        self.outputBytes = outputBytes
        self.outputSHA256 = outputSHA256
        self.started = started
        self.finished = finished
    }

    public static func == (a: ExportManifest, b: ExportManifest) -> Bool { a.json == b.json }

    /// The manifest as JSON text, ending with a newline.
    public var json: String {
        var fields: [(String, String)] = []
        func number(_ n: Int?) -> String { n.map(String.init) ?? "null" }
        func string(_ s: String?) -> String { s.map(JSONObject.quote) ?? "null" }
        fields.append(("manifest_version", String(Self.version)))
        fields.append(("dossier_version", string(dossierVersion)))
        var index = JSONObject()
        index.add("path", indexPath)
        index.add("fingerprint", fingerprint.sha256)
        index.add("schema_version", number: String(fingerprint.schemaVersion))
        index.add("tokenizer", fingerprint.tokenizer)
        index.add("articles", number: String(fingerprint.articles))
        index.add("passages", number: String(fingerprint.passages))
        index.add("last_indexed", fingerprint.lastIndexed)
        fields.append(("index", index.text))
        fields.append(("lexicon_hash", string(lexiconHash)))
        fields.append(("format", string(format.rawValue)))
        var opts = JSONObject()
        opts.add("limit_per_query", number: number(options.limitPerQuery))
        opts.add("dedupe", raw: options.dedupe ? "true" : "false")
        opts.add("raw_cells", raw: options.rawCells ? "true" : "false")
        opts.add("literal", raw: options.literal ? "true" : "false")
        opts.add("index_name", options.indexName)
        opts.add("snippets", raw: options.snippets ? "true" : "false")
        opts.add("new_runs", raw: options.runs.map { "[\($0.lowerBound),\($0.upperBound)]" } ?? "null")
        opts.add("all_copies", raw: options.allCopies ? "true" : "false")
        fields.append(("options", opts.text))
        if let queriesFile {
            var file = JSONObject()
            file.add("path", queriesFile.path)
            file.add("sha256", queriesFile.sha256)
            fields.append(("queries_file", file.text))
        } else {
            fields.append(("queries_file", "null"))
        }
        let queries = outcomes.map { outcome -> String in
            let spec = outcome.spec
            var q = JSONObject()
            q.add("id", spec.id)
            q.add("line", number: String(spec.line))
            q.add("query", spec.query)
            q.add("topic", spec.topic)
            q.add("category", spec.category)
            q.add("since", spec.since)
            q.add("until", spec.until)
            q.add("sources", strings: spec.sources)
            if !spec.languages.isEmpty { q.add("languages", strings: spec.languages) }
            q.add("matches", number: String(outcome.matches))
            q.add("rows", number: String(outcome.rows))
            return "    " + q.text
        }
        fields.append(("queries", queries.isEmpty ? "[]" : "[\n" + queries.joined(separator: ",\n") + "\n  ]"))
        fields.append(("rows", String(outcomes.reduce(0) { $0 + $1.rows })))
        var output = JSONObject()
        output.add("path", outputPath)
        output.add("bytes", number: String(outputBytes))
        output.add("sha256", outputSHA256)
        fields.append(("output", output.text))
        fields.append(("started", string(Self.timestamp(started))))
        fields.append(("finished", string(Self.timestamp(finished))))
        return "{\n" + fields.map { "  " + JSONObject.quote($0.0) + ": " + $0.1 }.joined(separator: ",\n") + "\n}\n"
    }

    /// `date` as ISO 8601 UTC with milliseconds: `2026-11-25T13:02:11.208Z`.
    public static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
