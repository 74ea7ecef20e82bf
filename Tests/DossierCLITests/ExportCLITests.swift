import DossierTestSupport
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `dossier export` end to end: runs the built binary on fresh temporary folders.
@Suite(.serialized) struct ExportCLITests {
    /// A folder with a few articles, indexed into `index.db`.
    func indexedFolder() throws -> DossierCLI {
        let cli = try DossierCLI(fixtures: [])
        try cli.folder.write(
            "articles/a.txt",
            "Ceasefire talks\n\nThe ceasefire held, said the monitors.\n\n=1+1 was written on the wall near the ceasefire line.\n")
        try cli.folder.write(
            "articles/b.txt", "Border report\n\nMonitors counted drones near the border.\n\n-3 degrees, and the monitors left.\n")
        let indexed = try cli.run(["index", "articles", "--db", "index.db", "--quiet"])
        #expect(indexed.status == 0, "\(indexed.stderr)")
        return cli
    }

    @Test func exportToFileWritesOutputAndManifestAtomically() throws {
        let cli = try indexedFolder()
        try cli.folder.write("weekly.txt", "ceasefire\n# comment\nmonitors\n")
        let result = try cli.run(["export", "--queries", "weekly.txt", "--format", "csv", "--output", "hits.csv", "--db", "index.db"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(files(cli) == ["articles", "hits.csv", "hits.csv.manifest.json", "index.db", "weekly.txt"])
        let csv = try String(contentsOfFile: cli.folder.path + "/hits.csv", encoding: .utf8)
        #expect(csv.hasPrefix("query_id,query,rank,score,path,"))
        #expect(csv.contains("'=1+1 was written"))
        #expect(csv.contains("'-3 degrees"))
        let manifest =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: cli.folder.path + "/hits.csv.manifest.json")))
            as! [String: Any]
        let output = manifest["output"] as! [String: Any]
        let bytes = try Data(contentsOf: URL(fileURLWithPath: cli.folder.path + "/hits.csv"))
        #expect(output["bytes"] as? Int == bytes.count)
        #expect((output["sha256"] as? String)?.count == 64)
        let queries = manifest["queries"] as! [[String: Any]]
        #expect(queries.map { $0["id"] as! String } == ["1", "3"])
        for query in queries {
            let count = try cli.run(["search", query["query"] as! String, "--count", "--db", "index.db"])
            #expect(Int(count.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) == query["rows"] as? Int)
        }
    }

    @Test func exitStatusIsOneWithoutRowsAndTwoOnErrors() throws {
        let cli = try indexedFolder()
        #expect(try cli.run(["export", "nothingmatchesthis", "--db", "index.db"]).status == 1)
        #expect(try cli.run(["export", "ceasefire", "--db", "index.db"]).status == 0)
        try cli.folder.write("bad.yaml", "- id: a\n  query: ceasefire\n- id: b\n  qurey: drones\n")
        let bad = try cli.run(["export", "--queries", "bad.yaml", "--output", "out.jsonl", "--db", "index.db"])
        #expect(bad.status == 2)
        #expect(
            bad.stderr
                == "dossier: error: bad.yaml:3: unknown key \"qurey\" (expected one of id, query, topic, category, since, until, source, language)\n"
        )
        #expect(!files(cli).contains { $0.hasPrefix("out.jsonl") || $0.hasPrefix(".out.jsonl") })
        let unparsable = try cli.run(["export", "ceasefire", "\"unclosed", "--db", "index.db", "--output", "out.csv"])
        #expect(unparsable.status == 2)
        #expect(unparsable.stderr.hasPrefix("dossier: error: query 2 (line 2): malformed query"))
        #expect(!files(cli).contains { $0.contains("out.csv") })
    }

    /// A `--since` that is not a date is an argument error, as it is for `search` (export read it as
    /// a filter that matched nothing and exited 1).
    @Test func exportRejectsADateThatIsNotOne() throws {
        let cli = try indexedFolder()
        let bad = try cli.run(["export", "ceasefire", "--since", "foo", "--db", "index.db"])
        #expect(bad.status == 2)
        #expect(bad.stdout.isEmpty)
        #expect(bad.stderr.contains("--since takes an ISO 8601 date such as 2023, 2023-07 or 2023-07-06, not 'foo'"), "\(bad.stderr)")
        #expect(try cli.run(["export", "ceasefire", "--since", "2020-01", "--db", "index.db"]).status != 2)
    }

    @Test func stdoutExportHasNoManifestUnlessAsked() throws {
        let cli = try indexedFolder()
        let result = try cli.run(["export", "ceasefire", "monitors", "--db", "index.db", "--manifest", "run.json"])
        #expect(result.status == 0)
        #expect(result.stdout.split(separator: "\n").count == 6)
        let manifest =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: cli.folder.path + "/run.json"))) as! [String: Any]
        #expect((manifest["output"] as! [String: Any])["path"] is NSNull)
        #expect(manifest["queries_file"] is NSNull)
    }

    @Test func formatFollowsTheOutputExtensionUnlessGiven() throws {
        let cli = try indexedFolder()
        #expect(try cli.run(["export", "ceasefire", "--db", "index.db", "--output", "a.csv"]).status == 0)
        #expect(try String(contentsOfFile: cli.folder.path + "/a.csv", encoding: .utf8).hasPrefix("query_id,query,rank,"))
        #expect(try cli.run(["export", "ceasefire", "--db", "index.db", "--output", "b.tsv"]).status == 0)
        #expect(try String(contentsOfFile: cli.folder.path + "/b.tsv", encoding: .utf8).hasPrefix("query_id\tquery\trank\t"))
        #expect(try cli.run(["export", "ceasefire", "--db", "index.db", "--output", "c.txt", "-f", "opensearch"]).status == 0)
        #expect(try String(contentsOfFile: cli.folder.path + "/c.txt", encoding: .utf8).hasPrefix("{\"index\":{"))
        #expect(try cli.run(["export", "ceasefire", "--db", "index.db", "--output", "d.out"]).status == 0)
        #expect(try String(contentsOfFile: cli.folder.path + "/d.out", encoding: .utf8).hasPrefix("{\"query_id\":\"1\""))
    }

    @Test func mappingIsPrintedWithoutAnIndex() throws {
        let cli = try DossierCLI(fixtures: [])
        let result = try cli.run(["export", "--mapping"])
        #expect(result.status == 0)
        let mapping = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        #expect(mapping["mappings"] != nil)
    }

    /// A folder big enough that exporting one word 60 times takes seconds.
    func bigFolder() throws -> DossierCLI {
        let cli = try DossierCLI(fixtures: [])
        var generator = SystemRandomNumberGenerator()
        let words = ["alpha", "border", "convoy", "delta", "envoy", "frontier", "garrison", "harbour", "inquiry", "journal"]
        for file in 0..<100 {
            var text = "Report \(file)\n\n"
            for _ in 0..<10 {
                text += "common " + (0..<60).map { _ in words.randomElement(using: &generator)! }.joined(separator: " ") + ".\n\n"
            }
            try cli.folder.write("articles/\(file).txt", text)
        }
        let indexed = try cli.run(["index", "articles", "--db", "index.db", "--quiet"])
        #expect(indexed.status == 0)
        return cli
    }

    /// Starts a long export and sends `signal` once rows are being written: the signal is the
    /// temporary file holding bytes (its name carries the pid), waited for with a deadline.
    func interrupt(with signal: Int32) throws -> (cli: DossierCLI, status: Int32, pid: Int32, signalled: Bool) {
        let cli = try bigFolder()
        let p = try cli.start(
            ["export"] + Array(repeating: "common", count: 60) + ["--format", "csv", "--output", "hits.csv", "--db", "index.db"])
        let temporary = cli.folder.sub(".hits.csv.dossier-tmp-\(p.pid)")
        let writing = waitUntil(timeout: 60) { (Readiness.fileSize(temporary) ?? 0) > 0 || !p.isRunning }
        #expect(writing && p.isRunning, "the export finished before it could be interrupted; make the fixture bigger")
        p.send(signal)
        let result = try p.wait()
        return (cli, result.status, p.pid, result.signalled)
    }

    @Test func exportInterruptedBySIGTERMLeavesNoFile() throws {
        let (cli, status, _, signalled) = try interrupt(with: SIGTERM)
        #expect(signalled && status == SIGTERM)
        #expect(files(cli) == ["articles", "index.db"])
    }

    @Test func exportKilledWithSIGKILLLeavesNothingUnderTheFinalName() throws {
        let (cli, status, pid, signalled) = try interrupt(with: SIGKILL)
        #expect(signalled && status == SIGKILL)
        // Only the recognisable temporary file may remain.
        #expect(files(cli) == [".hits.csv.dossier-tmp-\(pid)", "articles", "index.db"])
        #expect(!files(cli).contains { $0.hasPrefix("hits.csv") })
    }

    /// The "done when": five queries over the shared seed and ABC news folders.
    @Test(.enabled(if: Paths.sharedCorpus(containing: "seed") != nil, "../shared/corpus is absent"))
    func fiveQueriesOverTheSharedCorpusMatchSearchCount() throws {
        let corpus = try #require(Paths.sharedCorpus).path
        let cli = try DossierCLI(fixtures: [])
        let indexed = try cli.run(["index", corpus + "/seed", corpus + "/abc-news", "--db", "index.db", "--quiet"])
        #expect(indexed.status == 0)
        let queries = ["cluster munitions", "Taliban", "\"al Qaeda\"", "bushfire*", "Arafat OR Sharon"]
        try cli.folder.write("weekly.txt", "# five weekly queries\n" + queries.joined(separator: "\n") + "\n")
        for format in ["csv", "jsonl"] {
            let result = try cli.run([
                "export", "--queries", "weekly.txt", "--format", format, "--output", "hits.\(format)", "--db", "index.db",
            ])
            #expect(result.status == 0, "\(result.stderr)")
            let manifest =
                try JSONSerialization.jsonObject(
                    with: Data(contentsOf: URL(fileURLWithPath: cli.folder.path + "/hits.\(format).manifest.json"))) as! [String: Any]
            let rows = (manifest["queries"] as! [[String: Any]]).map { $0["rows"] as! Int }
            var counts: [Int] = []
            for query in queries {
                let count = try cli.run(["search", query, "--count", "--db", "index.db"])
                counts.append(Int(count.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1)
            }
            #expect(rows == counts)
            #expect(rows.allSatisfy { $0 > 0 })
            if format == "jsonl" {
                let lines = try String(contentsOfFile: cli.folder.path + "/hits.jsonl", encoding: .utf8).split(separator: "\n")
                #expect(lines.count == counts.reduce(0, +))
            }
        }
    }

    /// The folder's entries, without the index's WAL and lock files.
    func files(_ cli: DossierCLI) -> [String] {
        cli.folder.entries().filter { !$0.hasPrefix("index.db-") && $0 != "index.db.lock" }
    }
}
