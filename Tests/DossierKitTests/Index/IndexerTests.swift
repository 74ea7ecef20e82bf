import DossierSQLite
import DossierTestSupport
import Foundation
import Testing

@testable import DossierIndex
@testable import DossierIngest
@testable import DossierModel
@testable import DossierSearch

@Suite struct IndexerTests {
    let folder: TempFolder
    let db: String

    init() throws {
        folder = try TempFolder()
        db = folder.sub("index.db")
        try folder.write("news/a.txt", "Drone strike on depot\n\nA drone hit the fuel depot on Monday.\n")
        try folder.write("news/b.txt", "Shelling near port\n\nArtillery shells landed near the port.\n")
        try folder.write("notes/c.md", "# Mine clearance\n\nTeams cleared mines from the fields.\n")
    }

    func index(keepMissing: Bool = false) throws -> IngestReport {
        var options = Indexer.Options()
        options.keepMissing = keepMissing
        return try Indexer(databasePath: db, options: options).run(roots: [folder.sub("news"), folder.sub("notes")])
    }

    func count(_ text: String) throws -> Int {
        try Searcher(path: db).count(try QueryParser().parse(text))
    }

    @Test func firstRunIndexesEveryFile() throws {
        let report = try index()
        #expect(report.new == 3)
        #expect(report.articlesWritten == 3)
        #expect(report.passagesWritten == 6)
        let stats = try IndexStats.read(path: db)
        #expect(stats.files == 3 && stats.articles == 3 && stats.passages == 6)
        #expect(try count("drone") == 2)
    }

    @Test func unchangedFilesAreNotReadAgain() throws {
        _ = try index()
        let again = try index()
        #expect(again.unchanged == 3)
        #expect(again.new + again.changed + again.removed == 0)
        #expect(again.bytesRead == 0)
    }

    @Test func changedFileReplacesItsPassagesWithoutGhosts() throws {
        _ = try index()
        try folder.write("news/a.txt", "Convoy attacked\n\nA convoy was attacked on Tuesday.\n")
        let report = try index()
        #expect(report.changed == 1 && report.unchanged == 2)
        #expect(try count("drone") == 0)
        #expect(try count("convoy") == 2)
        #expect(try IndexStats.read(path: db).passages == 6)
    }

    @Test func deletedFileIsRemovedUnlessKeepMissing() throws {
        _ = try index()
        try folder.remove("news/b.txt")
        let kept = try index(keepMissing: true)
        #expect(kept.removed == 0)
        #expect(try count("artillery") == 1)
        let report = try index()
        #expect(report.removed == 1)
        #expect(try count("artillery") == 0)
        #expect(try IndexStats.read(path: db).files == 2)
    }

    @Test func identicalContentIsOneArticleWithAllItsPaths() throws {
        try folder.write("news/copy-of-a.txt", "Drone strike on depot\n\nA drone hit the fuel depot on Monday.\n")
        let report = try index()
        #expect(report.new == 4 && report.duplicates == 1)
        let stats = try IndexStats.read(path: db)
        #expect(stats.files == 4 && stats.articles == 3)
        var hits: [Hit] = []
        try Searcher(path: db).search(try QueryParser().parse("fuel depot"), limit: nil) {
            hits.append($0)
            return true
        }
        #expect(hits.count == 1)
        #expect(hits[0].path.hasSuffix("news/a.txt"))
        #expect(hits[0].paths.map { $0.split(separator: "/").last! } == ["a.txt", "copy-of-a.txt"])
        // Removing the first path keeps the article under the other.
        try folder.remove("news/a.txt")
        _ = try index()
        var after: [Hit] = []
        try Searcher(path: db).search(try QueryParser().parse("fuel depot"), limit: nil) {
            after.append($0)
            return true
        }
        #expect(after.count == 1 && after[0].path.hasSuffix("copy-of-a.txt"))
    }

    @Test func unreadableRootFailsBeforeTouchingTheIndex() throws {
        #expect(throws: IngestError.self) { try Indexer(databasePath: db).run(roots: [folder.sub("missing")]) }
        #expect(!FileManager.default.fileExists(atPath: db))
    }

