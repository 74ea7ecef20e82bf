import DossierIndex
import Foundation
import Testing

@Suite struct IndexFingerprintTests {
    @Test func reindexingUnchangedFilesKeepsTheFingerprint() throws {
        let a = try ExportFixture()
        let b = try ExportFixture()
        let fa = try IndexFingerprint.read(path: a.database)
        let fb = try IndexFingerprint.read(path: b.database)
        #expect(fa.articles == 3 && fa.passages > 3)
        // The folders differ, so the paths differ, so the fingerprints differ; the same folder re-indexed keeps it.
        #expect(fa.sha256 != fb.sha256)
        _ = try Indexer(databasePath: a.database).run(roots: [a.articles])
        #expect(try IndexFingerprint.read(path: a.database).sha256 == fa.sha256)
    }

    @Test func changedTextChangesTheFingerprint() throws {
        let fixture = try ExportFixture()
        let before = try IndexFingerprint.read(path: fixture.database)
        try "Market day\n\nSomething else entirely.\n".write(
            toFile: fixture.articles + "/south/market.txt", atomically: true, encoding: .utf8)
        _ = try Indexer(databasePath: fixture.database).run(roots: [fixture.articles])
        #expect(try IndexFingerprint.read(path: fixture.database).sha256 != before.sha256)
    }

    @Test func missingIndexIsReported() {
        #expect(throws: IndexError.missing(path: "/no/such.db")) { try IndexFingerprint.read(path: "/no/such.db") }
    }
}
