import DossierTestSupport
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Interrupted and concurrent runs on a generated folder big enough to take a few seconds.
///
/// No test sleeps and hopes: each waits, with a deadline, for a state of the child it can observe
/// (the index lock held, rows committed), and records when the child finished before that state.
@Suite(.serialized) struct CrashAndConcurrencyCLITests {
    static let fileCount = 2000

    /// Writes `count` distinct articles of invented sentences under `big/`.
    static func makeFolder(in cli: DossierCLI, count: Int = fileCount) throws {
        let words = [
            "convoy", "shelling", "depot", "patrol", "bridge", "checkpoint", "drone", "river", "village", "mortar",
            "clinic", "ceasefire", "observers", "mission", "fragments", "crater", "witness", "statement",
        ]
        for i in 0..<count {
            var text = "Report \(i) from sector \(i % 97)\n\n"
            for p in 0..<6 {
                var sentence: [String] = []
                for w in 0..<40 { sentence.append(words[(i * 7 + p * 13 + w * 5) % words.count]) }
                text += sentence.joined(separator: " ") + " number \(i)-\(p).\n\n"
            }
            try cli.folder.write("big/\(i / 500)/\(i).txt", text)
        }
    }

    /// True once `run` holds the index lock of `db` (it takes it before it opens the index).
    static func holdsLock(_ run: RunningProcess, db: String, in cli: DossierCLI) -> Bool {
        Readiness.holdsFlock(pid: run.pid, path: cli.folder.sub(db + ".lock")) { cli.folder.exists(db) }
    }

    /// Files committed to `db` so far (a reader's view: `dossier stats`), 0 without an index.
    static func committedFiles(_ cli: DossierCLI, db: String) throws -> Int {
        let stats = try cli.run(["stats", "--db", db, "--format", "json"])
        guard stats.status == 0 else { return 0 }
        return (try JSONSerialization.jsonObject(with: stats.stdoutData) as? [String: Any])?["files"] as? Int ?? 0
    }

    enum KillPoint: CaseIterable, CustomStringConvertible {
        case lockTaken, firstCommit, halfCommitted
        var description: String { "\(self)" }
    }

    @Test func killNineAtSeveralPointsThenTheNextRunCompletes() throws {
        let cli = try DossierCLI()
        try Self.makeFolder(in: cli)
        var killed: [KillPoint] = []
        for point in KillPoint.allCases {
            let before = try Self.committedFiles(cli, db: "k.db")
            let run = try cli.start(["index", "big", "--db", "k.db", "--quiet"])
            let reached = try waitUntil(timeout: 120) {
                if !run.isRunning { return true }
                switch point {
                case .lockTaken: return Self.holdsLock(run, db: "k.db", in: cli)
                case .firstCommit: return try Self.committedFiles(cli, db: "k.db") > before
                case .halfCommitted: return try Self.committedFiles(cli, db: "k.db") >= before + (Self.fileCount - before) / 2
                }
            }
            #expect(reached, "\(point) not reached within the deadline")
            if run.isRunning {
                run.send(SIGKILL)
                killed.append(point)
            }
            _ = try run.wait()
            // Whatever was committed is consistent and searchable; before the first commit there is no index yet.
            let check = try cli.run(["check", "--db", "k.db"])
            let search = try cli.run(["search", "convoy", "--db", "k.db", "--count"])
            if check.stderr.contains("no index at") {
                #expect(search.status == 2 && search.stderr.contains("no index at"))
            } else {
                #expect(check.status == 0, "check after kill at \(point): \(check.stderr)")
                #expect(search.status == 0 || search.status == 1, "search after kill at \(point): \(search.stderr)")
            }
        }
        // A run that ends before a point is not an error (index runs commit every ~32 MB or 5 s, so on
        // a fast machine the commits may only come at the end), but the lock is taken at once.
        #expect(killed.contains(.lockTaken), "only killed at \(killed); make the folder bigger")
        let final = try cli.run(["index", "big", "--db", "k.db", "--quiet"])
        #expect(final.status == 0, "\(final.stderr)")
        let stats =
            try JSONSerialization.jsonObject(with: try cli.run(["stats", "--db", "k.db", "--format", "json"]).stdoutData) as? [String: Any]
        #expect(stats?["files"] as? Int == Self.fileCount)
        #expect(stats?["articles"] as? Int == Self.fileCount)
        #expect(stats?["passages"] as? Int == Self.fileCount * 7)
        #expect(try cli.run(["check", "--db", "k.db"]).stdout == "ok\n")
        let again = try cli.run(["index", "big", "--db", "k.db"])
        #expect(
            again.stderr.contains(
                "(0 new, 0 changed, \(Self.fileCount / 1000),\(String(format: "%03d", Self.fileCount % 1000)) unchanged, 0 moved, 0 removed, 0 duplicate, 0 wire copies)"
            ))
    }

    @Test func searchAnswersWhileAnIndexRunIsWriting() throws {
        let cli = try DossierCLI()
        try Self.makeFolder(in: cli)
        try cli.run(["index", "articles", "--db", "w.db", "--quiet"])  // an index exists before the long run
        let run = try cli.start(["index", "big", "--db", "w.db", "--quiet"])
        var answered = 0
        // No pacing: searches run back to back for as long as the writer does.
        while run.isRunning {
            let search = try cli.run(["search", "convoy OR drone", "--db", "w.db", "--count"])
            #expect(search.status == 0, "search during indexing: \(search.stderr)")
            if search.status == 0 { answered += 1 }
            let stats = try cli.run(["stats", "--db", "w.db"])
            #expect(stats.status == 0, "stats during indexing: \(stats.stderr)")
        }
        let result = try run.wait()
        #expect(result.status == 0 && !result.signalled, "\(result.stderr)")
        #expect(answered > 0)
    }

    @Test func aSecondIndexRunExitsTwoWithAClearMessage() throws {
        let cli = try DossierCLI()
        try Self.makeFolder(in: cli)
        let first = try cli.start(["index", "big", "--db", "c.db", "--quiet"])
        // The signal: the first run holds the lock (not a guessed delay).
        let locked = waitUntil(timeout: 60) { Self.holdsLock(first, db: "c.db", in: cli) || !first.isRunning }
        #expect(locked && first.isRunning, "the first run did not take the lock while running")
        let second = try cli.run(["index", "articles", "--db", "c.db"])
        let firstResult = try first.wait()
        #expect(firstResult.status == 0, "\(firstResult.stderr)")
        #expect(second.status == 2)
        #expect(second.stderr == "dossier: error: c.db is being written by another `dossier index`; wait for it to finish\n")
        #expect(try cli.run(["check", "--db", "c.db"]).stdout == "ok\n")
    }
}