    @Test func aFileThatIsNotAnIndexIsRefused() throws {
        let other = try folder.write("other.db", "not a database at all, just text that is long enough to be read")
        #expect(throws: IndexError.self) { try Indexer(databasePath: other).run(roots: [folder.sub("news")]) }
        #expect(throws: IndexError.self) { try Searcher(path: other) }
    }
}

@Suite struct IncrementalIndexTests {
    let folder: TempFolder
    let db: String

    init() throws {
        folder = try TempFolder()
        db = folder.sub("index.db")
        for i in 1...5 {
            try folder.write("in/\(i).txt", "Story \(i)\n\nPatrol \(i) reported shelling near checkpoint \(i).\n")
        }
    }

    func index() throws -> IngestReport { try Indexer(databasePath: db).run(roots: [folder.sub("in")]) }

    func touch(_ relative: String, seconds: Double) throws {
        var times = [timespec(tv_sec: Int(seconds), tv_nsec: 0), timespec(tv_sec: Int(seconds), tv_nsec: 0)]
        #expect(utimensat(AT_FDCWD, folder.sub(relative), &times, 0) == 0)
    }

    @Test func touchedButIdenticalFileIsUnchangedAndNotRetokenized() throws {
        _ = try index()
        try touch("in/1.txt", seconds: 2_000_000_000)
        let report = try index()
        #expect(report.unchanged == 5 && report.changed == 0)
        #expect(report.bytesRead > 0)  // it was read and hashed ...
        #expect(report.articlesWritten == 0 && report.passagesWritten == 0)  // ... but nothing was re-tokenized
    }

    @Test func renamedFileIsMovedNotRetokenized() throws {
        _ = try index()
        try FileManager.default.moveItem(atPath: folder.sub("in/2.txt"), toPath: folder.sub("in/renamed.txt"))
        let report = try index()
        #expect(report.moved == 1 && report.new == 0 && report.removed == 0 && report.unchanged == 4)
        #expect(report.articlesWritten == 0)
        var paths: [String] = []
        try Searcher(path: db).search(try QueryParser().parse("checkpoint 2"), limit: nil) {
            paths.append($0.path)
            return true
        }
        #expect(paths.count == 1 && paths.allSatisfy { $0.hasSuffix("renamed.txt") })
    }

    @Test func addChangeDeleteAndDuplicateInOneRun() throws {
        _ = try index()
        try folder.write("in/6.txt", "Story 6\n\nA new report arrived.\n")  // new
        try folder.write("in/1.txt", "Story 1\n\nPatrol 1 changed its account entirely.\n")  // changed
        try folder.remove("in/3.txt")  // removed
        try folder.write("in/copy.txt", "Story 4\n\nPatrol 4 reported shelling near checkpoint 4.\n")  // duplicate of 4
        let report = try index()
        #expect(report.new == 2 && report.changed == 1 && report.removed == 1 && report.unchanged == 3)
        #expect(report.duplicates == 1)
        let stats = try IndexStats.read(path: db)
        #expect(stats.files == 6 && stats.articles == 5)
        #expect(try IndexMaintenance.check(path: db).isEmpty)
    }

    @Test func aSecondRunAtTheSameTimeIsRefusedClearly() throws {
        let held = try IndexLock(databasePath: db)
        defer { held.release() }
        let error = #expect(throws: IndexError.self) { try index() }
        #expect(error == .busy(path: db))
        #expect(error?.description.contains("wait for it to finish") == true)
    }

    @Test func checkFindsGhostPassages() throws {
        _ = try index()
        #expect(try IndexMaintenance.check(path: db).isEmpty)
        let raw = try DossierSQLite.Connection(path: db)
        try raw.execute("DELETE FROM passages WHERE id = (SELECT min(id) FROM passages)")
        let problems = try IndexMaintenance.check(path: db)
        #expect(problems.contains { $0.contains("passage_fts") })
    }

    @Test func optimizeKeepsEverySearchable() throws {
        _ = try index()
        _ = try IndexMaintenance.optimize(path: db)
        #expect(try Searcher(path: db).count(try QueryParser().parse("patrol")) == 5)
        #expect(try IndexMaintenance.check(path: db).isEmpty)
    }
}

