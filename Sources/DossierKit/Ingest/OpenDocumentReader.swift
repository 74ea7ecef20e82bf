import CLibXML2

/// Reads OpenDocument files (ODF, a zip of XML parts): text documents (`.odt`, `.ott`), presentations
/// (`.odp`, `.otp`) and spreadsheets (`.ods`, `.ots`). Which of the three a file is comes from its
/// `content.xml` (`office:text`, `office:presentation`, `office:spreadsheet`), whatever its name.
///
/// Text, in reading order, from `content.xml`:
/// - a text document: each heading (`text:h`), paragraph (`text:p`) and list item is a paragraph of
///   the article; `text:s` is a space, `text:tab` a space, `text:line-break` a line break. A table
///   row whose cells hold one paragraph each is one paragraph, cells separated by ` · `. Footnotes and
///   endnotes (`text:note`) are read after the body. Dropped: comments (`office:annotation`),
///   tracked deletions, forms, images;
/// - a presentation: one passage per slide (`draw:page`), its text boxes in order, one line each;
///   speaker notes are dropped;
/// - a spreadsheet: each sheet's name, then its rows as blocks of about 100 words, one row a line,
///   cells separated by ` · `. Cells repeated by `table:number-columns-repeated` or rows by
///   `table:number-rows-repeated` are read once (a sheet's million empty rows cost nothing).
///
/// Metadata from `meta.xml`: title `dc:title` (in a text document, a paragraph styled `Title` first),
/// author `meta:initial-creator`, else `dc:creator`; date `meta:creation-date`, else `dc:date`.
struct OpenDocumentReader {
    /// The elements whose subtrees hold no text of the document.
    static let skipped: Set<String> = [
        "annotation", "annotation-end", "tracked-changes", "forms", "sequence-decls", "variable-decls", "user-field-decls",
        "note-citation", "notes", "desc", "title", "event-listeners", "bookmark-ref", "script",
    ]

    /// Reads the package; returns the article's parts and the format label (`odt`, `odp`, `ods`).
    func read(_ package: ZipPackage) throws -> (OfficeArticle, String) {
        guard let bytes = try package.read("content.xml") else { throw SkipReason.malformed("no content.xml in the package") }
        guard let content = XMLTree(bytes) else { throw SkipReason.malformed("content.xml is not XML") }
        guard let body = XMLTree.first("body", in: content.root) else { throw SkipReason.empty }
        var article = OfficeArticle()
        var format = "odt"
        for kind in XMLTree.children(body) {
            switch XMLTree.name(kind) {
            case "presentation":
                format = "odp"
                for slide in XMLTree.all("page", in: kind) {
                    var lines: [String] = []
                    Self.collect(slide, paragraph: { lines.append($0) }, title: nil)
                    article.add(lines.joined(separator: "\n"))
                }
            case "spreadsheet":
                format = "ods"
                for sheet in XMLTree.all("table", in: kind) {
                    if let name = XMLTree.attribute(sheet, "name") { article.add(name) }
                    var rows: [[String]] = []
                    for row in XMLTree.all("table-row", in: sheet) {
                        rows.append(
                            XMLTree.children(row).filter { XMLTree.name($0) == "table-cell" }.map { cell in
                                var text: [String] = []
                                for child in XMLTree.children(cell) { Self.collect(child, paragraph: { text.append($0) }, title: nil) }
                                return text.joined(separator: " ")
                            })
                    }
                    article.addRows(rows)
                }
            default:
                var title: String? = nil
                var notes: [XMLTree.Node] = []
                Self.collect(kind, paragraph: { article.add($0) }, title: &title, notes: &notes)
                for note in notes {
                    guard let noteBody = XMLTree.first("note-body", in: note) else { continue }
                    Self.collect(noteBody, paragraph: { article.add($0) }, title: nil)
                }
                article.title = title
                article.titleIsInText = title != nil
            }
        }
        if let bytes = try package.read("meta.xml"), let meta = XMLTree(bytes) {
            article.readMetadata(meta, authors: ["initial-creator", "creator"], dates: ["creation-date", "date"])
        }
        return (article, format)
    }

    private static func collect(_ root: XMLTree.Node, paragraph: (String) -> Void, title: String?) {
        var title = title
        var notes: [XMLTree.Node] = []
        collect(root, paragraph: paragraph, title: &title, notes: &notes)
    }

    /// Hands each paragraph of the subtree to `paragraph`, in order. `title` gets the first paragraph
    /// styled `Title` while it is nil; notes met in the text are put in `notes` to be read later.
    private static func collect(
        _ root: XMLTree.Node, paragraph: (String) -> Void, title: inout String?, notes: inout [XMLTree.Node]
    ) {
        var open: [String] = []
        var titleDepth: Int? = nil
        var cells: [[String]] = []
        var rows: [[[String]]] = []
        func emit(_ text: String) {
            if !cells.isEmpty { cells[cells.count - 1].append(text) } else { paragraph(text) }
        }
        XMLTree.walk(
            root,
            enter: { node in
                switch node.pointee.type {
                case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                    if !open.isEmpty, let content = node.pointee.content { open[open.count - 1] += String(cString: content) }
                    return false
                case XML_ELEMENT_NODE: break
                default: return false
                }
                let name = XMLTree.name(node)
                switch name {
                case "p", "h":
                    open.append("")
                    if title == nil, titleDepth == nil, XMLTree.attribute(node, "style-name")?.lowercased() == "title" {
                        titleDepth = open.count
                    }
                    return true
                case "s", "tab":
                    if !open.isEmpty { open[open.count - 1] += " " }
                    return false
                case "line-break":
                    if !open.isEmpty { open[open.count - 1] += "\n" }
                    return false
                case "note":
                    notes.append(node)
                    return false
                case "table-row":
                    rows.append([])
                    return true
                case "table-cell":
                    cells.append([])
                    return true
                default:
                    return !skipped.contains(name)
                }
            },
            leave: { node in
                switch XMLTree.name(node) {
                case "p", "h":
                    guard let text = open.popLast() else { return }
                    if titleDepth == open.count + 1 {
                        titleDepth = nil
                        let collapsed = Whitespace.collapse(text)
                        if !collapsed.isEmpty { title = collapsed }
                    }
                    if open.isEmpty {
                        emit(text)
                    } else {
                        open[open.count - 1] += " " + text  // a paragraph inside another (a frame in a paragraph)
                    }
                case "table-cell":
                    guard let cell = cells.popLast(), !rows.isEmpty else { return }
                    rows[rows.count - 1].append(cell)
                case "table-row":
                    guard let row = rows.popLast() else { return }
                    if row.count > 1, row.allSatisfy({ $0.count <= 1 }) {
                        let joined = row.map { Whitespace.collapse($0.first ?? "") }.filter { !$0.isEmpty }
                        if !joined.isEmpty { emit(joined.joined(separator: " · ")) }
                    } else {
                        for cell in row { cell.forEach(emit) }
                    }
                default: break
                }
            })
    }
}
