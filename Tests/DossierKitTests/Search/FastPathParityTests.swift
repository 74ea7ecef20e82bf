import Foundation
import Testing

@testable import DossierIndex
@testable import DossierSearch

/// The top-k fast paths (FTS5 rank with an exact cut for text, the threshold algorithm over
/// weight-ordered tags for topics) give exactly the compiled plan's hits, scores and order, on the
/// bundled corpus with the built-in lexicon.
@Suite(.serialized) struct FastPathParityTests {
    static let folder: TempFolder = {
        let folder = try! TempFolder()
        var options = Indexer.Options()
        options.jobs = 1
        _ = try! Indexer(databasePath: folder.sub("index.db"), options: options)
            .run(roots: [Paths.packageRoot.appendingPathComponent("Corpus").path])
        return folder
    }()

    struct Row: Equatable, CustomStringConvertible {
        var path: String, passage: Int, score: Double
        var description: String { "\(path):\(passage) \(score)" }
    }

    static func rows(_ searcher: Searcher, _ request: SearchRequest, fast: Bool) throws -> [Row] {
        searcher.fastPaths = fast
        defer { searcher.fastPaths = true }
        var out: [Row] = []
        try searcher.search(request) {
            out.append(Row(path: $0.path, passage: $0.passage, score: $0.score))
            return true
        }
        return out
    }

    static func expectParity(
        _ searcher: Searcher, _ query: String?, topics: [String] = [], limits: [Int] = [1, 3, 10, 25], offsets: [Int] = [0, 2, 7]
    ) throws {
        let parsed = try query.map { try QueryParser().parse($0) }
        for limit in limits {
            for offset in offsets {
                let request = SearchRequest(query: parsed, limit: limit, offset: offset, topics: topics)
                let fast = try rows(searcher, request, fast: true)
                let compiled = try rows(searcher, request, fast: false)
                #expect(fast == compiled, "\(query ?? "") \(topics) limit \(limit) offset \(offset)")
            }
        }
    }

    @Test func everyTaggedTopicAloneMatchesTheCompiledPlan() throws {
        let searcher = try Searcher(path: Self.folder.sub("index.db"))
        let tagged = try TopicStatistics(path: Self.folder.sub("index.db")).topics().filter { $0.passages > 0 }
        #expect(tagged.count > 40, "the bundled corpus names many topics")
        for topic in tagged {
            try Self.expectParity(searcher, nil, topics: [topic.id], limits: [1, 10], offsets: [0, 3])
        }
    }

    @Test func andAndOrOfTopicsMatchTheCompiledPlan() throws {
        let searcher = try Searcher(path: Self.folder.sub("index.db"))
        for query in [
            "NATO", "cluster munitions", "Kyiv", "DPICM OR cluster munitions", "NATO AND Russia", "Ukraine AND Russia",
            "\"Human Rights Watch\" OR ICRC OR Amnesty", "landmines OR \"anti-personnel mines\"", "Kharkiv AND Izium",
            "HIMARS OR ATACMS OR GMLRS", "Ukraine AND cluster munitions AND US",
        ] {
            try Self.expectParity(searcher, query)
        }
        // These plans are made of topics only, so the threshold algorithm ran.
        for query in ["NATO AND Russia", "DPICM OR cluster munitions OR landmines"] {
            let plan = try searcher.plan(SearchRequest(query: try QueryParser().parse(query)))
            #expect(
                try searcher.db.readTransaction { try searcher.rankedTopicPassages(plan, limit: 3, offset: 0) } != nil,
                "\(plan.description)")
        }
    }

    @Test func textQueriesMatchTheCompiledPlan() throws {
        let searcher = try Searcher(path: Self.folder.sub("index.db"))
        for query in ["dud rate", "\"unexploded\"", "shell OR shells", "mine NOT treaty", "artillery AND production"] {
            try Self.expectParity(searcher, query)
            let exact = try QueryParser().parse(query)
            for limit in [1, 10] {
                let request = SearchRequest(query: exact, limit: limit, expand: false)
                #expect(try Self.rows(searcher, request, fast: true) == Self.rows(searcher, request, fast: false), "\(query) --exact")
            }
        }
    }
}
