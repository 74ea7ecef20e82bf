import DossierTestSupport
import Foundation
import Testing

/// Whole-output golden tests of the binary, one or more per command, on `Tests/Fixtures/articles`
/// (copied with fixed modification times). The golden files are under `Tests/Fixtures/golden/`;
/// `DOSSIER_UPDATE_GOLDEN=1` rewrites them after a deliberate change (review the diff).
///
/// Masked, and only these, because they vary from run to run:
/// - ``Masks/elapsed``: the index summary's elapsed seconds and MB/s rate;
/// - ``Masks/timestamps``: `last indexed` / `last_indexed`, and a manifest's `started` and `finished`.
/// Everything else (counts, sizes, fingerprints, hashes, article dates) is pinned.
/// (`search` has its own golden tests in ``SearchCLITests``.)
@Suite(.serialized) struct CommandGoldenTests {
    enum Masks {
        /// `… 0.0 MB in 0.12 s (0.0 MB/s)` → `… 0.0 MB in <SECONDS> s (<RATE> MB/s)`.
        static let elapsed = #"in [0-9]+\.[0-9]{2} s \([0-9]+\.[0-9] MB/s\)"#
        /// `last indexed  2026-…Z` (stats text) and `"last_indexed":"…"`, `"started": "…"`, `"finished": "…"` (JSON).
        /// Also a run's start and end in `stats` text: `#2 2026-…Z to 2026-…Z`.
        static let timestamps =
            #"(last indexed +|"(?:last_indexed|started|finished)": ?"|#[0-9]+ | to )[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+Z"#

        static func apply(_ text: String) -> String {
            let text = Golden.mask(text, elapsed, with: "in <SECONDS> s (<RATE> MB/s)")
            return Golden.mask(text, timestamps, with: "$1<TIMESTAMP>")
        }
    }

    let cli: DossierCLI

    init() throws {
        cli = try DossierCLI()
    }

    /// Indexes the fixture folder into `t.db`, quietly.
    func indexed() throws -> DossierCLI {
        let result = try cli.run(["index", "articles", "--db", "t.db", "--quiet"])
        #expect(result.status == 0, "index failed: \(result.stderr)")
        return cli
    }

    /// Runs `arguments` and compares stdout (and stderr when `stderrGolden` is named; else it must be
    /// empty) with golden files, masked.
    func expectCommand(
        _ arguments: [String], stdout: String?, stderr stderrGolden: String? = nil, status: Int32 = 0,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let result = try cli.run(arguments)
        #expect(result.status == status, "\(arguments): \(result.stderr)", sourceLocation: sourceLocation)
        if let stdout {
            expectGolden(Masks.apply(result.stdout), stdout, sourceLocation: sourceLocation)
        } else {
            #expect(result.stdout.isEmpty, "\(arguments) wrote to stdout", sourceLocation: sourceLocation)
        }
        if let stderrGolden {
            expectGolden(Masks.apply(result.stderr), stderrGolden, sourceLocation: sourceLocation)
        } else {
            #expect(result.stderr.isEmpty, "\(arguments): \(result.stderr)", sourceLocation: sourceLocation)
        }
    }

    @Test func masksOnlyWhatVaries() {
        #expect(Masks.apply("0.0 MB in 12.34 s (0.5 MB/s)") == "0.0 MB in <SECONDS> s (<RATE> MB/s)")
        #expect(Masks.apply("last indexed  2026-12-03T12:35:11Z\n") == "last indexed  <TIMESTAMP>\n")
        #expect(Masks.apply(#""started": "2026-12-03T12:35:25.789Z","#) == #""started": "<TIMESTAMP>","#)
        #expect(Masks.apply("#2 2026-12-03T12:35:11Z to 2026-12-03T12:35:12Z: 1 new") == "#2 <TIMESTAMP> to <TIMESTAMP>: 1 new")
        // An article's date is data, not a timestamp of the run.
        #expect(Masks.apply(#""date":"2024-01-01T00:00:00Z""#) == #""date":"2024-01-01T00:00:00Z""#)
    }

    // MARK: index

