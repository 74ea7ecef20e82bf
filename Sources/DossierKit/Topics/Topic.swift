/// One topic of a ``Lexicon``: a weapon, organization, place, person or treaty, with the names
/// articles use for it.
///
/// The label counts as a name too: `Kyiv` is found by its label, `Kiev` by its alias. When an alias
/// has the label's words (`tank` for `tanks`), the alias's options (case, `not:`) hold for the label.
public struct Topic: Sendable, Equatable {
    /// A stable identifier: lower-case letters, digits and hyphens (`cluster-munitions`).
    public var id: String
    /// The name shown to people (`cluster munitions`).
    public var label: String
    /// The category the topic is listed under (`weapon`, `organization`, `place` ...).
    public var category: String
    /// The other names of the topic.
    public var aliases: [TopicAlias]
    /// The line of the topic's `id` in its YAML file (0 when unknown), for error messages.
    public var line: Int

    public init(id: String, label: String, category: String, aliases: [TopicAlias] = [], line: Int = 0) {
        self.id = id
        self.label = label
        self.category = category
        self.aliases = aliases
        self.line = line
    }

    /// Every name of the topic, label first. When an alias spells the label, its options apply to the label.
    public var names: [TopicAlias] {
        let labelWords = TopicTokenizer.tokens(in: label).map(\.stem)
        if aliases.contains(where: { TopicTokenizer.tokens(in: $0.text).map(\.stem) == labelWords && !$0.prefix }) {
            return aliases
        }
        return [TopicAlias(text: label, line: line)] + aliases
    }

    public static func == (a: Topic, b: Topic) -> Bool {
        a.id == b.id && a.label == b.label && a.category == b.category && a.aliases == b.aliases
    }
}

/// A name of a topic, with its matching options.
public struct TopicAlias: Sendable, Equatable {
    /// The phrase as written, without a trailing `*`.
    public var text: String
    /// True when the phrase ended with `*`: its last word matches any word it begins.
    public var prefix: Bool
    /// True for `case: sensitive`: each word must be written as in ``text`` (an inflection such as
    /// a lower-case plural `s` may follow). For acronyms that collide with words: `UN`, `US`, `AIM`.
    public var caseSensitive: Bool
    /// Phrases that contain the alias but do not name the topic (`think tank` for `tank`).
    public var not: [String]
    /// The line of the alias in its YAML file (0 when unknown).
    public var line: Int

    public init(text: String, prefix: Bool = false, caseSensitive: Bool = false, not: [String] = [], line: Int = 0) {
        self.text = text
        self.prefix = prefix
        self.caseSensitive = caseSensitive
        self.not = not
        self.line = line
    }

    /// The alias as written in a lexicon file (`Kalashnikov*`).
    public var written: String { prefix ? text + "*" : text }

    public static func == (a: TopicAlias, b: TopicAlias) -> Bool {
        a.text == b.text && a.prefix == b.prefix && a.caseSensitive == b.caseSensitive && a.not == b.not
    }
}
