import DossierModel
import DossierSupport

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
        if let date = Dateline.date(in: passages.prefix(4).map(\.text)) {
            metadata.date = date
            metadata.dateSource = "content"
        }
        return [
            Article(
                path: file.path, title: TitleChooser.title(passages: passages, text: text), metadata: metadata, text: text,
                passages: passages)
        ]
    }
}

/// Recognises a byline paragraph such as `By Jane Doe, staff reporter`.
enum Byline {
    static func author(in paragraphs: [String]) -> String? {
        for paragraph in paragraphs {
            // The cheap test first: counting characters walks the whole paragraph.
            guard let prefix = ["By ", "BY ", "by "].first(where: { paragraph.hasPrefix($0) }),
                paragraph.count <= 120, !paragraph.utf8.contains(0x0A)
            else { continue }
            let rest = paragraph.dropFirst(prefix.count).trimmingSpaces()
            if let first = rest.first, first.isUppercase { return rest }
        }
        return nil
    }
}

/// Reads the date of a news dateline: `GENEVA, 12 March 2024 — ...`, `KYIV, Jan. 5, 2025 (AP) - ...`.
///
/// The place is one or more capitalised words in upper case, then a comma, then a date that
/// ``DateParser`` understands, then a dash or an agency in parentheses. Only the first four
/// passages are looked at, where datelines stand.
enum Dateline {
    static func date(in paragraphs: [String]) -> String? {
        for paragraph in paragraphs {
            // (Only the first 41 characters are searched: a paragraph is long, and characters are not cheap.)
            guard let comma = paragraph.prefix(41).firstIndex(of: ",") else { continue }
            let place = paragraph[..<comma]
            guard place.contains(where: \.isLetter),
                place.allSatisfy({ $0.isUppercase || $0 == " " || $0 == "-" || $0 == "." || $0 == "'" })
            else { continue }
            let rest = paragraph[paragraph.index(after: comma)...]
            guard let end = rest.firstIndex(where: { $0 == "—" || $0 == "–" || $0 == "(" }) ?? rest.range(of: " - ")?.lowerBound
            else { continue }
            // `IZIUM, Kharkiv region, 6 June 2024 —`: the date follows the last comma before the dash.
            let beforeDash = rest[..<end]
            let dateStart = beforeDash.lastIndex(of: ",").map { beforeDash.index(after: $0) } ?? beforeDash.startIndex
            var candidate = beforeDash[dateStart...].trimmingSpaces()
            if DateParser.normalize(candidate) == nil {  // `Jan. 5, 2025`: the comma belongs to the date
                candidate = beforeDash.trimmingSpaces()
                if let lastPlaceComma = candidate.firstIndex(of: ","), DateParser.normalize(candidate) == nil {
                    candidate = candidate[candidate.index(after: lastPlaceComma)...].trimmingSpaces()
                }
            }
            guard candidate.count <= 40, let date = DateParser.normalize(candidate) else { continue }
            return date
        }
        return nil
    }
}
