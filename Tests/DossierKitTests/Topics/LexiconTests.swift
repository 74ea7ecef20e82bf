import Testing

@testable import DossierTopics

@Suite struct LexiconTests {
    @Test func theBuiltInLexiconIsValidAndLarge() {
        #expect(Lexicon.validate(yaml: Lexicon.defaultYAML, source: "built-in").isEmpty)
        #expect(Lexicon.builtIn.topics.count >= 150)
        #expect(Set(Lexicon.builtIn.topics.map(\.id)).count == Lexicon.builtIn.topics.count)
        #expect(Lexicon.builtIn.categories.contains("weapon"))
    }

    @Test func canonicalYAMLReadsBackTheSame() throws {
        let again = try Lexicon(yaml: Lexicon.builtIn.yaml, source: "canonical")
        #expect(again == Lexicon.builtIn)
        #expect(again.yaml == Lexicon.builtIn.yaml)
    }

    @Test func compactFormReadsBackTheSame() throws {
        let again = try Lexicon(compact: Lexicon.builtIn.compact, source: "compact")
        #expect(again == Lexicon.builtIn)
        #expect(throws: LexiconErrors.self) { try Lexicon(compact: "version: 1\n", source: "x") }
    }

    @Test func aFileAddsAndReplacesTopics() throws {
        let file = try Lexicon(
            yaml: """
                version: 1
                categories:
                  place:
                    - id: kyiv
                      label: Kyiv
                      aliases: [Kiev, Kyyiv]
                  vessel:
                    - id: moskva
                      label: Moskva cruiser
                """, source: "mine.yaml")
        let merged = Lexicon.builtIn.merging(file)
        #expect(merged.topics.count == Lexicon.builtIn.topics.count + 1)
        #expect(merged.topic(id: "kyiv")?.aliases.map(\.text) == ["Kiev", "Kyyiv"])
        #expect(merged.categories.last == "vessel")
    }

    @Test func builtinFalseReplacesTheBuiltInTopics() throws {
        #expect(Lexicon.builtIn.merging(TopicFixtures.lexicon).topics.count == TopicFixtures.lexicon.topics.count)
    }

    @Test func topicsAreFoundByIdLabelOrAlias() {
        let lexicon = TopicFixtures.lexicon
        #expect(lexicon.topics(named: "kyiv").map(\.id) == ["kyiv"])
        #expect(lexicon.topics(named: "Cluster Munition").map(\.id) == ["cluster-munitions"])
        #expect(lexicon.topics(named: "DPICMs").map(\.id) == ["cluster-munitions"])
        #expect(lexicon.topics(named: "UN").map(\.id) == ["un"])
        #expect(lexicon.topics(named: "nothing").isEmpty)
    }

    /// Invalid files: the line of the first problem, and words of its message.
    @Test(arguments: [
        ("version: 1\ncategories:\n  weapon:\n    - id: a\n      label: [unclosed\n", 6, "invalid YAML"),
        ("version: 2\ncategories: {}\n", 1, "unsupported version"),
        ("version: 1\n", 1, "missing `categories:`"),
        ("version: 1\ncolour: red\ncategories: {}\n", 2, "unknown key `colour`"),
        ("version: 1\ncategories:\n  weapon:\n    - label: x\n", 4, "without an `id`"),
        ("version: 1\ncategories:\n  weapon:\n    - id: Bad Id\n      label: x\n", 4, "topic id"),
        ("version: 1\ncategories:\n  weapon:\n    - id: a\n", 4, "has no `label`"),
        ("version: 1\ncategories:\n  weapon:\n    - id: a\n      label: x\n    - id: a\n      label: y\n", 6, "duplicate topic id `a`"),
        (
            "version: 1\ncategories:\n  weapon:\n    - id: a\n      label: x\n      aliases:\n        - {alias: UN, case: loud}\n", 7,
            "`case` is"
        ),
        (
            "version: 1\ncategories:\n  weapon:\n    - id: a\n      label: x\n      aliases:\n        - {alias: tank, not: [fish bowl]}\n",
            7, "does not contain the alias"
        ),
        ("version: 1\ncategories:\n  weapon:\n    - id: a\n      label: x\n      aliases:\n        - \"*\"\n", 7, "no words"),
        ("version: 1\ncategories:\n  weapon:\n    - id: a\n      label: x\n      aliases:\n        - a*b\n", 7, "may only end"),
        ("version: 1\ncategories:\n  weapon:\n    - id: a\n      label: x\n      colour: red\n", 6, "unknown key `colour` in a topic"),
        ("- just\n- a list\n", 1, "a lexicon is a mapping"),
    ])
    func reportsProblemsWithLines(yaml: String, line: Int, words: String) {
        let problems = Lexicon.validate(yaml: yaml, source: "bad.yaml")
        let first = problems.first
        #expect(first?.line == line, "\(problems)")
        #expect(first?.message.contains(words) == true, "\(problems)")
        #expect(first?.description.hasPrefix("bad.yaml:") == true)
    }

    @Test func throwsEveryProblem() {
        #expect(throws: LexiconErrors.self) { try Lexicon(yaml: "version: 3\ncolour: 1\ncategories: {}\n", source: "x.yaml") }
        #expect(Lexicon.validate(yaml: "version: 3\ncolour: 1\ncategories: {}\n", source: "x.yaml").count == 2)
    }
}
