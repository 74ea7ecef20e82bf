import DossierModel

/// What a reader of office files and e-books found in one document (its paragraphs in reading order
/// and its declared metadata), and how that becomes an ``Article``: the paragraphs are joined by blank
/// lines, so each is a passage of its own (a long one cut into windows of sentences by the
/// ``PassageSplitter``), with the title first as its own paragraph unless the text starts with it.
struct OfficeArticle {
    var title: String?
    /// True when ``title`` is a paragraph of the text (a paragraph styled `Title`, a slide's first
    /// line): it is then not put before the text a second time.
    var titleIsInText = false
    var author: String?
    var date: String?
    /// The declared language (`en-GB`), read but not stored yet: `language` is the detected script.
    var language: String?
    /// The paragraphs, each on lines of collapsed white space, none empty.
    private(set) var paragraphs: [String] = []

    /// Adds a paragraph. Its line breaks are kept (a `<w:br/>`, a line of a slide), other white space
    /// is collapsed; a paragraph with no text is left out.
    mutating func add(_ paragraph: String) {
        let lines = paragraph.split(separator: "\n", omittingEmptySubsequences: true)
            .map { Whitespace.collapse(String($0)) }.filter { !$0.isEmpty }
        if !lines.isEmpty { paragraphs.append(lines.joined(separator: "\n")) }
    }

    /// Adds a row of cells as one paragraph, cells separated by ` · ` (the empty ones left out).
    mutating func addRow(_ cells: [String]) {
        let kept = cells.map(Whitespace.collapse).filter { !$0.isEmpty }
        if !kept.isEmpty { paragraphs.append(kept.joined(separator: " · ")) }
    }

    /// The number of words a block of spreadsheet rows holds at most (one row more when a row alone is longer).
    static let wordsPerRowBlock = 100

    /// Adds the rows of a sheet as blocks of rows of about ``wordsPerRowBlock`` words, one paragraph a
    /// block, one row a line, cells separated by ` · ` (empty cells and rows left out).
    mutating func addRows(_ rows: [[String]]) {
        var block: [String] = []
        var words = 0
        for row in rows {
            let line = row.map(Whitespace.collapse).filter { !$0.isEmpty }.joined(separator: " · ")
            guard !line.isEmpty else { continue }
            let count = line.split(separator: " ").count
            if !block.isEmpty, words + count > Self.wordsPerRowBlock {
                paragraphs.append(block.joined(separator: "\n"))
                block = []
                words = 0
            }
            block.append(line)
            words += count
        }
        if !block.isEmpty { paragraphs.append(block.joined(separator: "\n")) }
    }

    /// Reads Dublin Core and similar metadata from an XML part (OOXML `docProps/core.xml`, ODF
    /// `meta.xml`, an EPUB package document): for each field, the first element among the local names
    /// given, in that order, with text. Fields already set are kept.
    mutating func readMetadata(
        _ tree: XMLTree, titles: [String] = ["title"], authors: [String] = ["creator"], dates: [String],
        languages: [String] = ["language"]
    ) {
        func first(_ names: [String]) -> String? {
            for name in names {
                for node in XMLTree.all(name, in: tree.root) {
                    let value = Whitespace.collapse(XMLTree.text(node))
                    if !value.isEmpty { return value }
                }
            }
            return nil
        }
        title = title ?? first(titles)
        author = author ?? first(authors)
        date = date ?? first(dates)
        language = language ?? first(languages)
    }

    /// The article of `file`, with `format` as its format label.
    /// - throws: ``SkipReason/empty`` when the document has no text.
    func article(for file: SourceFile, format: String, splitter: PassageSplitter) throws -> Article {
        let title = self.title.map(Whitespace.collapse).flatMap { $0.isEmpty ? nil : $0 }
        let body = paragraphs.joined(separator: "\n\n")
        let (text, passages) =
            titleIsInText ? (body, splitter.split(body)) : HTMLReader.assemble(title: title, body: body, splitter: splitter)
        guard !paragraphs.isEmpty, !passages.isEmpty else { throw SkipReason.empty }
        var metadata = ArticleMetadata(format: format)
        metadata.author = author
        if let date {
            metadata.date = date
            metadata.dateSource = "content"
        }
        return Article(
            path: file.path, title: title ?? TitleChooser.title(passages: passages, text: text), metadata: metadata, text: text,
            passages: passages)
    }
}
