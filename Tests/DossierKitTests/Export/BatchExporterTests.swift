import DossierExport
import DossierModel
import DossierSearch
import Foundation
import Testing

@Suite struct BatchExporterTests {
    @Test func rowsPerQueryEqualSearchCount() throws {
        let fixture = try ExportFixture()
        let searcher = try fixture.searcher()
        let (_, outcomes) = try fixture.export(.jsonl)
        #expect(outcomes.map(\.spec.id) == ["2", "3", "5", "6", "7", "8"])
        for outcome in outcomes {
            let count = try searcher.count(QueryParser().parse(outcome.spec.query!))
            #expect(outcome.rows == count, "query \(outcome.spec.id)")
            #expect(outcome.matches == count, "query \(outcome.spec.id)")
        }
        #expect(outcomes.first { $0.spec.id == "7" }?.rows == 0)
        #expect(outcomes.reduce(0) { $0 + $1.rows } > 5)
    }

    @Test func rowsAreInSearchOrderWithinEachQuery() throws {
        let fixture = try ExportFixture()
        let searcher = try fixture.searcher()
        let exporter = BatchExporter(searcher: searcher)
        let queries = try exporter.prepare(QueryFile.parse(ExportFixture.queryText, path: "q.txt"))
        final class Collect: ExportRowWriter {
            var rows: [ExportRow] = []
            func write(_ row: ExportRow) throws { rows.append(row) }
            func finish() throws {}
        }
        let collect = Collect()
        _ = try exporter.run(queries, writer: collect)
        for query in queries {
            var expected: [Hit] = []
            try searcher.search(SearchRequest(query: query.request.query, limit: nil)) {
                expected.append($0)
                return true
            }
            #expect(collect.rows.filter { $0.queryID == query.spec.id }.map(\.hit.hit) == expected)
        }
        // Queries in file order.
        let order = collect.rows.map(\.queryID).reduce(into: [String]()) { if $0.last != $1 { $0.append($1) } }
        #expect(order == ["2", "3", "5", "6", "8"])
    }

    @Test func limitPerQueryKeepsTheBest() throws {
        let fixture = try ExportFixture()
        let (_, outcomes) = try fixture.export(.jsonl, options: .init(limitPerQuery: 1))
        #expect(outcomes.allSatisfy { $0.rows <= 1 })
        #expect(outcomes.contains { $0.matches > 1 })
    }

    @Test func dedupeWritesEachPassageOnceWithAllItsQueries() throws {
        let fixture = try ExportFixture()
        let plain = try fixture.export(.jsonl)
        let deduped = try fixture.export(.jsonl, options: .init(dedupe: true))
        let lines = deduped.text.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        let keys = lines.map { "\($0["path"]!)#\($0["passage"]!)" }
        #expect(Set(keys).count == keys.count)
        let plainKeys = plain.text.split(separator: "\n").map { line -> String in
            let o = try! JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            return "\(o["path"]!)#\(o["passage"]!)"
        }
        #expect(Set(plainKeys) == Set(keys))
        // The passage about cluster munitions near the border is hit by ceasefire, monitors and "cluster munitions".
        let shared = lines.first { ($0["text"] as! String).hasPrefix("Cluster munitions") }!
        #expect(shared["query_ids"] as! [String] == ["2", "5", "6"])
        #expect(shared["query_id"] as! String == "2")
        #expect(deduped.outcomes.reduce(0) { $0 + $1.rows } == keys.count)
    }

