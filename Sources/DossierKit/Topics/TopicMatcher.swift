/// Finds the topics of a ``Lexicon`` that a text names.
///
/// Built once per lexicon and shared; matching is a single pass over the text's words with a
/// dictionary from first word to the aliases that start with it. The same matcher tags passages
/// at index time and reads queries at search time, so tags and search never disagree.
///
/// Rules (see `docs/topics.md`):
/// - words compare as the index compares them: case-folded, without diacritics, Porter-stemmed
///   (`DPICMs` = `DPICM`, `Zaporizhzhia` = `Zaporížžia`); anything that is not a letter or digit
///   separates words, so hyphens, apostrophes, curly quotes and no-break spaces never matter;
/// - an alias written with hyphens also matches its words run together (`S-300`, `S300`);
/// - a trailing `*` makes the last word a prefix (`Kalashnikov*` matches `Kalashnikovs`);
/// - `case: sensitive` aliases must be written as in the lexicon (`UN`, not `un` or `Un`);
/// - a match inside one of its alias's `not:` phrases does not count (`think tank`);
/// - the label is a name too.
///
/// ```swift
/// let matcher = TopicMatcher(lexicon: .builtIn)
/// matcher.tags(in: "Kiev asked for DPICMs.").map(\.topic)  // ["cluster-munitions", "kyiv"]
/// ```
public struct TopicMatcher: Sendable {
    /// One occurrence of a topic's name in a text.
    public struct Match: Sendable, Equatable {
        /// The topic's id.
        public var topic: String
        /// The name as written in the lexicon (label or alias).
        public var name: String
        /// Offset of the first character, in Unicode scalars.
        public var start: Int
        /// Offset just past the last character, in Unicode scalars.
        public var end: Int
        /// Index of the first and one past the last word matched.
        public var firstWord: Int
        public var endWord: Int
    }

    /// What a text says about one topic.
    public struct Tag: Sendable, Equatable {
        /// The topic's id.
        public var topic: String
        /// How many times the topic is named (overlapping names count once).
        public var mentions: Int
        /// How many different names of the topic are used.
        public var names: Int
    }

    /// The lexicon matched against.
    public let lexicon: Lexicon
    let patterns: [AliasPattern]
    let byFirstStem: [String: [Int]]
    /// Indices of patterns whose only word is a prefix (looked up by their first character).
    let byPrefixInitial: [UInt8: [Int]]
    let topicIDs: [String]

    public init(lexicon: Lexicon) {
        self.lexicon = lexicon
        var patterns: [AliasPattern] = []
        for (t, topic) in lexicon.topics.enumerated() {
            for (n, name) in topic.names.enumerated() {
                patterns.append(AliasPattern(name, topic: t, name: n))
                if let joined = Self.joinedHyphens(name.text) {
                    patterns.append(AliasPattern(name, topic: t, name: n, text: joined))
                }
            }
        }
        var byFirst: [String: [Int]] = [:]
        var byInitial: [UInt8: [Int]] = [:]
        for (index, pattern) in patterns.enumerated() {
            if pattern.prefix && pattern.stems.count == 1 {
                byInitial[pattern.stems[0].utf8.first ?? 0, default: []].append(index)
            } else {
                byFirst[pattern.stems[0], default: []].append(index)
            }
        }
        self.patterns = patterns
        self.byFirstStem = byFirst
        self.byPrefixInitial = byInitial
        self.topicIDs = lexicon.topics.map(\.id)
    }

    /// True when a name of a topic may start with a word of this stem.
    func mayStart(stem: String) -> Bool {
        byFirstStem[stem] != nil || (!byPrefixInitial.isEmpty && byPrefixInitial[stem.utf8.first ?? 0] != nil)
    }

    /// Every name of a topic in `text`, in text order; at one place, longer names first, and one
    /// name per topic for the same words (the first in the lexicon: the label before aliases).
    public func matches(in text: String) -> [Match] {
        guard !patterns.isEmpty else { return [] }
        let tokens = TopicTokenizer.tokens(in: text)
        guard !tokens.isEmpty else { return [] }
        var scalars: [Unicode.Scalar] = []
        return matches(tokens: tokens, scalars: &scalars, text: text)
    }

