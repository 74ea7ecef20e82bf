import Foundation
import Testing

@testable import DossierKit

@Suite struct IndexerTests {
    let folder: TestFolder
    let db: String

    init() throws {
        folder = try TestFolder()
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
        try Searcher(path: db).search(try QueryParser().parse("fuel depot"), limit: nil) { hits.append($0); return true }
        #expect(hits.count == 1)
        #expect(hits[0].path.hasSuffix("news/a.txt"))
        #expect(hits[0].paths.map { $0.split(separator: "/").last! } == ["a.txt", "copy-of-a.txt"])
        // Removing the first path keeps the article under the other.
        try folder.remove("news/a.txt")
        _ = try index()
        var after: [Hit] = []
        try Searcher(path: db).search(try QueryParser().parse("fuel depot"), limit: nil) { after.append($0); return true }
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
