/// Reads `.txt` files: the whole file is one article.
///
/// Title: the first line when it is short and stands alone (a blank line after it), otherwise the
/// first sentence cut at a word boundary. A line `By NAME` among the first three passages gives the author.
public struct PlainTextReader: ArticleReader {
    public let format = "text"
    public var splitter: PassageSplitter

    public init(splitter: PassageSplitter = PassageSplitter()) {
        self.splitter = splitter
    }

    public func read(_ file: SourceFile, text: String) throws -> [Article] {
        let passages = splitter.split(text)
        guard !passages.isEmpty else { throw SkipReason.empty }
        var metadata = ArticleMetadata(format: format)
        metadata.author = Byline.author(in: passages.prefix(3).map(\.text))
        return [Article(path: file.path, title: TitleChooser.title(passages: passages, text: text), metadata: metadata, text: text, passages: passages)]
    }
}

/// Recognises a byline paragraph such as `By Jane Doe, staff reporter`.
enum Byline {
    static func author(in paragraphs: [String]) -> String? {
        for paragraph in paragraphs where paragraph.count <= 120 && !paragraph.contains("\n") {
            for prefix in ["By ", "BY ", "by "] where paragraph.hasPrefix(prefix) {
                let rest = paragraph.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces)
                if let first = rest.first, first.isUppercase { return rest }
            }
        }
        return nil
    }
}

extension Substring {
    func trimmingCharacters(in set: CharacterSetLike) -> String {
        var s = self
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}

/// Only white space is trimmed; kept as a type so call sites read like Foundation's.
enum CharacterSetLike { case whitespaces }
