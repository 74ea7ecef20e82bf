import DossierModel

/// Reads the articles one source file holds.
public protocol ArticleReader: Sendable {
    /// The `format` label stored with each article (`text`, `markdown`, ...).
    var format: String { get }
    /// Reads `file`, whose decoded text is `text`. Returns one article per article the file holds.
    /// - throws: ``SkipReason`` when the file has nothing to index or cannot be parsed.
    func read(_ file: SourceFile, text: String) throws -> [Article]
}

extension SkipReason: Error {}

/// Chooses a title for plain text.
enum TitleChooser {
    /// The longest title, in characters, taken from a first line.
    static let maxLineTitle = 200
    /// The length a first sentence is cut to when it serves as the title.
    static let maxSentenceTitle = 120

    /// The first passage when it is a short single line standing alone; otherwise the first
    /// sentence of the text, cut at a word boundary.
    static func title(passages: [Passage], text: String) -> String {
        guard let first = passages.first else { return "" }
        if !first.text.utf8.contains(0x0A), first.text.unicodeScalars.count <= maxLineTitle, passages.count > 1 {
            return Whitespace.collapse(first.text)
        }
        let scalars = Array(first.text.unicodeScalars)
        let sentence = SentenceSplitter.sentences(in: scalars, range: 0..<scalars.count).first ?? 0..<scalars.count
        return cut(Whitespace.collapse(String(String.UnicodeScalarView(scalars[sentence]))), to: maxSentenceTitle)
    }

    /// Cuts `text` at the last word boundary before `limit` characters, adding `…` when cut.
    static func cut(_ text: String, to limit: Int) -> String {
        guard text.count > limit else { return text }
        let prefix = text.prefix(limit)
        if let space = prefix.lastIndex(of: " ") {
            return String(prefix[..<space]) + "…"
        }
        return String(prefix) + "…"
    }

}