    @Test func badQueryIsReportedWithItsLineBeforeAnythingRuns() throws {
        let fixture = try ExportFixture()
        let exporter = BatchExporter(searcher: try fixture.searcher())
        #expect(throws: ExportError.self) {
            try exporter.prepare(QueryFile.parse("ceasefire\n\"unclosed\n", path: "q.txt"))
        }
        do {
            _ = try exporter.prepare(QueryFile.parse("ceasefire\n\"unclosed\n", path: "q.txt"))
        } catch let error as ExportError {
            guard case .invalidQuery(let id, let line, _) = error else {
                Issue.record("got \(error)")
                return
            }
            #expect(id == "2" && line == 2)
        }
    }

    @Test func topicEntriesExportWhatSearchFinds() throws {
        let fixture = try ExportFixture()
        let searcher = try fixture.searcher()
        let exporter = BatchExporter(searcher: searcher)
        let specs = try QueryFile.parse("- id: a\n  topic: cluster munitions\n", path: "q.yaml")
        let queries = try exporter.prepare(specs)
        #expect(queries.count == 1)
        #expect(
            try searcher.count(queries[0].request)
                == (try searcher.count(SearchRequest(query: nil, limit: nil, topics: ["cluster munitions"]))))
    }

    @Test func anUnknownTopicIsReportedWithItsLineBeforeAnyOutput() throws {
        let fixture = try ExportFixture()
        let exporter = BatchExporter(searcher: try fixture.searcher())
        let specs = try QueryFile.parse("- id: a\n  query: drones\n- id: b\n  topic: no such topic\n", path: "q.yaml")
        let error = #expect(throws: ExportError.self) { try exporter.prepare(specs) }
        #expect(error?.description.hasPrefix("query b (line 3):") == true)
    }

    @Test func yamlFiltersNarrowTheRows() throws {
        let fixture = try ExportFixture()
        let yaml = """
            - id: all
              query: ceasefire
            - id: none
              query: ceasefire
              source: no-such-source
            """
        let exporter = BatchExporter(searcher: try fixture.searcher())
        let queries = try exporter.prepare(QueryFile.parse(yaml, path: "q.yaml"))
        let result = try exporter.run(queries, writer: ExportRowWriters.make(.jsonl, sink: StringSink(), dedupe: false))
        #expect(result[0].rows > 0)
        #expect(result[1].rows == 0 && result[1].matches == 0)
    }

    @Test func progressReportsEveryQuery() throws {
        let fixture = try ExportFixture()
        let exporter = BatchExporter(searcher: try fixture.searcher())
        let queries = try exporter.prepare(QueryFile.parse(ExportFixture.queryText, path: "q.txt"))
        var seen: [Int] = []
        _ = try exporter.run(queries, writer: ExportRowWriters.make(.csv, sink: StringSink(), dedupe: false)) {
            seen.append($0.queriesDone)
        }
        #expect(seen == [1, 2, 3, 4, 5, 6])
    }

    @Test func withoutSnippetsOnlyTheSnippetIsEmpty() throws {
        let fixture = try ExportFixture()
        let searcher = try fixture.searcher()
        let request = SearchRequest(query: try QueryParser().parse("monitors"), limit: nil)
        var with: [Hit] = []
        var without: [Hit] = []
        try searcher.exportHits(request) {
            with.append($0.hit)
            return true
        }
        try searcher.exportHits(request, snippets: false) {
            without.append($0.hit)
            return true
        }
        #expect(with.count == 4 && without.count == 4)
        #expect(without.allSatisfy { $0.snippet.isEmpty })
        #expect(with.allSatisfy { !$0.snippet.isEmpty })
        #expect(
            with.map {
                var h = $0
                h.snippet = ""
                return h
            } == without)
    }

    @Test func exportHitsHonoursLimitAndOffsetLikeSearch() throws {
        let fixture = try ExportFixture()
        let searcher = try fixture.searcher()
        let query = try QueryParser().parse("ceasefire OR monitors")
        for (limit, offset) in [(2, 0), (3, 2), (100, 1)] {
            var expected: [Hit] = []
            var got: [Hit] = []
            try searcher.search(SearchRequest(query: query, limit: limit, offset: offset)) {
                expected.append($0)
                return true
            }
            try searcher.exportHits(SearchRequest(query: query, limit: limit, offset: offset)) {
                got.append($0.hit)
                return true
            }
            #expect(got == expected)
        }
    }
}
