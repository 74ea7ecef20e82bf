import DossierTestSupport
import Foundation
import Testing

/// The "done when" conditions, on the shared corpus next to the package (`../shared/corpus`).
/// Skipped when that folder is absent. Nothing from it is copied into the repository.
@Suite(.serialized, .enabled(if: Paths.sharedCorpus != nil, "../shared/corpus is absent"))
struct TopicsSharedCorpusTests {
    /// The folder of the suite's index; a static, so it is left in the temporary folder at exit.
    static let folder = try? TempFolder(prefix: "dossier-shared")

    /// One index of the corpus for all tests of this suite.
    static let database: String = {
        let db = (folder?.path ?? NSTemporaryDirectory()) + "/shared.db"
        if let corpus = Paths.sharedCorpus { _ = try? TopicsCLITests.run(["index", "-q", "--db", db, corpus.path]) }
        return db
    }()

    /// The `text` field of each JSON Lines hit (enough JSON decoding for these checks).
    static func texts(_ jsonl: String) -> [(path: String, text: String)] {
        jsonl.split(separator: "\n").map { line in
            (field("path", in: String(line)), field("text", in: String(line)))
        }
    }

    static func field(_ name: String, in line: String) -> String {
        let key = Array("\"\(name)\":\"")
        let chars = Array(line)
        guard
            let at = (0...max(0, chars.count - key.count)).first(where: { chars[$0..<min(chars.count, $0 + key.count)].elementsEqual(key) })
        else { return "" }
        var out = ""
        var escaped = false
        for ch in chars[(at + key.count)...] {
            if escaped {
                out.append(ch == "n" ? "\n" : ch)
                escaped = false
            } else if ch == "\\" {
                escaped = true
            } else if ch == "\"" {
                break
            } else {
                out.append(ch)
            }
        }
        return out
    }

    static func words(_ text: String) -> [String] {
        text.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
    }

    @Test func clusterMunitionsRanksTheSeedFirstAndFindsDPICMOnlyPassages() throws {
        let r = try TopicsCLITests.run(["search", "--db", Self.database, "--topic", "cluster munitions", "-f", "jsonl", "--limit", "1000"])
        #expect(r.status == 0, "\(r.stderr)")
        let hits = Self.texts(r.stdout)
        let seed = hits.map { $0.path.contains("/seed/") }
        #expect(seed.first == true)
        #expect(seed == seed.sorted { $0 && !$1 }, "every seed passage ranks above every other passage")
        let dpicmOnly = hits.contains { hit in
            let lower = hit.text.lowercased()
            return lower.contains("dpicm") && !lower.contains("cluster munition") && !lower.contains("cluster bomb")
                && !lower.contains("bomblet") && !lower.contains("submunition")
        }
        #expect(dpicmOnly, "a passage that names only DPICMs is found")
    }

    @Test func kyivFindsKievPassagesAndExactFindsNone() throws {
        let expanded = try TopicsCLITests.run(["search", "--db", Self.database, "Kyiv", "-f", "jsonl", "--limit", "1000"])
        let hits = Self.texts(expanded.stdout)
        #expect(hits.contains { $0.path.contains("/seed/") && $0.text.contains("Kiev") })
        let exact = try TopicsCLITests.run(["search", "--db", Self.database, "--exact", "Kyiv", "--count"])
        #expect(exact.stdout == "0\n")
    }

    @Test func topicUNNeverMatchesOnlyALowerCaseUn() throws {
        let r = try TopicsCLITests.run(["search", "--db", Self.database, "--topic", "UN", "-f", "jsonl", "--limit", "5000"])
        let hits = Self.texts(r.stdout)
        #expect(!hits.isEmpty)
        for hit in hits {
            let words = Self.words(hit.text)
            let lower = words.map { $0.lowercased() }
            let named =
                words.contains("UN") || words.contains("UNs") || zip(words, words.dropFirst()).contains { $0 == "U" && $1 == "N" }
                || zip(lower, lower.dropFirst()).contains { $0 == "united" && $1 == "nations" }
            #expect(named, "\(hit.path): \(hit.text.prefix(200))")
        }
    }

    @Test func topicsListsAtLeast150TopicsWithCounts() throws {
        let r = try TopicsCLITests.run(["topics", "--db", Self.database, "--format", "json"])
        let objects = r.stdout.split(separator: "\n").filter { $0.contains("\"id\":") }
        #expect(objects.count >= 150)
        #expect(objects.allSatisfy { $0.contains("\"passages\":") && $0.contains("\"articles\":") && $0.contains("\"category\":") })
    }
}
