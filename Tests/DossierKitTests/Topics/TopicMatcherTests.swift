import Testing

@testable import DossierIngest
@testable import DossierTopics

@Suite struct TopicMatcherTests {
    static let matcher = TopicMatcher(lexicon: TopicFixtures.lexicon)

    /// Text, and the topic ids it must be tagged with (sorted).
    @Test(arguments: [
        // Labels and aliases, in any inflection.
        ("Cluster munitions were used.", ["cluster-munitions"]),
        ("A cluster munition failed.", ["cluster-munitions"]),
        ("They fired DPICMs and DPICM rounds.", ["cluster-munitions"]),
        ("Bomblets lay in the field.", ["cluster-munitions"]),
        ("Dual-purpose improved conventional munitions", ["cluster-munitions"]),
        // Hyphens, apostrophes, curly quotes and no-break spaces are separators.
        ("dual purpose improved conventional munitions", ["cluster-munitions"]),
        ("Kiev’s mayor", ["kyiv"]),
        ("Kiev's mayor", ["kyiv"]),
        ("“Kyiv” said", ["kyiv"]),
        ("Human\u{00A0}Rights\u{00A0}Watch", ["hrw"]),
        ("Human Rights\nWatch", ["hrw"]),
        // Diacritics fold away.
        ("Zaporižžia and Zaporozhye", ["zaporizhzhia"]),
        // A hyphenated alias also matches its words run together.
        ("an S-300 battery", ["s-300"]),
        ("the S300 system", ["s-300"]),
        // Case-sensitive aliases.
        ("The UN said", ["un"]),
        ("The U.N. said", ["un"]),
        ("The UN's envoy", ["un"]),
        ("un plat, un dessert", []),
        ("Un repas", []),
        ("the s-300 rule", []),
        ("The United Nations said", ["un"]),
        ("the united nations", ["un"]),
        // not: phrases veto the match inside them only.
        ("a think tank report", []),
        ("the fuel tank leaked", []),
        ("a think tank saw a tank", ["tanks"]),
        ("Tanks rolled in", ["tanks"]),
        ("chicken Kiev for dinner", []),
        ("chicken Kiev in Kiev", ["kyiv"]),
        // Prefix aliases.
        ("Kalashnikovs and a Kalashnikov", ["kalashnikov"]),
        ("kalashnikov-pattern rifles", ["kalashnikov"]),
        // Nothing.
        ("", []),
        ("Nothing to see here.", []),
    ])
    func tagsText(text: String, expected: [String]) {
        #expect(Self.matcher.tags(in: text).map(\.topic) == expected)
    }

    @Test func countsMentionsAndDistinctNames() {
        let tags = Self.matcher.tags(in: "DPICMs, that is cluster munitions: each DPICM holds bomblets.")
        #expect(tags == [TopicMatcher.Tag(topic: "cluster-munitions", mentions: 4, names: 3)])
    }

    @Test func sameWordsCountAsOneName() {
        // "cluster munitions" is both the label and (stemmed) the singular: one name, one mention.
        let matcher = TopicMatcher(
            lexicon: Lexicon(topics: [
                Topic(id: "cm", label: "cluster munitions", category: "weapon", aliases: [TopicAlias(text: "cluster munition")])
            ]))
        #expect(matcher.tags(in: "cluster munitions") == [TopicMatcher.Tag(topic: "cm", mentions: 1, names: 1)])
    }

    @Test func matchesCarryOffsetsInScalars() {
        let text = "Près de Kiev, l’ONU"
        let match = try! #require(Self.matcher.matches(in: text).first)
        let scalars = Array(text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[match.start..<match.end])) == "Kiev")
        #expect(match.name == "Kiev")
    }

    @Test func theBuiltInLexiconTagsTheIssueExamples() {
        let matcher = TopicMatcher(lexicon: .builtIn)
        #expect(matcher.tags(in: "UNITA fighters").map(\.topic).contains("un") == false)
        #expect(matcher.tags(in: "a think tank in Washington").map(\.topic).contains("tanks") == false)
        #expect(matcher.tags(in: "police used a water cannon").map(\.topic).contains("artillery") == false)
        #expect(matcher.tags(in: "they aim to help us").isEmpty)
        #expect(matcher.tags(in: "The US sent DPICMs to Kiev").map(\.topic).contains("cluster-munitions"))
        #expect(matcher.tags(in: "The US sent DPICMs to Kiev").map(\.topic).contains("kyiv"))
    }

    /// The indexer's fast path (a tagger with a word memo) tags exactly as the matcher does.
    @Test func theTaggerAgreesWithTheMatcherOnTheSampleCorpus() throws {
        let matcher = TopicMatcher(lexicon: .builtIn)
        let tagger = TopicTagger(matcher: matcher)
        let texts = try CorpusText.all()
        try #require(!texts.isEmpty)
        for text in texts + texts {  // twice: the second pass runs from the memo
            #expect(tagger.tags(in: text) == matcher.tags(in: text))
        }
    }
}

/// The texts of the repository's sample Corpus/ folder.
enum CorpusText {
    static var root: String {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(4)  // Tests/DossierKitTests/Topics/file.swift
        return parts.joined(separator: "/")
    }

    static func all() throws -> [String] {
        var texts: [String] = []
        try FolderWalker().walk(root: root + "/Corpus") { entry in
            if case .file(let file) = entry, let loaded = try? ArticleLoader().load(file) {
                texts += loaded.articles.flatMap { [$0.title] + $0.passages.map(\.text) }
            }
        }
        return texts
    }
}
