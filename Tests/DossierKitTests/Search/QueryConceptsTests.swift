import DossierTestSupport
import Testing

@testable import DossierIndex
@testable import DossierModel
@testable import DossierSearch
@testable import DossierTopics

/// Queries typed as words read as concepts (``QueryConcepts``), and short passages ranked below the
/// paragraphs about their words, on articles written for these tests.
@Suite(.serialized) struct QueryConceptsTests {
    static let articles: [(String, String)] = [
        (
            "armour.txt",
            """
            Armour on the southern front

            Tanks crossed the river at dawn, followed by a column of drones that scouted the far bank for the infantry.

            Engineers repaired two tanks that had thrown their tracks in the mud near the bridge before noon.

            Small drones buzzed over the village all afternoon, and residents said they no longer looked up at the noise.
            """
        ),
        (
            "fleet.txt",
            """
            Naval notes

            The Black Sea Fleet moved three landing ships out of Sevastopol this week, according to satellite images.

            A black cat slept on the pier while the fleet of fishing boats came in; the sea was calm and grey all day.
            """
        ),
        (
            "kyiv.txt",
            """
            Kyiv

            Officials in Kyiv said the convoy column reached the city's edge after a slow night on the highway, where trucks had stalled in the snow.

            Kyiv residents queued for water in the morning and again in the evening as the pumps were repaired.
            """
        ),
        (
            "depot.txt",
            """
            Depot fire

            Depot fire

            A fire at the ammunition depot burned through the night; the depot had stored shells for the artillery brigade for years, and firefighters kept back from the flames until the explosions stopped at dawn.
            """
        ),
    ]

    static func indexed() throws -> (folder: TempFolder, searcher: Searcher) {
        let folder = try TempFolder(prefix: "dossier-concepts")
        for (name, text) in articles { _ = try folder.write("articles/" + name, text) }
        var options = Indexer.Options()
        options.lexicon = TopicFixtures.lexicon
        options.jobs = 1
        _ = try Indexer(databasePath: folder.path + "/index.db", options: options).run(roots: [folder.path + "/articles"])
        return (folder, try Searcher(path: folder.path + "/index.db"))
    }

    static func hits(_ searcher: Searcher, _ query: String, expand: Bool = true) throws -> [String] {
        let request = SearchRequest(query: try QueryParser().parse(query), limit: nil, expand: expand)
        var out: [String] = []
        try searcher.search(request) {
            out.append(($0.path.split(separator: "/").last.map(String.init) ?? "") + ":\($0.passage)")
            return true
        }
        #expect(try searcher.count(request) == out.count, "count must equal the hits of an unlimited search")
        return out
    }

    static func plan(_ searcher: Searcher, _ query: String) throws -> String {
        try searcher.plan(SearchRequest(query: try QueryParser().parse(query))).description
    }

    @Test func lowerCaseAndJoinsConceptsAndIsNotSearched() throws {
        let (folder, searcher) = try Self.indexed()
        defer { withExtendedLifetime(folder) {} }
        #expect(try Self.plan(searcher, "tanks and drones") == #"[topic:tanks (from "tanks")] | ["drones"]"#)
        let hits = try Self.hits(searcher, "tanks and drones")
        // The passage with both first, then either one; "and" alone matches nothing.
        #expect(hits.first == "armour.txt:2")
        #expect(Set(hits) == ["armour.txt:2", "armour.txt:3", "armour.txt:4"])
        // Upper-case AND is the operator: both required.
        #expect(try Self.hits(searcher, "tanks AND drones") == ["armour.txt:2"])
        #expect(try Self.plan(searcher, "tanks AND drones") == #"(topic:tanks (from "tanks") AND "drones")"#)
    }

    @Test func aNameWithAQualifierMeansTheNameRankedHigherWithTheQualifier() throws {
        let (folder, searcher) = try Self.indexed()
        defer { withExtendedLifetime(folder) {} }
        #expect(try Self.plan(searcher, "Kyiv column") == #"[topic:kyiv (from "Kyiv") +"column"]"#)
        let hits = try Self.hits(searcher, "Kyiv column")
        #expect(hits.first == "kyiv.txt:2")
        #expect(hits.contains("kyiv.txt:3"))  // the name alone still matches
        #expect(!hits.contains("armour.txt:2"))  // the qualifier alone does not
    }

    @Test func aMultiWordNameInSequenceRanksAboveItsWordsScattered() throws {
        let (folder, searcher) = try Self.indexed()
        defer { withExtendedLifetime(folder) {} }
        #expect(
            try Self.plan(searcher, "Black Sea Fleet")
                == #"["Black" AND "Sea" AND "Fleet" +"Black Sea Fleet" ~NEAR("Black" "Sea" "Fleet", 10)]"#)
        #expect(try Self.hits(searcher, "Black Sea Fleet") == ["fleet.txt:2", "fleet.txt:3"])
    }

    @Test func functionWordsAreNotRequiredButStayInThePhrase() throws {
        let (folder, searcher) = try Self.indexed()
        defer { withExtendedLifetime(folder) {} }
        #expect(
            try Self.plan(searcher, "the fleet of fishing boats")
                == #"["fleet" AND "fishing" AND "boats" +"fleet of fishing boats" ~NEAR("fleet" "fishing" "boats", 10)]"#)
        #expect(try Self.hits(searcher, "the fleet of fishing boats") == ["fleet.txt:3"])
        // --exact searches every word as typed.
        #expect(try Self.hits(searcher, "the fleet of fishing boats", expand: false) == ["fleet.txt:3"])
        #expect(try Self.hits(searcher, "tanks and drones", expand: false).isEmpty)  // no passage has the word "and"
    }

    @Test func aHeadingRanksBelowTheParagraphAboutItsWords() throws {
        let (folder, searcher) = try Self.indexed()
        defer { withExtendedLifetime(folder) {} }
        // bm25 alone puts the short title and heading ("Depot fire") first.
        #expect(try Self.hits(searcher, "depot").first == "depot.txt:3")
        #expect(try Self.hits(searcher, "depot fire").first == "depot.txt:3")
    }
}