/// An index made before topic weights (schema 2) asks for an index run, which brings it up to date.
@Suite struct SchemaUpgradeTests {
    @Test func aVersion2IndexIsRetaggedWithWeightsOnTheNextRun() throws {
        let folder = try TempFolder()
        let db = folder.sub("index.db")
        // The last passage splits differently in FTS5 (a Thai vowel sign separates words) and in
        // TopicTokenizer (it continues one): a re-tag must tag it as a fresh index does.
        try folder.write(
            "news/a.txt", "NATO and the UN\n\nNATO met in Brussels. The UN spoke in Kyiv.\n\nNA\u{0E35}TO officials met.\n")
        _ = try Indexer(databasePath: db).run(roots: [folder.sub("news")])
        let before = try TopicStatistics(path: db).topics().filter { $0.passages > 0 }.map(\.id)
        func tagRows() throws -> [String] {
            let c = try Connection(path: db, mode: .readOnly)
            let s = try c.prepare("SELECT passage_id, topic_id, mentions, names FROM passage_topics ORDER BY passage_id, topic_id")
            var rows: [String] = []
            while try s.step() { rows.append("\(s.int64(0)) \(s.string(1)) \(s.int(2)) \(s.int(3))") }
            return rows
        }
        let rowsBefore = try tagRows()
        do {  // what a version 2 index looked like: tags without weights
            let c = try Connection(path: db)
            try c.execute(
                """
                DROP TABLE passage_topics;
                CREATE TABLE passage_topics(passage_id INTEGER NOT NULL, topic_id TEXT NOT NULL, mentions INTEGER NOT NULL,
                    names INTEGER NOT NULL, PRIMARY KEY(topic_id, passage_id)) WITHOUT ROWID;
                PRAGMA user_version = 2;
                """)
        }
        #expect {
            try Searcher(path: db)
        } throws: { error in
            "\(error)".contains("made by an older Dossier (schema 2, expected \(IndexSchema.version)); index its folder again")
        }
        let report = try Indexer(databasePath: db).run(roots: [folder.sub("news")])
        #expect(report.unchanged == 1)
        #expect(try IndexMaintenance.check(path: db).isEmpty)
        #expect(try TopicStatistics(path: db).topics().filter { $0.passages > 0 }.map(\.id) == before)
        #expect(try tagRows() == rowsBefore)
        let searcher = try Searcher(path: db)
        var hits: [Hit] = []
        try searcher.search(SearchRequest(query: try QueryParser().parse("NATO"), limit: 5)) {
            hits.append($0)
            return true
        }
        #expect(!hits.isEmpty && hits.allSatisfy { $0.topics.contains("nato") })
    }
}

/// Passages tokenized for FTS5 on the loading threads (``FTS5TokenReplay``) make exactly the index
/// that FTS5 tokenizing them itself makes.
@Suite struct TokenReplayIndexTests {
    static func blocks(_ path: String) throws -> [String] {
        let db = try Connection(path: path, mode: .readOnly)
        let s = try db.prepare("SELECT id, hex(block) FROM passage_fts_data ORDER BY id")
        var out: [String] = []
        while try s.step() { out.append("\(s.int64(0)) \(s.string(1))") }
        return out
    }

    @Test func theBundledCorpusIndexesTheSameEitherWay() throws {
        let folder = try TempFolder()
        let corpus = Paths.packageRoot.appendingPathComponent("Corpus").path
        var options = Indexer.Options()
        _ = try Indexer(databasePath: folder.sub("replayed.db"), options: options).run(roots: [corpus])
        options.tokenizeWhileLoading = false
        _ = try Indexer(databasePath: folder.sub("plain.db"), options: options).run(roots: [corpus])
        let replayed = try Self.blocks(folder.sub("replayed.db"))
        #expect(replayed.count > 1)
        #expect(replayed == (try Self.blocks(folder.sub("plain.db"))))
        #expect(try IndexMaintenance.check(path: folder.sub("replayed.db")).isEmpty)
    }
}

