import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `dossier export` end to end: runs the built binary on fresh temporary folders.
@Suite(.serialized) struct ExportCLITests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    static let binary = packageRoot + "/.build/debug/dossier"
    static let sharedCorpus = packageRoot + "/../shared/corpus"

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// A fresh folder, removed at deinit.
    final class Folder {
        let path: String
        init() throws {
            path = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-cli-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        }
        deinit { try? FileManager.default.removeItem(atPath: path) }
        func write(_ name: String, _ text: String) throws {
            let full = path + "/" + name
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: full, atomically: true, encoding: .utf8)
        }
        /// The folder's entries, without the index's WAL files.
        var files: [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter { !$0.hasPrefix("index.db-") && $0 != "index.db.lock" }.sorted()
        }
    }

    func process(_ arguments: [String], in folder: Folder) -> Process {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Self.binary)
        p.arguments = arguments
        p.currentDirectoryURL = URL(fileURLWithPath: folder.path)
        p.environment = ["PATH": "/usr/bin:/bin"]
        return p
    }

    @discardableResult
    func run(_ arguments: [String], in folder: Folder) throws -> Result {
        let p = process(arguments, in: folder)
        let out = Pipe()
        let err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        // Read the pipes before waiting, so a full pipe cannot block the child.
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Result(status: p.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// A folder with a few articles, indexed into `index.db`.
    func indexedFolder() throws -> Folder {
        let folder = try Folder()
        try folder.write("articles/a.txt", "Ceasefire talks\n\nThe ceasefire held, said the monitors.\n\n=1+1 was written on the wall near the ceasefire line.\n")
        try folder.write("articles/b.txt", "Border report\n\nMonitors counted drones near the border.\n\n-3 degrees, and the monitors left.\n")
        let indexed = try run(["index", "articles", "--db", "index.db", "--quiet"], in: folder)
        #expect(indexed.status == 0, "\(indexed.stderr)")
        return folder
    }

    @Test func exportToFileWritesOutputAndManifestAtomically() throws {
        let folder = try indexedFolder()
        try folder.write("weekly.txt", "ceasefire\n# comment\nmonitors\n")
        let result = try run(["export", "--queries", "weekly.txt", "--format", "csv", "--output", "hits.csv", "--db", "index.db"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(folder.files == ["articles", "hits.csv", "hits.csv.manifest.json", "index.db", "weekly.txt"])
        let csv = try String(contentsOfFile: folder.path + "/hits.csv", encoding: .utf8)
        #expect(csv.hasPrefix("query_id,query,rank,score,path,"))
        #expect(csv.contains("'=1+1 was written"))
        #expect(csv.contains("'-3 degrees"))
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder.path + "/hits.csv.manifest.json"))) as! [String: Any]
        let output = manifest["output"] as! [String: Any]
        let bytes = try Data(contentsOf: URL(fileURLWithPath: folder.path + "/hits.csv"))
        #expect(output["bytes"] as? Int == bytes.count)
        #expect((output["sha256"] as? String)?.count == 64)
        let queries = manifest["queries"] as! [[String: Any]]
        #expect(queries.map { $0["id"] as! String } == ["1", "3"])
        for query in queries {
            let count = try run(["search", query["query"] as! String, "--count", "--db", "index.db"], in: folder)
            #expect(Int(count.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) == query["rows"] as? Int)
        }
    }

    @Test func exitStatusIsOneWithoutRowsAndTwoOnErrors() throws {
        let folder = try indexedFolder()
        #expect(try run(["export", "nothingmatchesthis", "--db", "index.db"], in: folder).status == 1)
        #expect(try run(["export", "ceasefire", "--db", "index.db"], in: folder).status == 0)
        try folder.write("bad.yaml", "- id: a\n  query: ceasefire\n- id: b\n  qurey: drones\n")
        let bad = try run(["export", "--queries", "bad.yaml", "--output", "out.jsonl", "--db", "index.db"], in: folder)
        #expect(bad.status == 2)
        #expect(bad.stderr == "dossier: error: bad.yaml:3: unknown key \"qurey\" (expected one of id, query, topic, category, since, until, source)\n")
        #expect(!folder.files.contains { $0.hasPrefix("out.jsonl") || $0.hasPrefix(".out.jsonl") })
        let unparsable = try run(["export", "ceasefire", "\"unclosed", "--db", "index.db", "--output", "out.csv"], in: folder)
        #expect(unparsable.status == 2)
        #expect(unparsable.stderr.hasPrefix("dossier: error: query 2 (line 2): malformed query"))
        #expect(!folder.files.contains { $0.contains("out.csv") })
    }

    @Test func stdoutExportHasNoManifestUnlessAsked() throws {
        let folder = try indexedFolder()
        let result = try run(["export", "ceasefire", "monitors", "--db", "index.db", "--manifest", "run.json"], in: folder)
        #expect(result.status == 0)
        #expect(result.stdout.split(separator: "\n").count == 6)
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder.path + "/run.json"))) as! [String: Any]
        #expect((manifest["output"] as! [String: Any])["path"] is NSNull)
        #expect(manifest["queries_file"] is NSNull)
    }

    @Test func formatFollowsTheOutputExtensionUnlessGiven() throws {
        let folder = try indexedFolder()
        #expect(try run(["export", "ceasefire", "--db", "index.db", "--output", "a.csv"], in: folder).status == 0)
        #expect(try String(contentsOfFile: folder.path + "/a.csv", encoding: .utf8).hasPrefix("query_id,query,rank,"))
        #expect(try run(["export", "ceasefire", "--db", "index.db", "--output", "b.tsv"], in: folder).status == 0)
        #expect(try String(contentsOfFile: folder.path + "/b.tsv", encoding: .utf8).hasPrefix("query_id\tquery\trank\t"))
        #expect(try run(["export", "ceasefire", "--db", "index.db", "--output", "c.txt", "-f", "opensearch"], in: folder).status == 0)
        #expect(try String(contentsOfFile: folder.path + "/c.txt", encoding: .utf8).hasPrefix("{\"index\":{"))
        #expect(try run(["export", "ceasefire", "--db", "index.db", "--output", "d.out"], in: folder).status == 0)
        #expect(try String(contentsOfFile: folder.path + "/d.out", encoding: .utf8).hasPrefix("{\"query_id\":\"1\""))
    }

    @Test func mappingIsPrintedWithoutAnIndex() throws {
        let folder = try Folder()
        let result = try run(["export", "--mapping"], in: folder)
        #expect(result.status == 0)
        let mapping = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        #expect(mapping["mappings"] != nil)
    }

    /// A folder big enough that exporting one word 60 times takes seconds.
    func bigFolder() throws -> Folder {
        let folder = try Folder()
        var generator = SystemRandomNumberGenerator()
        let words = ["alpha", "border", "convoy", "delta", "envoy", "frontier", "garrison", "harbour", "inquiry", "journal"]
        for file in 0..<100 {
            var text = "Report \(file)\n\n"
            for _ in 0..<10 {
                text += "common " + (0..<60).map { _ in words.randomElement(using: &generator)! }.joined(separator: " ") + ".\n\n"
            }
            try folder.write("articles/\(file).txt", text)
        }
        let indexed = try run(["index", "articles", "--db", "index.db", "--quiet"], in: folder)
        #expect(indexed.status == 0)
        return folder
    }

    func interrupt(with signal: Int32) throws -> (folder: Folder, status: Int32, pid: Int32, reason: Process.TerminationReason) {
        let folder = try bigFolder()
        let p = process(["export"] + Array(repeating: "common", count: 60) + ["--format", "csv", "--output", "hits.csv", "--db", "index.db"], in: folder)
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        let temporary = folder.path + "/.hits.csv.dossier-tmp-\(p.processIdentifier)"
        let deadline = Date().addingTimeInterval(30)
        while !FileManager.default.fileExists(atPath: temporary) && p.isRunning && Date() < deadline { usleep(5_000) }
        usleep(100_000)
        #expect(p.isRunning, "the export finished before it could be interrupted; make the fixture bigger")
        kill(p.processIdentifier, signal)
        p.waitUntilExit()
        return (folder, p.terminationStatus, p.processIdentifier, p.terminationReason)
    }

    @Test func exportInterruptedBySIGTERMLeavesNoFile() throws {
        let (folder, status, _, reason) = try interrupt(with: SIGTERM)
        #expect(reason == .uncaughtSignal && status == SIGTERM)
        #expect(folder.files == ["articles", "index.db"])
    }

    @Test func exportKilledWithSIGKILLLeavesNothingUnderTheFinalName() throws {
        let (folder, status, pid, reason) = try interrupt(with: SIGKILL)
        #expect(reason == .uncaughtSignal && status == SIGKILL)
        // Only the recognisable temporary file may remain.
        #expect(folder.files == [".hits.csv.dossier-tmp-\(pid)", "articles", "index.db"])
        #expect(!folder.files.contains { $0.hasPrefix("hits.csv") })
    }

    /// The "done when": five queries over the shared seed and ABC news folders.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: sharedCorpus + "/seed")))
    func fiveQueriesOverTheSharedCorpusMatchSearchCount() throws {
        let folder = try Folder()
        let indexed = try run(["index", Self.sharedCorpus + "/seed", Self.sharedCorpus + "/abc-news", "--db", "index.db", "--quiet"], in: folder)
        #expect(indexed.status == 0)
        let queries = ["cluster munitions", "Taliban", "\"al Qaeda\"", "bushfire*", "Arafat OR Sharon"]
        try folder.write("weekly.txt", "# five weekly queries\n" + queries.joined(separator: "\n") + "\n")
        for format in ["csv", "jsonl"] {
            let result = try run(["export", "--queries", "weekly.txt", "--format", format, "--output", "hits.\(format)", "--db", "index.db"], in: folder)
            #expect(result.status == 0, "\(result.stderr)")
            let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder.path + "/hits.\(format).manifest.json"))) as! [String: Any]
            let rows = (manifest["queries"] as! [[String: Any]]).map { $0["rows"] as! Int }
            var counts: [Int] = []
            for query in queries {
                let count = try run(["search", query, "--count", "--db", "index.db"], in: folder)
                counts.append(Int(count.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1)
            }
            #expect(rows == counts)
            #expect(rows.allSatisfy { $0 > 0 })
            if format == "jsonl" {
                let lines = try String(contentsOfFile: folder.path + "/hits.jsonl", encoding: .utf8).split(separator: "\n")
                #expect(lines.count == counts.reduce(0, +))
            }
        }
    }
}
