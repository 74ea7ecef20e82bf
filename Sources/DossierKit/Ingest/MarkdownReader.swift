import DossierModel
import DossierSupport

/// Reads Markdown files (`.md`, `.markdown`): the whole file is one article.
///
/// YAML front matter between `---` lines at the top is metadata (`title`, `author`, `date`, `url`),
/// not text. The title is front matter's `title`, else the first heading, else as for plain text.
public struct MarkdownReader: ArticleReader {
    public let format = "markdown"
    public var splitter: PassageSplitter

    public init(splitter: PassageSplitter = PassageSplitter()) {
        self.splitter = splitter
    }

    public func read(_ file: SourceFile, text: String) throws -> [Article] {
        let (frontMatter, bodyStart) = Self.frontMatter(text)
        let passages = splitter.split(text, from: bodyStart, markdown: true)
        guard !passages.isEmpty else { throw SkipReason.empty }
        var metadata = ArticleMetadata(format: format)
        metadata.author = frontMatter["author"] ?? Byline.author(in: passages.prefix(3).map(\.text))
        metadata.url = frontMatter["url"]
        if let date = frontMatter["date"] {
            metadata.date = date
            metadata.dateSource = "content"
        } else if let date = Dateline.date(in: passages.prefix(4).map(\.text)) {
            metadata.date = date
            metadata.dateSource = "content"
        }
        let title =
            frontMatter["title"] ?? Self.firstHeading(text, from: bodyStart).map(Whitespace.collapse)
            ?? TitleChooser.title(passages: passages, text: text)
        return [Article(path: file.path, title: title, metadata: metadata, text: text, passages: passages)]
    }

    /// Simple `key: value` front matter and the scalar offset where the body starts.
    static func frontMatter(_ text: String) -> ([String: String], Int) {
        guard text.hasPrefix("---\n") else { return ([:], 0) }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var fields: [String: String] = [:]
        var offset = lines[0].unicodeScalars.count + 1
        for line in lines.dropFirst() {
            offset += line.unicodeScalars.count + 1
            if line.trimmingSpaces() == "---" {
                return (fields, min(offset, text.unicodeScalars.count))
            }
            if let colon = line.firstIndex(of: ":") {
                let key = line[..<colon].trimmingSpaces().lowercased()
                var value = line[line.index(after: colon)...].trimmingSpaces()
                if value.count >= 2, let q = value.first, q == "\"" || q == "'", value.last == q {
                    value = String(value.dropFirst().dropLast())
                }
                if !value.isEmpty { fields[key] = value }
            }
        }
        return ([:], 0)  // no closing line: not front matter
    }

    static func firstHeading(_ text: String, from: Int) -> String? {
        let body = String(String.UnicodeScalarView(text.unicodeScalars.dropFirst(from)))
        for line in body.split(separator: "\n") {
            let trimmed = line.drop(while: { $0 == " " })
            guard trimmed.hasPrefix("#") else { continue }
            let hashes = trimmed.prefix(while: { $0 == "#" }).count
            let rest = trimmed.dropFirst(hashes)
            guard hashes <= 6, rest.isEmpty || rest.first == " " else { continue }
            let heading = rest.trimmingSpaces()
            let stripped = String(heading.reversed().drop(while: { $0 == "#" || $0 == " " }).reversed())
            if !stripped.isEmpty { return stripped }
        }
        return nil
    }
}
