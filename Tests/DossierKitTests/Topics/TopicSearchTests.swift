import DossierSQLite
import Testing

@testable import DossierIndex
@testable import DossierModel
@testable import DossierSearch
@testable import DossierTopics

/// Expansion, topic filters, tags against search, and re-tagging, on an index of the fixture folder.
@Suite(.serialized) struct TopicSearchTests {
    /// Indexes the fixture folder with the fixture lexicon; returns the folder and the index path.
    static func indexed(lexicon: Lexicon = TopicFixtures.lexicon) throws -> (folder: TempFolder, db: String) {
        let folder = try TopicFixtures.makeFolder()
        let root = folder.path
        var options = Indexer.Options()
        options.lexicon = lexicon
        options.jobs = 1
        _ = try Indexer(databasePath: root + "/index.db", options: options).run(roots: [root + "/articles"])
        return (folder, root + "/index.db")
    }

    static func hits(_ searcher: Searcher, _ query: String?, topics: [String] = [], categories: [String] = [], expand: Bool = true)
        throws -> [Hit]
    {
        let request = SearchRequest(
            query: try query.map { try QueryParser().parse($0) }, limit: nil, topics: topics, categories: categories, expand: expand)
        var out: [Hit] = []
        try searcher.search(request) {
            out.append($0)
            return true
        }
        #expect(try searcher.count(request) == out.count, "count must equal the hits of an unlimited search")
        return out
    }

    static func places(_ hits: [Hit]) -> [String] {
        hits.map { ($0.path.split(separator: "/").last.map(String.init) ?? "") + ":\($0.passage)" }.sorted()
    }

    @Test func queryWordsThatNameATopicMatchItsOtherNames() throws {
        let (folder, db) = try Self.indexed()
        defer { withExtendedLifetime(folder) {} }  // removed at the end of the test, not after its last use
        let searcher = try Searcher(path: db)
        // Kyiv finds "Kiev" (but not "Chicken Kiev"); --exact finds only "Kyiv".
        #expect(Self.places(try Self.hits(searcher, "Kyiv")) == ["rights-brief.txt:3", "strike-report.txt:1", "strike-report.txt:2"])
        #expect(Self.places(try Self.hits(searcher, "Kyiv", expand: false)) == ["rights-brief.txt:3"])
        // "cluster munitions" (two words, unquoted) finds the passage that only says DPICMs.
        #expect(Self.places(try Self.hits(searcher, "cluster munitions")).contains("strike-report.txt:2"))
        #expect(!Self.places(try Self.hits(searcher, "cluster munitions", expand: false)).contains("strike-report.txt:2"))
        // UN (upper case) is the topic: not French "un"; un (lower case) is the word.
        #expect(Self.places(try Self.hits(searcher, "UN")) == ["rights-brief.txt:3", "strike-report.txt:4"])
        #expect(Self.places(try Self.hits(searcher, "un")) == ["menu.txt:3", "rights-brief.txt:3"])
    }

    @Test func expansionKeepsTheRestOfTheQuery() throws {
        let (folder, db) = try Self.indexed()
        defer { withExtendedLifetime(folder) {} }  // removed at the end of the test, not after its last use
        let searcher = try Searcher(path: db)
        #expect(Self.places(try Self.hits(searcher, "Kyiv AND duds")) == ["strike-report.txt:2"])
        #expect(Self.places(try Self.hits(searcher, "Kyiv NOT investigators")) == ["rights-brief.txt:3", "strike-report.txt:1"])
        #expect(Self.places(try Self.hits(searcher, "HRW OR butter")) == ["menu.txt:2", "rights-brief.txt:2"])
        let plan = try searcher.plan(SearchRequest(query: try QueryParser().parse("Kyiv column")))
        // Typed as words: the name, ranked higher with the qualifier (see QueryConceptsTests).
        #expect(plan.description == "[topic:kyiv (from \"Kyiv\") +\"column\"]")
        let exact = try searcher.plan(SearchRequest(query: try QueryParser().parse("Kyiv column"), expand: false))
        #expect(exact.description == "\"Kyiv\" AND \"column\"")
    }

