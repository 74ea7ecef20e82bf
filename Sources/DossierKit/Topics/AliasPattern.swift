/// One name of a topic compiled for matching: its stemmed words, how they must be written, and
/// the phrases that veto it. A class, so that the matcher's inner loop shares patterns instead of
/// copying (and retaining) their arrays for every candidate word.
final class AliasPattern: Sendable {
    /// Index of the topic in the matcher's topic list.
    let topic: Int
    /// Index of the name among the topic's ``Topic/names`` (for explanations and distinct-name counts).
    let name: Int
    /// Stemmed words; the last is a folded (unstemmed) prefix when ``prefix`` is set, compared with
    /// the beginning of a word's stem as FTS5 compares `word*` with the stems it stores.
    let stems: [String]
    /// The words as written, for case-sensitive names (nil otherwise).
    let written: [String]?
    /// The name as written in the lexicon (`Kalashnikov*`), for matches.
    let writtenName: String
    let prefix: Bool
    /// Veto phrases (stemmed words), each with the offsets at which this alias sits inside it.
    let vetoes: [(stems: [String], offsets: [Int])]

    convenience init(_ alias: TopicAlias, topic: Int, name: Int) {
        self.init(alias, topic: topic, name: name, text: alias.text)
    }

    init(_ alias: TopicAlias, topic: Int, name: Int, text: String) {
        self.topic = topic
        self.name = name
        self.writtenName = alias.written
        let tokens = TopicTokenizer.tokens(in: text)
        var stems = tokens.map(\.stem)
        if alias.prefix, !stems.isEmpty, let last = TopicTokenizer.foldedWords(text).last { stems[stems.count - 1] = last }
        self.stems = stems
        self.prefix = alias.prefix
        self.written = alias.caseSensitive ? TopicTokenizer.writtenWords(text) : nil
        var vetoes: [(stems: [String], offsets: [Int])] = []
        for phrase in alias.not {
            let phraseTokens = TopicTokenizer.tokens(in: phrase)
            vetoes.append((phraseTokens.map(\.stem), []))
            vetoes[vetoes.count - 1].offsets = Self.offsets(of: stems, prefix: alias.prefix, in: phraseTokens)
        }
        self.vetoes = vetoes
    }

    /// Where this alias's words occur inside `tokens` (ignoring case rules).
    func offsets(in tokens: [TopicTokenizer.Token]) -> [Int] {
        Self.offsets(of: stems, prefix: prefix, in: tokens)
    }

    static func offsets(of stems: [String], prefix: Bool, in tokens: [TopicTokenizer.Token]) -> [Int] {
        guard tokens.count >= stems.count else { return [] }
        return (0...(tokens.count - stems.count)).filter { start in
            stems.indices.allSatisfy { k in
                let token = tokens[start + k]
                return prefix && k == stems.count - 1 ? token.stem.hasPrefix(stems[k]) : token.stem == stems[k]
            }
        }
    }

    /// True when the alias matches `tokens` at `start`, case rules included (vetoes not checked).
    func matches<Words: TopicWords>(_ tokens: Words, at start: Int, scalars: [Unicode.Scalar]) -> Bool {
        guard start + stems.count <= tokens.count else { return false }
        for k in stems.indices {
            let stem = tokens.stem(start + k)
            if prefix && k == stems.count - 1 {
                guard stem.hasPrefix(stems[k]) else { return false }
            } else {
                guard stem == stems[k] else { return false }
            }
            if let written {
                let ok =
                    tokens.writtenWord(start + k).map { Self.isWritten($0.unicodeScalars, as: written[k]) }
                    ?? Self.isWritten(scalars[tokens.start(start + k)..<tokens.end(start + k)], as: written[k])
                if !ok { return false }
            }
        }
        return true
    }

    /// True when `vetoes` rule out a match at `start`.
    func isVetoed<Words: TopicWords>(_ tokens: Words, at start: Int) -> Bool {
        for veto in vetoes {
            for offset in veto.offsets {
                let from = start - offset
                guard from >= 0, from + veto.stems.count <= tokens.count else { continue }
                if veto.stems.indices.allSatisfy({ tokens.stem(from + $0) == veto.stems[$0] }) { return true }
            }
        }
        return false
    }

    /// A case-sensitive comparison: the word must be `expected`, optionally followed by lower-case
    /// letters (an inflection: `UNs`, `Stingers`); `USE` is not `US`, `Un` is not `UN`.
    static func isWritten<Word: Collection<Unicode.Scalar>>(_ word: Word, as expected: String) -> Bool {
        var i = word.startIndex
        for scalar in expected.unicodeScalars {
            guard i < word.endIndex, word[i] == scalar else { return false }
            i = word.index(after: i)
        }
        return word[i...].allSatisfy { $0.properties.isLowercase }
    }
}
