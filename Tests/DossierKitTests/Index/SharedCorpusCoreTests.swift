import Foundation
import Testing

@testable import DossierIndex
@testable import DossierModel
@testable import DossierSearch

/// The core issue's acceptance check over ../shared/corpus; skipped in a clone without it.
@Suite(.enabled(if: Paths.sharedCorpus != nil, "../shared/corpus is absent"))
struct SharedCorpusCoreTests {
    @Test func seedAndWireStoriesIndexAndRankTheSeedFirst() throws {
        let corpus = try #require(Paths.sharedCorpus)
        let folder = try TempFolder()
        let db = folder.sub("shared.db")
        let report = try Indexer(databasePath: db).run(roots: [
            corpus.appendingPathComponent("seed").path, corpus.appendingPathComponent("abc-news").path,
        ])
        #expect(report.skipped.isEmpty)
        let stats = try IndexStats.read(path: db)
        #expect(stats.files == 351)
        #expect(stats.articles == 344)  // seven pairs of identical wire stories

        var hits: [Hit] = []
        try Searcher(path: db).search(try QueryParser().parse("cluster munitions"), limit: 5) {
            hits.append($0)
            return true
        }
        let first = try #require(hits.first)
        #expect(first.path.hasSuffix("seed/us-cluster-munitions-kiev.txt"))
        #expect(first.text.lowercased().contains("cluster munitions"))
        #expect(first.title == "US going to send cluster munitions to Kiev in new military package")
    }
}
