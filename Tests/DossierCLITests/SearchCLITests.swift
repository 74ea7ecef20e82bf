import DossierTestSupport
import Foundation
import Testing

@Suite(.serialized) struct SearchCLITests {
    let cli: DossierCLI

    init() throws {
        cli = try DossierCLI()
        let indexed = try cli.run(["index", "articles", "--db", "t.db", "--quiet"])
        #expect(indexed.status == 0, "index failed: \(indexed.stderr)")
    }

    @Test(arguments: ["text", "jsonl", "json", "csv", "tsv"])
    func wholeOutputPerFormat(format: String) throws {
        let result = try cli.run(["search", "cluster munitions OR shells", "--db", "t.db", "--format", format])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        expectGolden(result.stdout, "search.\(format)")
    }

    @Test func sameIndexAndQueryGiveTheSameBytes() throws {
        let a = try cli.run(["search", "the", "--db", "t.db", "--format", "jsonl", "--limit", "100"])
        let b = try cli.run(["search", "the", "--db", "t.db", "--format", "jsonl", "--limit", "100"])
        #expect(a.stdout == b.stdout && !a.stdout.isEmpty)
    }

    @Test func typedPunctuationIsNotSyntax() throws {
        // The headline "U.S. officials weigh al-Qaeda threat" is a passage of its own.
        for (query, count) in [("U.S. al-Qaeda", 2), ("B-52 “bombers”", 1), ("don't", 1), ("don’t comment", 1)] {
            let result = try cli.run(["search", query, "--db", "t.db", "--count"])
            #expect(result.status == 0, "\(query): \(result.stderr)")
            #expect(result.stdout == "\(count)\n", "\(query)")
        }
    }

    @Test func exitStatusAndOneLineErrors() throws {
        let malformed = try cli.run(["search", "\"cluster munitions", "--db", "t.db"])
        #expect(malformed.status == 2)
        #expect(malformed.stdout.isEmpty)
        #expect(
            malformed.stderr
                == "dossier: error: malformed query: unbalanced \" (a phrase is opened but never closed); close the quote, or pass --literal to search the words as typed\n"
        )

        let none = try cli.run(["search", "zeppelin", "--db", "t.db"])
        #expect(none.status == 1 && none.stdout.isEmpty && none.stderr.isEmpty)

        let zero = try cli.run(["search", "zeppelin", "--db", "t.db", "--count"])
        #expect(zero.status == 1 && zero.stdout == "0\n")

        let missing = try cli.run(["search", "drones", "--db", "missing.db"])
        #expect(missing.status == 2)
        #expect(missing.stderr == "dossier: error: no index at missing.db; run `dossier index FOLDER` first, or pass --db PATH\n")

        let unreadable = try cli.run(["index", "no-such-folder", "--db", "x.db"])
        #expect(unreadable.status == 2)
        #expect(unreadable.stderr == "dossier: error: cannot read no-such-folder: No such file or directory\n")

        let badOption = try cli.run(["search", "drones", "--limit", "-3", "--db", "t.db"])
        #expect(badOption.status == 2)
    }

    @Test func metadataFiltersNarrowHits() throws {
        // Fixture files carry the fixed file time only (date_source mtime): date filters use content dates.
        #expect(try cli.run(["search", "officials", "--db", "t.db", "--count"]).stdout == "4\n")
        #expect(try cli.run(["search", "officials", "--db", "t.db", "--count", "--source", "wire"]).stdout == "1\n")
        #expect(try cli.run(["search", "officials", "--db", "t.db", "--count", "--path", "*/analysis/*"]).stdout == "3\n")
        let dated = try cli.run(["search", "officials", "--db", "t.db", "--count", "--since", "2020"])
        #expect(dated.status == 1 && dated.stdout == "0\n")
        let bad = try cli.run(["search", "officials", "--db", "t.db", "--since", "yesterday"])
        #expect(bad.status == 2 && bad.stderr.contains("--since takes an ISO 8601 date"))
    }

    @Test func dbComesFromTheEnvironmentWhenNotGiven() throws {
        let result = try cli.run(["search", "drone", "--count"], environment: ["DOSSIER_DB": "t.db"])
        #expect(result.status == 0 && result.stdout == "2\n")
    }

    @Test func colourOnlyWhenAsked() throws {
        let plain = try cli.run(["search", "drone", "--db", "t.db"])
        #expect(!plain.stdout.contains("\u{1B}["))
        let always = try cli.run(["search", "drone", "--db", "t.db", "--color", "always"])
        #expect(always.stdout.contains("\u{1B}[1;31m"))
    }

    @Test func aClosedPipeIsNotAnError() throws {
        let process = Process()
        process.executableURL = try DossierBinary.url()
        process.arguments = ["search", "the", "--db", "t.db", "--limit", "100000", "--format", "jsonl"]
        process.currentDirectoryURL = cli.directory
        process.environment = DossierCLI.environment()
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        try out.fileHandleForReading.close()  // like `| head -0`
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(err.fileHandleForReading.readDataToEndOfFile().isEmpty)
    }
}

@Suite(.serialized) struct IndexCLITests {
    @Test func summaryAndSkippedFilesGoToStderr() throws {
        let cli = try DossierCLI()
        let result = try cli.run(["index", "articles", "--db", "t.db", "--verbose"])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 5)
        #expect(lines[0] == "dossier: skipped articles/wire/empty.txt: empty")
        #expect(lines[1] == "dossier: skipped articles/wire/garbage.txt: binary")
        #expect(lines[2] == "dossier: skipped articles/wire/photo.jpg: unsupported format .jpg")
        #expect(
            lines[3].hasPrefix(
                "indexed 5 files (5 new, 0 changed, 0 unchanged, 0 moved, 0 removed, 0 duplicate, 0 wire copies): 5 articles, 17 passages written, "
            ))
        #expect(lines[4] == "skipped 3 files: 1 binary, 1 empty, 1 unsupported format")

        let quiet = try cli.run(["index", "articles", "--db", "t.db", "--quiet"])
        #expect(quiet.status == 0 && quiet.stderr.isEmpty && quiet.stdout.isEmpty)
    }

    @Test func statsAsTextAndJSON() throws {
        let cli = try DossierCLI()
        try cli.run(["index", "articles", "--db", "t.db", "--quiet"])
        let json = try cli.run(["stats", "--db", "t.db", "--format", "json"])
        #expect(json.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["files"] as? Int == 5)
        #expect(object?["articles"] as? Int == 5)
        #expect(object?["passages"] as? Int == 17)
        #expect((object?["bytes"] as? Int ?? 0) > 0)
        #expect(object?["last_indexed"] is String)
        let text = try cli.run(["stats", "--db", "t.db"])
        #expect(text.stdout.contains("articles      5\n"))
    }

    @Test func helpListsEveryCommand() throws {
        let cli = try DossierCLI()
        let help = try cli.run(["--help"])
        #expect(help.status == 0)
        for command in ["index", "search", "stats"] { #expect(help.stdout.contains("  \(command)")) }
    }
}
