import DossierSupport
import Yams

/// The topics Dossier knows: categories of weapons, organizations, places, people and treaties,
/// each with the names articles use for them.
///
/// A lexicon is read from YAML (see `docs/topics.md`, "Lexicon file format"):
///
/// ```yaml
/// version: 1
/// categories:
///   weapon:
///     - id: cluster-munitions
///       label: cluster munitions
///       aliases:
///         - DPICM
///         - bomblet
///         - {alias: cannon, not: [water cannon]}
///   organization:
///     - id: un
///       label: United Nations
///       aliases:
///         - {alias: UN, case: sensitive}
/// ```
///
/// ```swift
/// let lexicon = try Lexicon.builtIn.merging(Lexicon(yaml: text, source: "mine.yaml"))
/// ```
public struct Lexicon: Sendable, Equatable {
    /// The topics, in file order (categories in order of first appearance).
    public private(set) var topics: [Topic]

    /// False when the file said `builtin: false`: its topics are used alone, without the built-in ones.
    public var extendsBuiltIn = true

    /// Creates a lexicon from topics (later topics with an id already present are dropped).
    public init(topics: [Topic], extendsBuiltIn: Bool = true) {
        var seen = Set<String>()
        self.topics = topics.filter { seen.insert($0.id).inserted }
        self.extendsBuiltIn = extendsBuiltIn
    }

    /// Reads a lexicon from YAML text.
    /// - throws: ``LexiconErrors`` with every problem found, each with its line.
    public init(yaml: String, source: String = "lexicon") throws(LexiconErrors) {
        var reader = LexiconReader(source: source)
        let topics = reader.read(yaml)
        if !reader.errors.isEmpty { throw LexiconErrors(reader.errors) }
        self.init(topics: topics, extendsBuiltIn: reader.extendsBuiltIn)
    }

    /// Every problem in a lexicon file, in file order (empty when it is valid).
    public static func validate(yaml: String, source: String) -> [LexiconError] {
        var reader = LexiconReader(source: source)
        _ = reader.read(yaml)
        return reader.errors
    }

    /// The lexicon compiled into the binary (``defaultYAML``).
    public static let builtIn: Lexicon = {
        do {
            return try Lexicon(yaml: defaultYAML, source: "built-in lexicon")
        } catch {
            fatalError("the built-in lexicon is invalid: \(error)")
        }
    }()

