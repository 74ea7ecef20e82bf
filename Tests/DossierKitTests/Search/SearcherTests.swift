import Foundation
import Testing

@testable import DossierIndex
@testable import DossierModel
@testable import DossierSearch

@Suite struct SearcherTests {
    let folder: TempFolder
    let db: String

    init() throws {
        folder = try TempFolder()
        db = folder.sub("index.db")
    }

    func hits(_ query: String, filters: SearchFilters = SearchFilters(), limit: Int? = nil, offset: Int = 0) throws -> [Hit] {
        var out: [Hit] = []
        let request = SearchRequest(query: try QueryParser().parse(query), filters: filters, limit: limit, offset: offset)
        try Searcher(path: db).search(request) {
            out.append($0)
            return true
        }
        return out
    }

    func name(_ hit: Hit) -> String { String(hit.path.split(separator: "/").last!) + ":\(hit.passage)" }

    @Test func morePresenceRanksHigher() throws {
        try folder.write("in/a.txt", "Weather\n\nRain fell. The drone was seen once in a long report about many other things entirely.\n")
        try folder.write("in/b.txt", "Report\n\nDrone after drone: the drone attack used a drone swarm.\n")
        _ = try Indexer(databasePath: db).run(roots: [folder.sub("in")])
        #expect(try hits("drone").map(name) == ["b.txt:2", "a.txt:2"])
    }

    @Test func tiesAreBrokenByPathThenPassage() throws {
        for name in ["c.txt", "a.txt", "b.txt"] {
            try folder.write("in/\(name)", "Note \(name)\n\nThe patrol returned at dawn.\n\nThe patrol returned at dusk.\n")
        }
        _ = try Indexer(databasePath: db).run(roots: [folder.sub("in")])
        #expect(try hits("patrol").map(name) == ["a.txt:2", "a.txt:3", "b.txt:2", "b.txt:3", "c.txt:2", "c.txt:3"])
    }

    @Test func aMatchingTitleBreaksTiesButNeverMakesAHit() throws {
        // Same passage strength; only b's title names the query. Path order alone would put a first.
        try folder.write("in/a.txt", "Weather update\n\nA drone crashed into the river near the bridge.\n")
        try folder.write("in/b.txt", "Drone crash report\n\nA drone crashed into the field near the school.\n\nNothing else happened.\n")
        _ = try Indexer(databasePath: db).run(roots: [folder.sub("in")])
        let ranked = try hits("drone").map(name)
        #expect(ranked.firstIndex(of: "b.txt:2")! < ranked.firstIndex(of: "a.txt:2")!)
        #expect(!ranked.contains("b.txt:3"))  // its title matches, its text does not: not a hit
    }

    @Test func limitOffsetAndCountAgree() throws {
        for i in 0..<7 { try folder.write("in/\(i).txt", "Item \(i)\n\nConvoy number \(i) passed.\n") }
        _ = try Indexer(databasePath: db).run(roots: [folder.sub("in")])
        let all = try hits("convoy")
        #expect(all.count == 7)
        #expect(try Searcher(path: db).count(try QueryParser().parse("convoy")) == 7)
        #expect(try hits("convoy", limit: 3, offset: 2).map(name) == all[2..<5].map(name))
        #expect(try hits("convoy", limit: 3, offset: 2).map(\.rank) == [3, 4, 5])
    }

    @Test func snippetsMarkWholePhrasesAndTextIsTheWholePassage() throws {
        try folder.write("in/a.txt", "Title\n\nThe cluster munitions ban took effect. Cluster munitions remain in stockpiles.\n")
        _ = try Indexer(databasePath: db).run(roots: [folder.sub("in")])
        let hit = try #require(try hits("\"cluster munitions\"").first)
        #expect(hit.snippet(open: "[", close: "]") == "The [cluster munitions] ban took effect. [Cluster munitions] remain in stockpiles.")
        #expect(hit.text == "The cluster munitions ban took effect. Cluster munitions remain in stockpiles.")
        #expect(hit.start == 7 && hit.end == 7 + hit.text.unicodeScalars.count)
    }

    @Test func filtersBySourcePathAndDate() throws {
        try folder.write("in/wire/a.txt", "A\n\nDrone seen.\n")
        try folder.write("in/blogs/b.txt", "B\n\nDrone seen too.\n")
        try folder.write("in/blogs/c.md", "---\ndate: 2023-07-06\n---\n# C\n\nDrone seen again.\n")
        _ = try Indexer(databasePath: db).run(roots: [folder.sub("in")])
        #expect(try hits("drone", filters: SearchFilters(sources: ["WIRE"])).map(name) == ["a.txt:2"])
        #expect(try hits("drone", filters: SearchFilters(pathGlob: "*/blogs/*.txt")).map(name) == ["b.txt:2"])
        #expect(try hits("drone", filters: SearchFilters(since: "2023-07")).map(name) == ["c.md:2"])
        #expect(try hits("drone", filters: SearchFilters(until: "2023-07")).map(name) == ["c.md:2"])
        #expect(try hits("drone", filters: SearchFilters(until: "2023-06")).isEmpty)
    }

    @Test func searchingAMissingIndexSaysWhatToDo() {
        let error = #expect(throws: IndexError.self) { try Searcher(path: folder.sub("none.db")) }
        #expect(error?.description.contains("dossier index") == true)
    }
}
