import DossierSQLite
import Foundation
import Testing

@testable import DossierExport
@testable import DossierIndex
@testable import DossierModel
@testable import DossierSearch

/// An export ranked on two connections (each half of the row ids, merged) gives exactly the rows
/// of one connection: same order, ranks, scores and snippets, ties broken by path and passage.
@Suite struct ParallelExportTests {
    /// A folder of generated articles with many equal scores: paragraphs that differ in one word
    /// of the same length, so bm25 ties and the order falls to path and passage.
    final class Folder {
        let temporary: TempFolder
        var root: String { temporary.path }
        let database: String

        init(articles: Int = 40) throws {
            temporary = try TempFolder(prefix: "dossier-parallel")
            database = temporary.sub("index.db")
            let folder = root + "/articles"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let towns = ["Avel", "Brin", "Cosk", "Dune", "Eram", "Fisk", "Gorl"]
            for n in 0..<articles {
                var text = "Report \(n) from the border\n\n"
                for p in 0..<6 {
                    let town = towns[(n + p) % towns.count]
                    switch (n + p) % 4 {
                    case 0: text += "The border near \(town) was quiet, the monitors said.\n\n"
                    case 1: text += "Drones crossed the border at \(town) twice; a ceasefire was asked for.\n\n"
                    case 2: text += "At \(town) the talks on the ceasefire went on. The border stayed shut.\n\n"
                    default: text += "Traders in \(town) sold bread and tea, and nobody spoke of it \(n).\n\n"
                    }
                }
                try text.write(toFile: folder + String(format: "/%03d-report.txt", (n * 17) % articles), atomically: true, encoding: .utf8)
            }
            _ = try Indexer(databasePath: database).run(roots: [folder])
        }
    }

    static let queries = ["border", "the", "ceasefire OR drones", "\"the border\"", "NEAR(border ceasefire, 6)", "bread NOT tea", "town*"]

    func hits(_ searcher: Searcher, _ text: String, snippets: Bool = true) throws -> [(Hit, Int64, String)] {
        var out: [(Hit, Int64, String)] = []
        // These articles are wire copies of each other: every copy's rows, to have ties.
        var request = SearchRequest(query: try QueryParser().parse(text), limit: nil)
        request.allCopies = true
        try searcher.exportHits(request, snippets: snippets) {
            out.append(($0.hit, $0.passageID, $0.articleHash))
            return true
        }
        return out
    }

    @Test func twoConnectionsGiveTheRowsOfOne() throws {
        let folder = try Folder()
        let one = try Searcher(path: folder.database, memoryMapped: false)
        one.parallelExport = false
        let two = try Searcher(path: folder.database, memoryMapped: false)
        two.parallelExportMinimum = 0
        var ties = 0
        for query in Self.queries {
            for snippets in [true, false] {
                let expected = try hits(one, query, snippets: snippets)
                #expect(one.lastExportReaders == 1)
                let got = try hits(two, query, snippets: snippets)
                #expect(two.lastExportReaders == 2, "\(query)")
                #expect(got.map(\.0) == expected.map(\.0), "\(query)")
                #expect(got.map(\.1) == expected.map(\.1) && got.map(\.2) == expected.map(\.2), "\(query)")
                #expect(expected.enumerated().allSatisfy { $0.element.0.rank == $0.offset + 1 })
                ties += zip(expected, expected.dropFirst()).filter { $0.0.score == $1.0.score }.count
            }
        }
        #expect(ties > 50)
    }

    @Test func aSmallIndexStaysOnOneConnection() throws {
        let folder = try Folder(articles: 3)
        let searcher = try Searcher(path: folder.database, memoryMapped: false)
        _ = try hits(searcher, "border")
        #expect(searcher.lastExportReaders == 1)
    }

    /// The two connections see one snapshot although a writer commits all the while.
    @Test func theSecondConnectionSeesTheFirstsSnapshot() throws {
        let root = try TempFolder(prefix: "dossier-snapshot")
        defer { withExtendedLifetime(root) {} }
        let path = root.sub("index.db")
        do {
            let setup = try Connection(path: path)
            try setup.execute("PRAGMA journal_mode = WAL; PRAGMA user_version = \(IndexSchema.version)")
            try setup.execute(
                "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT); CREATE TABLE passages(id INTEGER PRIMARY KEY, text TEXT)")
            try setup.execute("INSERT INTO passages(text) VALUES ('a')")
        }
        let stop = Flag()
        let commits = Counter()
        let writer = Thread {
            guard let db = try? Connection(path: path) else { return }
            db.setBusyTimeout(milliseconds: 5000)
            // Commits with short gaps between them, as an index run's batches come; the sleep only
            // paces the loop (any pacing will do), the reader below waits on `commits`, not on time.
            while !stop.value {
                if (try? db.execute("INSERT INTO passages(text) VALUES ('b')")) != nil { commits.increment() }
                Thread.sleep(forTimeInterval: 0.0005)
            }
        }
        writer.start()
        defer { stop.value = true }
        let reader = try IndexSchema.openForReading(path: path)
        var compared = 0
        for _ in 0..<40 {
            guard let snapshot = try SharedSnapshot(path: path, minimumPassages: 0) else { continue }
            try reader.readTransaction {
                let partner = try snapshot.join(reader) { _ in }
                defer { snapshot.end() }
                // Commits land meanwhile (waited for: two more than when the snapshot was joined); neither snapshot moves.
                let joined = commits.value
                #expect(waitUntil(timeout: 30) { commits.value >= joined + 2 }, "the writer stopped committing")
                let a = try reader.scalar("SELECT count(*) FROM passages", as: Int.self)
                let b = try partner.scalar("SELECT count(*) FROM passages", as: Int.self)
                #expect(a == b)
                compared += 1
            }
        }
        #expect(compared > 10)
        let last = try reader.scalar("SELECT count(*) FROM passages", as: Int.self) ?? 0
        #expect(last > 40)  // the writer was committing
    }

    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var raw = 0
        var value: Int { lock.withLock { raw } }
        func increment() { lock.withLock { raw += 1 } }
    }

    final class Flag: @unchecked Sendable {
        private let lock = NSLock()
        private var raw = false
        var value: Bool {
            get { lock.withLock { raw } }
            set { lock.withLock { raw = newValue } }
        }
    }
}
