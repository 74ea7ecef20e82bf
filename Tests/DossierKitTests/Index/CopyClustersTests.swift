import DossierSQLite
import DossierTestSupport
import Foundation
import Testing

@testable import DossierIndex

/// Wire-copy sketches and clusters: what counts as a copy, and clusters kept as files come and go.
@Suite struct CopyClustersTests {
    /// A story of `paragraphs` paragraphs, each sentence naming its paragraph and town so that two
    /// stories with other seeds share no run of five words.
    static func story(_ seed: String, paragraphs: Int = 6) -> [String] {
        (0..<paragraphs).map { p in
            "In \(seed) the \(p)th convoy of \(seed) trucks reached the \(seed) depot at dawn on day \(p). "
                + "Officials in \(seed) counted \(p + 3) damaged houses and \(p + 5) craters near the \(seed) school, "
                + "and the \(seed) council asked for tents, water and fuel before the \(p)th night."
        }
    }

    static func sketch(_ passages: [String]) throws -> CopySketch? {
        let tokenizer = try FTS5Tokenizer(definition: IndexSchema.tokenizer)
        return CopySketch(passageTokens: passages.map { FTS5Tokens.record($0, with: tokenizer)! })
    }

    @Test func aCopyWithAnotherHeadlineBylineAndFooterIsSimilar() throws {
        let original = Self.story("Verenka")
        var copy = ["Another headline for the same story", "By the foreign desk"] + original
        copy[3] = copy[3].replacingOccurrences(of: "damaged", with: "ruined")
        copy.append("Copyright 2024 The Courier. All rights reserved.")
        let a = try #require(try Self.sketch(original))
        let b = try #require(try Self.sketch(copy))
        #expect(CopySketch.similarity(a.words, b.words) >= CopySketch.threshold)
        #expect(a.estimatedSimilarity(to: b) >= CopySketch.estimateFloor)
        #expect(Set(a.bands).intersection(b.bands).count > 0)
        // Another story: nothing alike.
        let other = try #require(
            try Self.sketch([
                "Negotiators from the shipping companies met the port authority again on Monday.",
                "The talks concern insurance for ships passing the mined approaches to the harbour.",
                "Insurers have raised their premiums four times since the summer, and two firms stopped sailing.",
                "A naval officer said clearing the outer channel would take at least another month.",
            ]))
        #expect(CopySketch.similarity(a.words, other.words) == 0)
        #expect(a.estimatedSimilarity(to: other) < CopySketch.estimateFloor)
    }

    @Test func aStoryQuotingOneParagraphIsNotACopy() throws {
        let original = Self.story("Verenka")
        let quoting = Self.story("Korlin", paragraphs: 5) + ["As one report said: \(original[2])"]
        let a = try #require(try Self.sketch(original))
        let b = try #require(try Self.sketch(quoting))
        #expect(CopySketch.similarity(a.words, b.words) < CopySketch.threshold)
    }

    @Test func shortArticlesAreNotSketched() throws {
        #expect(try Self.sketch(["Brief: the bridge is closed."]) == nil)
    }

    @Test func aStoredSketchReadsBackTheSame() throws {
        let a = try #require(try Self.sketch(Self.story("Verenka")))
        let back = try #require(CopySketch(bytes: a.bytes))
        #expect(back.signature == a.signature && back.bands == a.bands)
        #expect(CopySketch(bytes: [1, 2, 3]) == nil)
    }

    @Test func theBandFilterNeverMissesAStoredKey() {
        var filter = BandFilter(capacity: 16)
        let keys = (0..<5000).map { Int64(bitPattern: CopySketch.mix(UInt64($0))) }
        for chunk in stride(from: 0, to: keys.count, by: 16) { filter.insert(Array(keys[chunk..<min(chunk + 16, keys.count)])) }
        #expect(filter.isComplete)
        #expect(keys.allSatisfy { filter.mayContain(any: [$0]) })
        let others = (5000..<15000).map { Int64(bitPattern: CopySketch.mix(UInt64($0))) }
        #expect(others.filter { filter.mayContain(any: [$0]) }.count < 10)
    }

    /// A folder of `files` (name → paragraphs), indexed into `index.db`.
    final class Fixture {
        let folder: TempFolder
        var database: String { folder.sub("index.db") }
        var articles: String { folder.sub("articles") }

        init(_ files: [String: [String]]) throws {
            folder = try TempFolder(prefix: "dossier-copies")
            try FileManager.default.createDirectory(atPath: articles, withIntermediateDirectories: true)
            for (name, paragraphs) in files { try write(name, paragraphs) }
        }

        func write(_ name: String, _ paragraphs: [String]) throws {
            try (paragraphs.joined(separator: "\n\n") + "\n").write(toFile: articles + "/" + name, atomically: true, encoding: .utf8)
        }

        @discardableResult
        func index() throws -> IngestReport {
            try Indexer(databasePath: database).run(roots: [articles])
        }

        /// The file names of each cluster, sorted.
        func clusters() throws -> [[String]] {
            let db = try Connection(path: database, mode: .readOnly)
            let s = try db.prepare("SELECT cluster_id, path FROM articles WHERE cluster_id IS NOT NULL ORDER BY cluster_id, path")
            var out: [Int64: [String]] = [:]
            while try s.step() { out[s.int64(0), default: []].append(String(s.string(1).split(separator: "/").last!)) }
            return out.values.map { $0.sorted() }.sorted { $0[0] < $1[0] }
        }
    }

    @Test func clustersFollowFilesAddedChangedAndRemoved() throws {
        let story = Self.story("Verenka")
        let fixture = try Fixture([
            "a.txt": ["Bridge destroyed"] + story,
            "b.txt": ["Town cut off", "By the desk"] + story + ["Copyright 2024"],
            "c.txt": Self.story("Korlin"),
        ])
        let first = try fixture.index()
        #expect(first.wireCopies == 1)
        #expect(try fixture.clusters() == [["a.txt", "b.txt"]])
        // A third copy joins; an exact duplicate stays one article (not a wire copy).
        try fixture.write("d.txt", ["Update"] + story.dropLast())
        try fixture.write("e.txt", Self.story("Korlin"))
        let second = try fixture.index()
        #expect(second.wireCopies == 1 && second.duplicates == 1)
        #expect(try fixture.clusters() == [["a.txt", "b.txt", "d.txt"]])
        // Rewritten as another story, b leaves the cluster; removing a leaves d alone: no cluster.
        try fixture.write("b.txt", Self.story("Tamsk"))
        try fixture.index()
        #expect(try fixture.clusters() == [["a.txt", "d.txt"]])
        try FileManager.default.removeItem(atPath: fixture.articles + "/a.txt")
        try fixture.index()
        #expect(try fixture.clusters() == [])
    }

    @Test func anIndexWithoutClustersIsClusteredOnItsNextRun() throws {
        let story = Self.story("Verenka")
        let fixture = try Fixture(["a.txt": ["One"] + story, "b.txt": ["Two"] + story])
        try fixture.index()
        // As an index made before clusters: no sketches, no bands, no clusters, no parameters.
        let db = try Connection(path: fixture.database)
        try db.execute(
            "DELETE FROM article_bands; UPDATE articles SET sketch = NULL, cluster_id = NULL; DELETE FROM meta WHERE key = 'copy_sketch'")
        #expect(try fixture.clusters() == [])
        let again = try fixture.index()
        #expect(again.unchanged == 2)
        #expect(try fixture.clusters() == [["a.txt", "b.txt"]])
    }
}
