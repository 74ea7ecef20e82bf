import DossierExport
import DossierModel
import Foundation
import Testing

@Suite struct OpenSearchBulkWriterTests {
    func lines(_ text: String) -> [[String: Any]] {
        text.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
    }

    @Test func actionAndDocumentLinesAlternate() throws {
        let fixture = try ExportFixture()
        let (text, outcomes) = try fixture.export(.opensearch)
        #expect(text.hasSuffix("\n"))
        let objects = lines(text)
        #expect(objects.count == 2 * outcomes.reduce(0) { $0 + $1.rows })
        for pair in stride(from: 0, to: objects.count, by: 2) {
            let action = objects[pair]
            #expect(action.keys.sorted() == ["index"])
            let meta = action["index"] as! [String: Any]
            #expect(meta["_index"] as? String == "dossier")
            #expect((meta["_id"] as? String)?.isEmpty == false)
            let document = objects[pair + 1]
            #expect(document["index"] == nil)
            #expect(document["query_id"] is String && document["text"] is String && document["article"] is String)
            #expect((meta["_id"] as! String).hasPrefix((document["query_id"] as! String) + ":"))
        }
        let ids = stride(from: 0, to: objects.count, by: 2).map { (objects[$0]["index"] as! [String: Any])["_id"] as! String }
        #expect(Set(ids).count == ids.count)
    }

    @Test func documentFieldsAreAllInTheMapping() throws {
        let fixture = try ExportFixture()
        let mapping = try JSONSerialization.jsonObject(with: Data(OpenSearchBulkWriter.mapping().utf8)) as! [String: Any]
        let properties = ((mapping["mappings"] as! [String: Any])["properties"] as! [String: Any]).keys
        for options in [BatchExporter.Options(), .init(dedupe: true)] {
            let (text, _) = try fixture.export(.opensearch, options: options)
            for (index, object) in lines(text).enumerated() where index % 2 == 1 {
                #expect(Set(object.keys).isSubset(of: Set(properties)), "\(Set(object.keys).subtracting(properties))")
            }
        }
    }

    @Test func idsAreStableAcrossRunsAndRebuilds() throws {
        let first = try ExportFixture()
        let second = try ExportFixture()  // another folder, another index, same articles
        func ids(_ fixture: ExportFixture, dedupe: Bool) throws -> [String] {
            let (text, _) = try fixture.export(.opensearch, options: .init(dedupe: dedupe))
            return lines(text).enumerated().filter { $0.offset % 2 == 0 }.map { ($0.element["index"] as! [String: Any])["_id"] as! String }
        }
        #expect(try ids(first, dedupe: false) == ids(first, dedupe: false))
        #expect(try ids(first, dedupe: false) == ids(second, dedupe: false))
        let deduped = try ids(first, dedupe: true)
        #expect(deduped == (try ids(second, dedupe: true)))
        #expect(deduped.allSatisfy { !$0.contains(":") })
        #expect(Set(deduped).count == deduped.count)
    }

    @Test func indexNameIsUsedInActions() throws {
        let sink = StringSink()
        let writer = OpenSearchBulkWriter(sink: sink, indexName: "osint-2026", dedupe: true)
        let hit = Hit(
            rank: 1, score: 1.5, path: "a.txt", paths: ["a.txt"], title: "T", metadata: ArticleMetadata(), passage: 3, start: 0,
            end: 4, text: "text", snippet: "text", topics: [])
        try writer.write(
            ExportRow(
                queryID: "q", query: "text", queryIDs: ["q"],
                hit: ExportedHit(hit: hit, passageID: 9, articleHash: String(repeating: "ab", count: 32))))
        try writer.finish()
        #expect(
            sink.text.hasPrefix(
                "{\"index\":{\"_index\":\"osint-2026\",\"_id\":\"abababababababababababababababab-3\"}}\n{\"query_id\":\"q\","))
    }
}