/// An index made before runs were recorded (schema 3) gains the runs table on the next run; its
/// articles belong to no run, so that run brings nothing "new".
@Suite struct RunRecordUpgradeTests {
    @Test func aVersion3IndexRecordsRunsAfterItsNextRun() throws {
        let folder = try TempFolder()
        let db = folder.sub("index.db")
        try folder.write("news/a.txt", "Old news\n\nShelling near the port.\n")
        _ = try Indexer(databasePath: db).run(roots: [folder.sub("news")])
        do {  // what a version 3 index looked like: no runs, no run_id
            let c = try Connection(path: db)
            try c.execute(
                "DROP INDEX articles_run; DROP TABLE runs; ALTER TABLE articles DROP COLUMN run_id; PRAGMA user_version = 3;")
        }
        #expect(throws: IndexError.self) { try Searcher(path: db) }
        _ = try Indexer(databasePath: db).run(roots: [folder.sub("news")])
        let searcher = try Searcher(path: db)
        #expect(try searcher.newRuns() == 1...1)
        var request = SearchRequest(query: try QueryParser().parse("shelling"), limit: nil)
        request.filters.runs = try searcher.newRuns()
        #expect(try searcher.count(request) == 0)
        try folder.write("news/b.txt", "New news\n\nShelling again.\n")
        _ = try Indexer(databasePath: db).run(roots: [folder.sub("news")])
        request.filters.runs = try searcher.newRuns()
        #expect(request.filters.runs == 2...2)
        #expect(try searcher.count(request) == 1)
    }

    /// A run that was interrupted (its row never finished) counts with the run that completes it.
    @Test func anInterruptedRunCountsWithTheRunThatCompletesIt() throws {
        let folder = try TempFolder()
        let db = folder.sub("index.db")
        try folder.write("news/a.txt", "Old news\n\nShelling near the port.\n")
        _ = try Indexer(databasePath: db).run(roots: [folder.sub("news")])
        do {  // what a killed run leaves: its row, and the articles it committed, but no end
            let writer = try IndexWriter(path: db)
            try writer.beginRun(at: "2026-12-04T00:00:00Z")
        }
        try folder.write("news/b.txt", "New news\n\nShelling again.\n")
        _ = try Indexer(databasePath: db).run(roots: [folder.sub("news")])
        let searcher = try Searcher(path: db)
        #expect(try searcher.newRuns() == 2...3)
        #expect(try searcher.runs(run: 1) == 1...3)
        #expect(try searcher.runs(indexedSinceDate: "2999") == nil)
        let runs = try IndexStats.read(path: db).runs
        #expect(runs.map(\.id) == [3, 2, 1])
        #expect(runs[1].finished == nil && runs[0].finished != nil && runs[0].new == 1)
    }
}

/// An index made before pages were stored (schema 5) gains `passages.page` on its next run; until
/// then searches ask for `dossier index`, and afterwards its old passages have no page.
@Suite struct PageColumnUpgradeTests {
    @Test func aVersion5IndexGainsPagesOnItsNextRun() throws {
        let folder = try TempFolder()
        let db = folder.sub("index.db")
        try folder.write("news/a.txt", "Old news\n\nShelling near the port.\n")
        _ = try Indexer(databasePath: db).run(roots: [folder.sub("news")])
        do {  // what a version 5 index looked like: no passages.page
            let c = try Connection(path: db)
            try c.execute("ALTER TABLE passages DROP COLUMN page; PRAGMA user_version = 5;")
        }
        #expect(throws: IndexError.self) { try Searcher(path: db) }
        try folder.write("news/report.pdf", PDFFixtures.report(pages: 3))
        _ = try Indexer(databasePath: db).run(roots: [folder.sub("news")])
        let searcher = try Searcher(path: db)
        func pages(_ query: String) throws -> [Int?] {
            var found: [Int?] = []
            _ = try searcher.search(SearchRequest(query: try QueryParser().parse(query), limit: nil)) { hit in
                found.append(hit.page)
                return true
            }
            return found
        }
        #expect(try pages("port") == [nil])
        #expect(Set(try pages("convoy").compactMap { $0 }) == [1, 2, 3])
    }
}