    func matches(tokens: [TopicTokenizer.Token], scalars: inout [Unicode.Scalar], text: String) -> [Match] {
        matches(tokens: tokens, scalars: &scalars, text: text) {
            let found = candidates(stem: tokens[$0].stem)
            return found.isEmpty ? nil : found
        }
    }

    /// The patterns that may start at a word with this stem, in lexicon order.
    func candidates(stem: String) -> [Int] {
        let exact = byFirstStem[stem]
        let prefixed = byPrefixInitial.isEmpty ? nil : byPrefixInitial[stem.utf8.first ?? 0]
        guard let prefixed else { return exact ?? [] }
        return ((exact ?? []) + prefixed).sorted()
    }

    /// Matching, with the patterns that may start at each word (by index) given by `candidates`
    /// (nil for none), which is asked for every word in order.
    func matches<Words: TopicWords>(
        tokens: Words, scalars: inout [Unicode.Scalar], text: String, candidates: (Int) -> [Int]?
    ) -> [Match] {
        var found: [Match] = []
        for start in 0..<tokens.count {
            guard let indices = candidates(start) else { continue }
            var here: [Match] = []
            for index in indices {
                // The matcher's array keeps every pattern alive: no retain per candidate.
                unowned(unsafe) let pattern = patterns[index]
                if pattern.written != nil && scalars.isEmpty && !Words.knowsWrittenWords { scalars = Array(text.unicodeScalars) }
                guard pattern.matches(tokens, at: start, scalars: scalars), !pattern.isVetoed(tokens, at: start) else { continue }
                let match = Match(
                    topic: topicIDs[pattern.topic], name: pattern.writtenName, start: tokens.start(start),
                    end: tokens.end(start + pattern.stems.count - 1),
                    firstWord: start, endWord: start + pattern.stems.count)
                // Names of one topic that match the same words ("cluster munitions", "cluster munition") are one name.
                if !here.contains(where: { $0.topic == match.topic && $0.endWord == match.endWord }) {
                    here.append(match)
                }
            }
            here.sort { $0.endWord != $1.endWord ? $0.endWord > $1.endWord : $0.topic < $1.topic }
            found += here
        }
        return found
    }

    /// The topics `text` names, sorted by id, with how often and by how many names.
    public func tags(in text: String) -> [Tag] {
        Self.tags(from: matches(in: text))
    }

    /// Folds matches into tags: per topic, the matches that do not overlap an earlier one of the
    /// same topic, and the distinct names among them.
    public static func tags(from matches: [Match]) -> [Tag] {
        var byTopic: [String: (mentions: Int, names: Set<String>, end: Int)] = [:]
        for match in matches {
            var entry = byTopic[match.topic] ?? (0, [], -1)
            if match.firstWord >= entry.end {
                entry.mentions += 1
                entry.end = match.endWord
            }
            entry.names.insert(match.name)
            byTopic[match.topic] = entry
        }
        return byTopic.map { Tag(topic: $0.key, mentions: $0.value.mentions, names: $0.value.names.count) }.sorted { $0.topic < $1.topic }
    }

    /// `S-300` → `S300`: an alias with a hyphen inside a word also matches it run together.
    static func joinedHyphens(_ text: String) -> String? {
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var changed = false
        for (i, scalar) in scalars.enumerated() {
            if scalar == "-", i > 0, i + 1 < scalars.count, isWordScalar(scalars[i - 1]), isWordScalar(scalars[i + 1]) {
                changed = true
                continue
            }
            out.append(scalar)
        }
        return changed ? String(out) : nil
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}

/// The words of a text as matching reads them: stem and scalar offsets, by index.
/// ``TopicTokenizer/Token`` arrays are one; the tagger has a compact one of its own.
protocol TopicWords {
    var count: Int { get }
    func stem(_ index: Int) -> String
    /// True when ``writtenWord(_:)`` gives every word (else the text's scalars are read).
    static var knowsWrittenWords: Bool { get }
    /// The word as written in the text, when known.
    func writtenWord(_ index: Int) -> Substring?
    func start(_ index: Int) -> Int
    func end(_ index: Int) -> Int
}

extension Array: TopicWords where Element == TopicTokenizer.Token {
    func stem(_ index: Int) -> String { self[index].stem }
    static var knowsWrittenWords: Bool { false }
    func writtenWord(_ index: Int) -> Substring? { nil }
    func start(_ index: Int) -> Int { self[index].start }
    func end(_ index: Int) -> Int { self[index].end }
}
