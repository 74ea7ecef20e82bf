import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Interrupted and concurrent runs on a generated folder big enough to take a few seconds.
@Suite(.serialized) struct CrashAndConcurrencyCLITests {
    static let fileCount = 2000

    /// Writes `count` distinct articles of invented sentences under `big/`.
    static func makeFolder(in cli: CLIHarness, count: Int = fileCount) throws {
        let words = ["convoy", "shelling", "depot", "patrol", "bridge", "checkpoint", "drone", "river", "village", "mortar",
                     "clinic", "ceasefire", "observers", "mission", "fragments", "crater", "witness", "statement"]
        for i in 0..<count {
            var text = "Report \(i) from sector \(i % 97)\n\n"
            for p in 0..<6 {
                var sentence: [String] = []
                for w in 0..<40 { sentence.append(words[(i * 7 + p * 13 + w * 5) % words.count]) }
                text += sentence.joined(separator: " ") + " number \(i)-\(p).\n\n"
            }
            let url = cli.directory.appendingPathComponent("big/\(i / 500)/\(i).txt")
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: false, encoding: .utf8)
        }
    }

    static func start(_ cli: CLIHarness, _ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = CLIHarness.binary
        process.arguments = arguments
        process.currentDirectoryURL = cli.directory
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    @Test func killNineAtSeveralPointsThenTheNextRunCompletes() throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        try Self.makeFolder(in: cli)
        for delay in [0.05, 0.4, 0.9] {
            let run = try Self.start(cli, ["index", "big", "--db", "k.db", "--quiet"])
            Thread.sleep(forTimeInterval: delay)
            kill(run.processIdentifier, SIGKILL)
            run.waitUntilExit()
            // Whatever was committed is consistent and searchable; before the first commit there is no index yet.
            let check = try cli.run(["check", "--db", "k.db"])
            let search = try cli.run(["search", "convoy", "--db", "k.db", "--count"])
            if check.stderr.contains("no index at") {
                #expect(search.status == 2 && search.stderr.contains("no index at"))
            } else {
                #expect(check.status == 0, "check after kill at \(delay) s: \(check.stderr)")
                #expect(search.status == 0 || search.status == 1, "search after kill at \(delay) s: \(search.stderr)")
            }
        }
        let final = try cli.run(["index", "big", "--db", "k.db", "--quiet"])
        #expect(final.status == 0, "\(final.stderr)")
        let stats = try JSONSerialization.jsonObject(with: Data(try cli.run(["stats", "--db", "k.db", "--format", "json"]).stdout.utf8)) as? [String: Any]
        #expect(stats?["files"] as? Int == Self.fileCount)
        #expect(stats?["articles"] as? Int == Self.fileCount)
        #expect(stats?["passages"] as? Int == Self.fileCount * 7)
        #expect(try cli.run(["check", "--db", "k.db"]).stdout == "ok\n")
        let again = try cli.run(["index", "big", "--db", "k.db"])
        #expect(again.stderr.contains("(0 new, 0 changed, \(Self.fileCount / 1000),\(String(format: "%03d", Self.fileCount % 1000)) unchanged, 0 moved, 0 removed, 0 duplicate)"))
    }

    @Test func searchAnswersWhileAnIndexRunIsWriting() throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        try Self.makeFolder(in: cli)
        try cli.run(["index", "articles", "--db", "w.db", "--quiet"])  // an index exists before the long run
        let run = try Self.start(cli, ["index", "big", "--db", "w.db", "--quiet"])
        var answered = 0
        while run.isRunning {
            let search = try cli.run(["search", "convoy OR drone", "--db", "w.db", "--count"])
            #expect(search.status == 0, "search during indexing: \(search.stderr)")
            if search.status == 0 { answered += 1 }
            let stats = try cli.run(["stats", "--db", "w.db"])
            #expect(stats.status == 0, "stats during indexing: \(stats.stderr)")
        }
        run.waitUntilExit()
        #expect(run.terminationStatus == 0)
        #expect(answered > 0)
    }

    @Test func aSecondIndexRunExitsTwoWithAClearMessage() throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        try Self.makeFolder(in: cli)
        let first = try Self.start(cli, ["index", "big", "--db", "c.db", "--quiet"])
        Thread.sleep(forTimeInterval: 0.2)
        let second = try cli.run(["index", "articles", "--db", "c.db"])
        first.waitUntilExit()
        #expect(first.terminationStatus == 0)
        #expect(second.status == 2)
        #expect(second.stderr == "dossier: error: c.db is being written by another `dossier index`; wait for it to finish\n")
        #expect(try cli.run(["check", "--db", "c.db"]).stdout == "ok\n")
    }
}
