import Testing

@testable import DossierTopics

/// Acronyms that English stemming would turn into ordinary words must not match those words.
@Suite struct AcronymCaseTests {
    static let yaml = """
        version: 1
        categories:
          weapon:
            - id: ieds
              label: improvised explosive devices
              aliases: [IED, TOS-1]
          organization:
            - id: nato
              label: North Atlantic Treaty Organization
              aliases: [NATO]
            - id: cbs
              label: CBS News
              aliases: [{alias: CBS, case: insensitive}]
        """

    func topics(in text: String) throws -> [String] {
        let matcher = TopicMatcher(lexicon: try Lexicon(yaml: Self.yaml, source: "test"))
        return matcher.matches(in: text).map(\.topic)
    }

    @Test func anAcronymThatStemmingWouldMangleIsMatchedAsWritten() throws {
        #expect(try topics(in: "I said I would go") == [])  // IED stems to "i"
        #expect(try topics(in: "from 2 to 1 in the final") == [])  // TOS stems to "to"
        #expect(try topics(in: "An IED and two IEDs hit the convoy; a TOS-1 fired") == ["ieds", "ieds", "ieds"])
    }

    @Test func acronymsStemmingLeavesAloneStayCaseInsensitive() throws {
        #expect(try topics(in: "Nato ministers met") == ["nato"])
    }

    @Test func anExplicitCaseChoiceWins() throws {
        #expect(try topics(in: "the cbs report") == ["cbs"])
    }
}