    @Test func indexSummaryFirstRunAgainVerboseAndAfterChanges() throws {
        try expectCommand(["index", "articles", "--db", "t.db"], stdout: nil, stderr: "index.first.stderr")
        try expectCommand(["index", "articles", "--db", "t.db", "--verbose"], stdout: nil, stderr: "index.again-verbose.stderr")
        // One file changed, one removed, one moved (same content, new name), one new. The move reuses
        // the article stored under the old path: counted as moved, not also as a duplicate.
        let folder = cli.folder
        try folder.write(
            "articles/analysis/long-wire.txt", try folder.read("articles/analysis/long-wire.txt") + "\nA paragraph added later.\n")
        try folder.remove("articles/wire/shelling-report.txt")
        try FileManager.default.moveItem(
            atPath: folder.sub("articles/analysis/quotes-and-spaces.txt"), toPath: folder.sub("articles/quotes-and-spaces.txt"))
        try folder.write("articles/wire/new-report.txt", "A new report\n\nObservers counted new craters near the depot.\n")
        try folder.setModificationDate(TempFolder.fixedDate, of: "articles")
        try expectCommand(["index", "articles", "--db", "t.db"], stdout: nil, stderr: "index.changes.stderr")
    }

    // MARK: topics

    @Test(arguments: ["text", "json", "csv"])
    func topicsList(format: String) throws {
        _ = try indexed()
        try expectCommand(["topics", "--db", "t.db", "--format", format], stdout: "topics.\(format)")
    }

    @Test(arguments: ["text", "json", "csv"])
    func topicsWithAndByMonth(format: String) throws {
        _ = try indexed()
        try expectCommand(["topics", "--db", "t.db", "--with", "cluster-munitions", "--format", format], stdout: "topics-with.\(format)")
        try expectCommand(["topics", "--db", "t.db", "--by", "month", "--format", format], stdout: "topics-by-month.\(format)")
    }

    // MARK: show, search --context

    @Test(arguments: ["text", "jsonl"])
    func searchWithContext(format: String) throws {
        _ = try indexed()
        try expectCommand(
            ["search", "shelling", "--context", "1", "--limit", "2", "--db", "t.db", "--format", format, "--color", "never"],
            stdout: "search-context.\(format)")
        let csv = try cli.run(["search", "shelling", "--context", "1", "--db", "t.db", "--format", "csv"])
        #expect(csv.status == 2 && csv.stdout.isEmpty && csv.stderr.contains("--context works with --format text, jsonl or json"))
    }

    @Test(arguments: ["text", "jsonl", "json"])
    func showAnArticleAndAPassageWithContext(format: String) throws {
        _ = try indexed()
        try expectCommand(
            ["show", "articles/analysis/treaty-explainer.md", "--db", "t.db", "--format", format], stdout: "show-article.\(format)")
        try expectCommand(
            [
                "show", "articles/wire/shelling-report.txt:2", "articles/wire/submunitions-field.txt:1", "--context", "1", "--db", "t.db",
                "--format", format,
            ], stdout: "show-passages.\(format)")
    }

    @Test(arguments: ["text", "jsonl"])
    func showWithHighlights(format: String) throws {
        _ = try indexed()
        try expectCommand(
            ["show", "articles/wire/submunitions-field.txt", "--highlight", "cluster munitions", "--db", "t.db", "--format", format],
            stdout: "show-highlight.\(format)")
    }

    @Test func showAnUnknownLocationIsAnErrorWithAHint() throws {
        _ = try indexed()
        try expectCommand(["show", "articles/nope.txt:3", "--db", "t.db"], stdout: nil, stderr: "show-unknown.stderr", status: 2)
        try expectCommand(
            ["show", "articles/wire/shelling-report.txt:99", "--db", "t.db"], stdout: nil, stderr: "show-no-passage.stderr", status: 2)
    }

    // MARK: --new

