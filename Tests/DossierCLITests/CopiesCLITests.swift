import DossierTestSupport
import Foundation
import Testing

/// Wire copies on `Tests/Fixtures/copies`: one wire story (`wire/bridge-strike.txt`), a copy under
/// another headline with a byline, a footer and a word changed (`papers/verenka-bridge-destroyed.txt`),
/// a copy cut to its first paragraphs (`papers/bridge-short.txt`), a story quoting one sentence of
/// it (`papers/winter-supplies.txt`, not a copy) and an unrelated story. Goldens in `Tests/Fixtures/golden/`.
@Suite(.serialized) struct CopiesCLITests {
    let cli: DossierCLI

    init() throws {
        cli = try DossierCLI(fixtures: ["copies"])
        let result = try cli.run(["index", "copies", "--db", "t.db"])
        #expect(result.status == 0, "\(result.stderr)")
        // The run counts the two articles that copied one already stored.
        #expect(result.stderr.contains("0 duplicate, 2 wire copies)"), "\(result.stderr)")
    }

    @Test(arguments: ["text", "jsonl", "csv"])
    func searchFoldsCopiesIntoTheBestOne(format: String) throws {
        let result = try cli.run(["search", "bridge", "--db", "t.db", "--format", format])
        #expect(result.status == 0, "\(result.stderr)")
        expectGolden(result.stdout, "copies-search.\(format)")
    }

    @Test func allCopiesShowsEveryCopy() throws {
        let result = try cli.run(["search", "missile strike", "--db", "t.db", "--all-copies", "--format", "jsonl"])
        #expect(result.status == 0)
        expectGolden(result.stdout, "copies-search-all.jsonl")
        let paths = Set(
            result.stdout.split(separator: "\n").compactMap { line in
                (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
            }.compactMap { $0["path"] as? String })
        #expect(
            paths == [
                "copies/wire/bridge-strike.txt", "copies/papers/verenka-bridge-destroyed.txt", "copies/papers/bridge-short.txt",
                "copies/papers/winter-supplies.txt",
            ])
    }

    @Test func showNamesTheCopies() throws {
        let result = try cli.run(["show", "copies/wire/bridge-strike.txt", "--db", "t.db"])
        #expect(result.status == 0)
        expectGolden(result.stdout, "copies-show.text")
        let json = try cli.run(["show", "copies/wire/bridge-strike.txt:2", "--db", "t.db", "--format", "jsonl"])
        #expect(json.stdout.contains(#""copies":["copies/papers/bridge-short.txt","copies/papers/verenka-bridge-destroyed.txt"]"#))
    }

    @Test func countsFollowTheFolding() throws {
        let folded = try cli.run(["search", "bridge", "--db", "t.db", "--count"])
        let every = try cli.run(["search", "bridge", "--db", "t.db", "--count", "--all-copies"])
        let shown = try cli.run(["search", "bridge", "--db", "t.db", "--limit", "100", "--format", "jsonl"])
        #expect(folded.stdout == "\(shown.stdout.split(separator: "\n").count)\n")
        #expect(Int(every.stdout.dropLast())! > Int(folded.stdout.dropLast())!)
        // Pages of folded hits follow each other without gaps or repeats.
        let first = try cli.run(["search", "bridge", "--db", "t.db", "--limit", "2", "--format", "jsonl"]).stdout
        let second = try cli.run(["search", "bridge", "--db", "t.db", "--limit", "2", "--offset", "2", "--format", "jsonl"]).stdout
        let ranks = (first + second).split(separator: "\n").map { line -> Int in
            let object = try! JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            return object["rank"] as! Int
        }
        #expect(ranks == Array(1...ranks.count))
        #expect((first + second).split(separator: "\n").map { $0.replacingOccurrences(of: "\"rank\":", with: "") }.count == 4)
    }

    @Test func exportFoldsCopiesUnlessAsked() throws {
        try cli.folder.write("queries.txt", "bridge\nmissile strike\n")
        let folded = try cli.run(["export", "--queries", "queries.txt", "--db", "t.db", "--format", "csv", "--no-manifest"])
        #expect(folded.status == 0, "\(folded.stderr)")
        expectGolden(folded.stdout, "copies-export.csv")
        let every = try cli.run(["export", "--queries", "queries.txt", "--db", "t.db", "--format", "csv", "--all-copies", "--no-manifest"])
        #expect(every.stdout.utf8.filter { $0 == 10 }.count > folded.stdout.utf8.filter { $0 == 10 }.count)
        let deduped = try cli.run(["export", "--queries", "queries.txt", "--db", "t.db", "--format", "csv", "--dedupe", "--no-manifest"])
        #expect(deduped.status == 0)
        // The path cell, the sixth (these queries hold no comma); the copies cell may name the copy.
        let paths = deduped.stdout.split(separator: "\r\n").dropFirst().map {
            $0.split(separator: ",", omittingEmptySubsequences: false)[5]
        }
        #expect(!paths.isEmpty)
        #expect(!paths.contains { $0.hasSuffix("verenka-bridge-destroyed.txt") }, "a folded copy's rows stay out of a deduplicated export")
    }

    @Test func statsCountClustersAndRemovingCopiesEndsThem() throws {
        let stats = try cli.run(["stats", "--db", "t.db"])
        expectGolden(CommandGoldenTests.Masks.apply(stats.stdout), "copies-stats.text")
        #expect(try cli.run(["check", "--db", "t.db"]).stdout == "ok\n")
        try FileManager.default.removeItem(at: cli.directory.appendingPathComponent("copies/papers/bridge-short.txt"))
        #expect(try cli.run(["index", "copies", "--db", "t.db", "--quiet"]).status == 0)
        #expect(try cli.run(["stats", "--db", "t.db"]).stdout.contains("wire copies   2 articles in 1 cluster\n"))
        try FileManager.default.removeItem(at: cli.directory.appendingPathComponent("copies/wire/bridge-strike.txt"))
        #expect(try cli.run(["index", "copies", "--db", "t.db", "--quiet"]).status == 0)
        #expect(try cli.run(["stats", "--db", "t.db"]).stdout.contains("wire copies   none\n"))
        #expect(try cli.run(["check", "--db", "t.db"]).stdout == "ok\n", "keys and clusters agree with the articles left")
        let alone = try cli.run(["search", "bridge", "--db", "t.db"]).stdout
        #expect(!alone.contains("copies)") && !alone.contains("copy)"))
    }
}
