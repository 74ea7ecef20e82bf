import DossierExport
import DossierIndex
import Foundation
import Testing

@Suite struct ExportManifestTests {
    @Test func manifestDescribesTheRun() throws {
        let fixture = try ExportFixture()
        let (text, outcomes) = try fixture.export(.csv)
        let fingerprint = try IndexFingerprint.read(path: fixture.database)
        let manifest = ExportManifest(
            dossierVersion: "9.9.9", indexPath: fixture.database, fingerprint: fingerprint, format: .csv,
            options: .init(limitPerQuery: 5), queriesFile: (path: "weekly.txt", sha256: "abc"), outcomes: outcomes,
            outputPath: "hits.csv", outputBytes: text.utf8.count, outputSHA256: ContentHash.sha256(Array(text.utf8)),
            started: Date(timeIntervalSince1970: 0), finished: Date(timeIntervalSince1970: 1.5))
        let json = try JSONSerialization.jsonObject(with: Data(manifest.json.utf8)) as! [String: Any]
        #expect(json["manifest_version"] as? Int == 1)
        #expect(json["dossier_version"] as? String == "9.9.9")
        #expect(json["format"] as? String == "csv")
        #expect(json["lexicon_hash"] is NSNull)
        let index = json["index"] as! [String: Any]
        #expect(index["fingerprint"] as? String == fingerprint.sha256)
        #expect(index["tokenizer"] as? String == IndexSchema.tokenizer)
        #expect(index["articles"] as? Int == 3)
        let queries = json["queries"] as! [[String: Any]]
        #expect(queries.map { $0["id"] as! String } == ["2", "3", "5", "6", "7", "8"])
        #expect(queries.map { $0["rows"] as! Int } == outcomes.map(\.rows))
        #expect(queries.map { $0["matches"] as! Int } == outcomes.map(\.matches))
        #expect(json["rows"] as? Int == outcomes.reduce(0) { $0 + $1.rows })
        #expect((json["options"] as! [String: Any])["limit_per_query"] as? Int == 5)
        let output = json["output"] as! [String: Any]
        #expect(output["sha256"] as? String == ContentHash.sha256(Array(text.utf8)))
        #expect(json["started"] as? String == "1970-01-01T00:00:00.000Z")
        #expect(json["finished"] as? String == "1970-01-01T00:00:01.500Z")
    }
}
