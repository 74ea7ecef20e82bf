extension Lexicon {
    /// The lexicon in a line format that reads back in well under a millisecond (YAML takes tens):
    /// the form an index stores in `meta` and hashes to notice changes. One line per topic
    /// (`T`, id, label, category) followed by one per alias (`A`, text, flags `p` prefix and `s`
    /// case-sensitive, then the `not:` phrases), fields separated by tabs.
    public var compact: String {
        var out = "dossier-lexicon\t1\n"
        for topic in topics {
            out += ["T", topic.id, topic.label, topic.category].map(Self.field).joined(separator: "\t") + "\n"
            for alias in topic.aliases {
                let flags = (alias.prefix ? "p" : "") + (alias.caseSensitive ? "s" : "")
                out += (["A", alias.text, flags] + alias.not).map(Self.field).joined(separator: "\t") + "\n"
            }
        }
        return out
    }

    /// Reads ``compact`` text back.
    /// - throws: ``LexiconErrors`` when the text is not in that format.
    public init(compact text: String, source: String) throws(LexiconErrors) {
        var topics: [Topic] = []
        // Split on the bytes: a search reads the stored lexicon every time, and splitting by
        // Character (grapheme clusters) was most of the parse.
        for (number, line) in text.utf8.split(separator: 0x0A).enumerated() {
            let fields = line.split(separator: 0x09, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
            func fail() -> LexiconErrors {
                LexiconErrors([LexiconError(source: source, line: number + 1, message: "not a stored lexicon line")])
            }
            switch fields.first {
            case "dossier-lexicon" where number == 0:
                guard fields.count == 2, fields[1] == "1" else { throw fail() }
            case "T":
                guard fields.count == 4 else { throw fail() }
                topics.append(Topic(id: fields[1], label: fields[2], category: fields[3]))
            case "A":
                guard fields.count >= 3, !topics.isEmpty else { throw fail() }
                topics[topics.count - 1].aliases.append(
                    TopicAlias(
                        text: fields[1], prefix: fields[2].contains("p"), caseSensitive: fields[2].contains("s"),
                        not: Array(fields.dropFirst(3))))
            default:
                throw fail()
            }
        }
        self.init(topics: topics)
    }

    /// A field without the separators of the format (tabs and line ends become spaces).
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return text }
        return String(text.map { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 })
    }
}