    @Test func negatedTermsAddNothingToTheScore() throws {
        let (folder, db) = try Self.indexed()
        defer { withExtendedLifetime(folder) {} }  // removed at the end of the test, not after its last use
        let searcher = try Searcher(path: db)
        // The article's title says "strike"; its second passage does not: NOT strike keeps that
        // passage, and the title's match on the negated word must not lift it.
        let plain = try #require(try Self.hits(searcher, "Kyiv").first { $0.path.hasSuffix("strike-report.txt") && $0.passage == 2 })
        let negated = try #require(
            try Self.hits(searcher, "Kyiv NOT strike").first { $0.path.hasSuffix("strike-report.txt") && $0.passage == 2 })
        #expect(negated.score == plain.score)
    }

    @Test func topicAndCategoryFilters() throws {
        let (folder, db) = try Self.indexed()
        defer { withExtendedLifetime(folder) {} }  // removed at the end of the test, not after its last use
        let searcher = try Searcher(path: db)
        #expect(
            Self.places(try Self.hits(searcher, nil, topics: ["DPICM"])) == [
                "rights-brief.txt:2", "strike-report.txt:1", "strike-report.txt:2",
            ])
        #expect(Self.places(try Self.hits(searcher, nil, topics: ["hrw", "un"])) == [])
        #expect(Self.places(try Self.hits(searcher, nil, topics: ["kyiv", "un"])) == ["rights-brief.txt:3"])
        #expect(Self.places(try Self.hits(searcher, "column", categories: ["weapon"])) == ["rights-brief.txt:3"])
        #expect(throws: SearchError.self) { try Self.hits(searcher, nil, topics: ["nothing"]) }
        #expect(throws: SearchError.self) { try Self.hits(searcher, nil, categories: ["vessel"]) }
    }

    @Test func hitsCarryTheirTopicsAndHighlightTheNameFound() throws {
        let (folder, db) = try Self.indexed()
        defer { withExtendedLifetime(folder) {} }  // removed at the end of the test, not after its last use
        let searcher = try Searcher(path: db)
        let hit = try #require(
            try Self.hits(searcher, nil, topics: ["cluster munitions"]).first { $0.passage == 2 && $0.path.hasSuffix("strike-report.txt") })
        #expect(hit.topics == ["cluster-munitions", "kyiv"])
        #expect(hit.snippet(open: "[", close: "]").contains("[DPICMs]"))
    }

    @Test func topicSubjectsRankAbovePassingMentions() throws {
        let (folder, db) = try Self.indexed()
        defer { withExtendedLifetime(folder) {} }  // removed at the end of the test, not after its last use
        let searcher = try Searcher(path: db)
        let hits = try Self.hits(searcher, nil, topics: ["cluster-munitions"])
        // Two names and two mentions rank first; the article's title line (passage 1, a short
        // passage) ranks below a paragraph elsewhere that names the topic (ShortPassage).
        #expect(
            hits.map { ($0.path.split(separator: "/").last.map(String.init) ?? "") + ":\($0.passage)" }
                == ["strike-report.txt:2", "rights-brief.txt:2", "strike-report.txt:1"])
        #expect(hits.map(\.score) == hits.map(\.score).sorted(by: >))
    }

    /// Tags and search never disagree: for every topic, the passages --topic returns are the
    /// passages whose text the matcher tags, and the passages the expanded label finds.
    @Test func tagsEqualSearchResults() throws {
        let (folder, db) = try Self.indexed()
        defer { withExtendedLifetime(folder) {} }  // removed at the end of the test, not after its last use
        let searcher = try Searcher(path: db)
        let connection = try Connection(path: db, mode: .readOnly)
        let passages = try connection.prepare("SELECT a.path, p.ordinal, p.text FROM passages p JOIN articles a ON a.id = p.article_id")
        var texts: [(String, String)] = []
        while try passages.step() {
            texts.append(
                ((passages.string(0).split(separator: "/").last.map(String.init) ?? "") + ":\(passages.int(1))", passages.string(2)))
        }
        let matcher = TopicMatcher(lexicon: TopicFixtures.lexicon)
        for topic in TopicFixtures.lexicon.topics {
            let tagged = texts.filter { matcher.tags(in: $0.1).contains { $0.topic == topic.id } }.map(\.0).sorted()
            #expect(Self.places(try Self.hits(searcher, nil, topics: [topic.id])) == tagged, "topic \(topic.id)")
            #expect(Self.places(try Self.hits(searcher, "\"\(topic.label)\"")) == tagged, "label of \(topic.id)")
        }
    }

    @Test func aChangedLexiconRetagsWithoutReadingFiles() throws {
        let (folder, db) = try Self.indexed()
        let root = folder.path
        defer { withExtendedLifetime(folder) {} }  // removed at the end of the test, not after its last use
        #expect(try Self.hits(try Searcher(path: db), nil, topics: ["kyiv"]).count == 3)
        // Kyiv loses its alias "Kiev"; a new topic appears.
        let changed = try Lexicon(
            yaml: TopicFixtures.lexiconYAML.replacingOccurrences("- {alias: Kiev, not: [chicken Kiev]}", with: "- Kyjiw")
                + "\n    - id: butter\n      label: butter\n", source: "changed.yaml")
        var options = Indexer.Options()
        options.lexicon = changed
        let indexer = Indexer(databasePath: db, options: options)
        let report = try indexer.run(roots: [root + "/articles"])
        #expect(report.unchanged == TopicFixtures.articles.count && report.new == 0 && report.changed == 0)
        #expect(indexer.retag?.passages == 13)
        let searcher = try Searcher(path: db)
        #expect(Self.places(try Self.hits(searcher, nil, topics: ["kyiv"])) == ["rights-brief.txt:3"])
        #expect(Self.places(try Self.hits(searcher, nil, topics: ["butter"])) == ["menu.txt:2"])
        #expect(try searcher.lexicon().topics == changed.topics)
        // The same lexicon again: nothing to re-tag.
        let again = Indexer(databasePath: db, options: options)
        _ = try again.run(roots: [root + "/articles"])
        #expect(again.retag == nil)
    }
}

extension String {
    func replacingOccurrences(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