    @Test func newKeepsWhatTheLastRunAddedOrChanged() throws {
        _ = try indexed()
        let folder = cli.folder
        try folder.write("articles/wire/new-report.txt", "A new report\n\nObservers counted new shelling craters near the depot.\n")
        try folder.write(
            "articles/analysis/long-wire.txt", try folder.read("articles/analysis/long-wire.txt") + "\nShelling resumed later.\n")
        for path in ["articles/wire/new-report.txt", "articles/analysis/long-wire.txt"] {  // dates in the output are pinned
            try folder.setModificationDate(TempFolder.fixedDate, of: path)
        }
        #expect(try cli.run(["index", "articles", "--db", "t.db", "--quiet"]).status == 0)
        try expectCommand(["search", "shelling", "--new", "--db", "t.db", "--format", "jsonl"], stdout: "search-new.jsonl")
        let all = try cli.run(["search", "shelling", "--db", "t.db", "--format", "jsonl"])
        #expect(all.stdout.split(separator: "\n").count > 2)
        // --indexed-since: a run (as stats lists it) or a date; from run 2 it is --new, from run 1 everything.
        #expect(
            try cli.run(["search", "shelling", "--indexed-since", "#2", "--db", "t.db", "--format", "jsonl"]).stdout
                == (try cli.run(["search", "shelling", "--new", "--db", "t.db", "--format", "jsonl"]).stdout))
        #expect(try cli.run(["search", "shelling", "--indexed-since", "1", "--db", "t.db", "--format", "jsonl"]).stdout == all.stdout)
        #expect(
            try cli.run(["search", "shelling", "--indexed-since", "2000-01-01", "--db", "t.db", "--format", "jsonl"]).stdout == all.stdout)
        #expect(try cli.run(["search", "shelling", "--indexed-since", "2999", "--db", "t.db"]).status == 2)
        #expect(try cli.run(["search", "shelling", "--indexed-since", "soon", "--db", "t.db"]).status == 2)
        try folder.write("queries.txt", "shelling\n")
        try expectCommand(["export", "--queries", "queries.txt", "--new", "--db", "t.db", "--format", "csv"], stdout: "export-new.csv")
        try expectCommand(["stats", "--db", "t.db"], stdout: "stats-two-runs.text")
        // A run that changes nothing makes nothing new.
        #expect(try cli.run(["index", "articles", "--db", "t.db", "--quiet"]).status == 0)
        #expect(try cli.run(["search", "shelling", "--new", "--db", "t.db"]).status == 1)
    }

    // MARK: stats, check, optimize

    @Test(arguments: ["text", "json"])
    func stats(format: String) throws {
        _ = try indexed()
        try expectCommand(["stats", "--db", "t.db", "--format", format], stdout: "stats.\(format)")
    }

    @Test func checkAndOptimize() throws {
        _ = try indexed()
        try expectCommand(["check", "--db", "t.db"], stdout: "check.stdout")
        try expectCommand(["optimize", "--db", "t.db"], stdout: nil, stderr: "optimize.stderr")
        try expectCommand(["check", "--db", "t.db"], stdout: "check.stdout")
        try expectCommand(["check", "--db", "missing.db"], stdout: nil, stderr: "check-missing.stderr", status: 2)
    }

    // MARK: export

    /// Queries of every kind the file format takes: comments, blank lines, a phrase, an operator, a prefix, no hit.
    static let queries = "# golden queries\ncluster munitions\nshells OR drone*\n\n\"al-Qaeda\"\nofficials\nnothingmatchesthis\n"

    @Test(arguments: ["csv", "tsv", "jsonl", "json", "opensearch"])
    func exportEachFormatWithItsManifest(format: String) throws {
        _ = try indexed()
        try cli.folder.write("queries.txt", Self.queries)
        let name = "export.\(format)"
        try expectCommand(["export", "--queries", "queries.txt", "--db", "t.db", "--format", format, "--output", name], stdout: nil)
        expectGolden(try cli.folder.read(name), name)
        expectGolden(Masks.apply(try cli.folder.read(name + ".manifest.json")), name + ".manifest.json")
        // Standard output carries the same bytes as the file.
        let stdout = try cli.run(["export", "--queries", "queries.txt", "--db", "t.db", "--format", format])
        let file = try Data(contentsOf: cli.folder.url(name))
        #expect(stdout.status == 0 && stdout.stdoutData == file)
    }

    @Test func exportDedupedAndLimitedAndMapping() throws {
        _ = try indexed()
        try cli.folder.write("queries.txt", Self.queries)
        try expectCommand(
            ["export", "--queries", "queries.txt", "--db", "t.db", "--format", "csv", "--dedupe", "--limit-per-query", "2"],
            stdout: "export-dedupe-limit.csv")
        try expectCommand(["export", "--mapping"], stdout: "export-mapping.json")
    }

    // MARK: the same bytes twice

    /// Every golden output above comes out the same on a second, fresh folder (nothing but the masks varies).
    @Test func twoFreshRunsGiveTheSameBytes() throws {
        func outputs() throws -> [String] {
            let cli = try DossierCLI()
            try cli.folder.write("queries.txt", Self.queries)
            var out: [String] = []
            for arguments in [
                ["index", "articles", "--db", "t.db"], ["stats", "--db", "t.db", "--format", "json"],
                ["topics", "--db", "t.db", "-f", "json"],
                ["export", "--queries", "queries.txt", "--db", "t.db", "--output", "x.jsonl"],
            ] {
                let result = try cli.run(arguments)
                out.append(Masks.apply(result.stdout + result.stderr))
            }
            out.append(try cli.folder.read("x.jsonl"))
            out.append(Masks.apply(try cli.folder.read("x.jsonl.manifest.json")))
            return out
        }
        let a = try outputs()
        let b = try outputs()
        for (x, y) in zip(a, b) { #expect(x == y) }
    }
}