    /// This lexicon with `other`'s topics added: a topic of `other` replaces the topic with the same
    /// id. When `other` says `builtin: false`, `other` alone.
    public func merging(_ other: Lexicon) -> Lexicon {
        guard other.extendsBuiltIn else { return Lexicon(topics: other.topics) }
        let replacements = Dictionary(other.topics.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var merged = topics.map { replacements[$0.id] ?? $0 }
        let present = Set(topics.map(\.id))
        merged += other.topics.filter { !present.contains($0.id) }
        return Lexicon(topics: merged)
    }

    /// The category names, in order of first appearance.
    public var categories: [String] {
        var seen = Set<String>()
        return topics.map(\.category).filter { seen.insert($0).inserted }
    }

    /// The topic with this id.
    public func topic(id: String) -> Topic? {
        topics.first { $0.id == id }
    }

    /// The topics a user means by `name`: the topic with that id, else those whose label, else
    /// those with an alias, spelled with the same words (case and inflection ignored).
    public func topics(named name: String) -> [Topic] {
        let trimmed = name.trimmingSpaces()
        if let topic = topics.first(where: { $0.id == trimmed.lowercased() }) { return [topic] }
        let stems = TopicTokenizer.tokens(in: trimmed).map(\.stem)
        guard !stems.isEmpty else { return [] }
        let byLabel = topics.filter { TopicTokenizer.tokens(in: $0.label).map(\.stem) == stems }
        if !byLabel.isEmpty { return byLabel }
        return topics.filter { topic in topic.aliases.contains { TopicTokenizer.tokens(in: $0.text).map(\.stem) == stems } }
    }

    /// The lexicon as canonical YAML: the form stored in an index and hashed to notice changes.
    public var yaml: String {
        var out = "version: 1\ncategories:\n"
        for category in categories {
            out += "  \(Self.quote(category)):\n"
            for topic in topics where topic.category == category {
                out += "    - id: \(Self.quote(topic.id))\n      label: \(Self.quote(topic.label))\n      aliases:"
                if topic.aliases.isEmpty {
                    out += " []\n"
                    continue
                }
                out += "\n"
                for alias in topic.aliases {
                    var fields = ["alias: " + Self.quote(alias.written)]
                    if alias.caseSensitive { fields.append("case: sensitive") }
                    if !alias.not.isEmpty { fields.append("not: [" + alias.not.map(Self.quote).joined(separator: ", ") + "]") }
                    out += "        - {" + fields.joined(separator: ", ") + "}\n"
                }
            }
        }
        return out
    }

    /// `text` as a YAML double-quoted scalar.
    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\x" + String(repeating: "0", count: 2 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

/// Reads lexicon YAML into topics, collecting every problem with its line.
struct LexiconReader {
    let source: String
    var errors: [LexiconError] = []
    var extendsBuiltIn = true

    init(source: String) {
        self.source = source
    }

    mutating func fail(_ node: Node?, _ message: String) {
        errors.append(LexiconError(source: source, line: node?.mark?.line ?? 0, message: message))
    }

    mutating func read(_ yaml: String) -> [Topic] {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            errors.append(Self.describe(error, source: source))
            return []
        } catch {
            errors.append(LexiconError(source: source, line: 0, message: "not YAML: \(error)"))
            return []
        }
        guard let root, case .mapping(let mapping) = root else {
            fail(root, "a lexicon is a mapping with `version: 1` and `categories:`")
            return []
        }
        var topics: [Topic] = []
        var sawCategories = false
        for (key, value) in mapping {
            switch key.string {
            case "version":
                if value.string != "1" { fail(value, "unsupported version \(value.string ?? "?"); this Dossier reads `version: 1`") }
            case "builtin":
                switch value.string {
                case "true": extendsBuiltIn = true
                case "false": extendsBuiltIn = false
                default: fail(value, "`builtin` is `true` (add to the built-in topics, the default) or `false` (replace them)")
                }
            case "categories":
                sawCategories = true
                topics = readCategories(value)
            default:
                fail(key, "unknown key `\(key.string ?? "?")` (expected `version`, `builtin` and `categories`)")
            }
        }
        if !sawCategories { fail(root, "missing `categories:` (a mapping of category names to lists of topics)") }
        var lines: [String: Int] = [:]
        for topic in topics {
            if let first = lines[topic.id] {
                errors.append(
                    LexiconError(source: source, line: topic.line, message: "duplicate topic id `\(topic.id)` (first at line \(first))"))
            } else {
                lines[topic.id] = topic.line
            }
        }
        errors.sort { $0.line < $1.line }
        return topics
    }

    mutating func readCategories(_ node: Node) -> [Topic] {
        guard case .mapping(let mapping) = node else {
            fail(node, "`categories` must map category names to lists of topics")
            return []
        }
        var topics: [Topic] = []
        for (key, value) in mapping {
            guard let name = key.string, Self.isIdentifier(name) else {
                fail(key, "category names are lower-case words with digits and hyphens, e.g. `weapon`")
                continue
            }
            if case .scalar(let scalar) = value, scalar.string.isEmpty || scalar.string == "~" { continue }
            guard case .sequence(let sequence) = value else {
                fail(value, "category `\(name)` must hold a list of topics (`- id: ...`)")
                continue
            }
            for item in sequence {
                if let topic = readTopic(item, category: name) { topics.append(topic) }
            }
        }
        return topics
    }

    mutating func readTopic(_ node: Node, category: String) -> Topic? {
        guard case .mapping(let mapping) = node else {
            fail(node, "a topic is a mapping with `id`, `label` and `aliases`")
            return nil
        }
        var id: String?
        var label: String?
        var aliases: [TopicAlias] = []
        var idNode: Node?
        for (key, value) in mapping {
            switch key.string {
            case "id":
                idNode = value
                guard let text = scalar(value), Self.isIdentifier(text) else {
                    fail(value, "a topic id is lower-case letters, digits and hyphens, e.g. `cluster-munitions`")
                    continue
                }
                id = text
            case "label":
                guard let text = scalar(value), !TopicTokenizer.tokens(in: text).isEmpty else {
                    fail(value, "a label must hold at least one word or number")
                    continue
                }
                label = text
            case "aliases":
                if case .scalar(let s) = value, s.string.isEmpty || s.string == "~" { continue }
                guard case .sequence(let sequence) = value else {
                    fail(value, "`aliases` must be a list")
                    continue
                }
                for item in sequence {
                    if let alias = readAlias(item) { aliases.append(alias) }
                }
            default:
                fail(key, "unknown key `\(key.string ?? "?")` in a topic (expected `id`, `label`, `aliases`)")
            }
        }
        guard let id else {
            if idNode == nil { fail(node, "topic without an `id`") }
            return nil
        }
        guard let label else {
            if !mapping.contains(where: { $0.key.string == "label" }) { fail(node, "topic `\(id)` has no `label`") }
            return nil
        }
        return Topic(id: id, label: label, category: category, aliases: aliases, line: idNode?.mark?.line ?? node.mark?.line ?? 0)
    }

    /// True when the alias holds an all-capitals word of two or more letters that English stemming
    /// would change (`IED` stems to `i`, `TOS` to `to`, `CBS` to `cb`): matched case-insensitively,
    /// such an acronym would match ordinary words. Without an explicit `case:`, those aliases are
    /// case-sensitive; acronyms stemming leaves alone (`NATO`, `DPICM`) still match `Nato`, `dpicm`.
    static func stemmingWouldMangleAcronym(_ alias: String) -> Bool {
        let words = alias.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        return words.contains { word in
            let letters = word.filter(\.isLetter)
            guard letters.count >= 2, letters.allSatisfy(\.isUppercase) else { return false }
            let lower = word.lowercased()
            return TopicTokenizer.stem(lower) != lower
        }
    }

    mutating func readAlias(_ node: Node) -> TopicAlias? {
        var written: String?
        var caseChoice: Bool? = nil
        var nots: [String] = []
        var notNodes: [Node] = []
        switch node {
        case .scalar(let s):
            written = s.string
        case .mapping(let mapping):
            for (key, value) in mapping {
                switch key.string {
                case "alias":
                    written = scalar(value)
                    if written == nil { fail(value, "`alias` must be a phrase") }
                case "case":
                    switch scalar(value) {
                    case "sensitive": caseChoice = true
                    case "insensitive": caseChoice = false
                    default: fail(value, "`case` is `sensitive` or `insensitive`")
                    }
                case "not":
                    if let text = scalar(value) {
                        nots.append(text)
                        notNodes.append(value)
                    } else if case .sequence(let sequence) = value {
                        for item in sequence {
                            if let text = scalar(item) {
                                nots.append(text)
                                notNodes.append(item)
                            } else {
                                fail(item, "each `not` entry must be a phrase")
                            }
                        }
                    } else {
                        fail(value, "`not` must be a phrase or a list of phrases")
                    }
                default:
                    fail(key, "unknown key `\(key.string ?? "?")` in an alias (expected `alias`, `case`, `not`)")
                }
            }
            if written == nil && !mapping.contains(where: { $0.key.string == "alias" }) {
                fail(node, "an alias mapping needs `alias: PHRASE`")
            }
        default:
            fail(node, "an alias is a phrase, or a mapping such as `{alias: UN, case: sensitive}`")
        }
        guard var text = written?.trimmingSpaces() else { return nil }
        let prefix = text.hasSuffix("*")
        while text.hasSuffix("*") { text.removeLast() }
        if text.contains("*") {
            fail(node, "`*` may only end an alias (`Kalashnikov*`)")
            return nil
        }
        guard !TopicTokenizer.tokens(in: text).isEmpty else {
            fail(node, "the alias \"\(written ?? "")\" has no words")
            return nil
        }
        let caseSensitive = caseChoice ?? Self.stemmingWouldMangleAcronym(text)
        let alias = TopicAlias(text: text, prefix: prefix, caseSensitive: caseSensitive, not: nots, line: node.mark?.line ?? 0)
        let pattern = AliasPattern(alias, topic: 0, name: 0)
        for (phrase, notNode) in zip(nots, notNodes) where pattern.offsets(in: TopicTokenizer.tokens(in: phrase)).isEmpty {
            fail(notNode, "the `not` phrase \"\(phrase)\" does not contain the alias \"\(alias.written)\", so it can never apply")
        }
        return alias
    }

    func scalar(_ node: Node) -> String? {
        if case .scalar(let s) = node { return s.string }
        return nil
    }

    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.properties.isLowercase || ("0"..."9").contains(first) else { return false }
        return text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
    }

    static func describe(_ error: YamlError, source: String) -> LexiconError {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let location = context.map { " \($0.text)" } ?? ""
            return LexiconError(source: source, line: mark.line, message: "invalid YAML: \(problem)\(location)")
        default:
            let first = "\(error)".split(separator: "\n").first.map(String.init) ?? "invalid YAML"
            return LexiconError(source: source, line: 0, message: "invalid YAML: \(first)")
        }
    }
}
