/// Reads Word documents (`.docx`, `.docm`, `.dotx`, `.dotm`: Office Open XML, a zip of XML parts).
///
/// Text, in reading order: the main part (found through `_rels/.rels`, else `word/document.xml`),
/// then its footnotes and endnotes. Each paragraph (`w:p`: headings, list items, body text) is a
/// paragraph of the article; a `w:br` is a line break and a `w:tab` a space. A table row whose cells
/// hold one paragraph each is one paragraph, cells separated by ` · `; other rows give their cells'
/// paragraphs in order. Text boxes are read where they stand (their alternative rendering,
/// `mc:Fallback`, is not, so nothing is read twice). Dropped: deleted and moved-away tracked changes,
/// field codes, comments, headers and footers, images and other media.
///
/// Metadata: the title is the first paragraph styled `Title`, else `docProps/core.xml`'s `dc:title`;
/// the author `dc:creator`; the date `dcterms:created`, else `dcterms:modified`.
struct DOCXReader {
    /// The `w:` elements whose subtrees hold no document text (properties), or text that was
    /// deleted or is shown another way.
    static let skipped: Set<String> = [
        "pPr", "rPr", "sectPr", "tblPr", "trPr", "tcPr", "tblGrid", "tblPrEx", "del", "moveFrom", "delText", "instrText",
        "Fallback", "commentReference", "footnoteReference", "endnoteReference", "annotationRef", "fldData", "object",
    ]

    func read(_ package: ZipPackage) throws -> OfficeArticle {
        let main = try Self.mainPart(package) ?? "word/document.xml"
        guard let bytes = try package.read(main) else { throw SkipReason.malformed("no \(main) in the package") }
        guard let document = XMLTree(bytes) else { throw SkipReason.malformed("\(main) is not XML") }
        var article = OfficeArticle()
        var title: String? = nil
        Self.collect(document.root, into: &article, title: &title)
        for notes in ["footnotes.xml", "endnotes.xml"] {
            guard let name = ZipPackage.resolve(notes, against: main), let bytes = try package.read(name),
                let tree = XMLTree(bytes)
            else { continue }
            for note in XMLTree.children(tree.root) {
                // The separator "notes" hold no text of the author's.
                if let type = XMLTree.attribute(note, "type"), type != "normal" { continue }
                var ignored: String? = nil
                Self.collect(note, into: &article, title: &ignored)
            }
        }
        article.title = title
        article.titleIsInText = title != nil
        if let bytes = try package.read("docProps/core.xml"), let core = XMLTree(bytes) {
            article.readMetadata(core, dates: ["created", "modified"])
        }
        return article
    }

    /// The main part named by the package relationships (`_rels/.rels`), or nil.
    static func mainPart(_ package: ZipPackage) throws -> String? {
        guard let bytes = try package.read("_rels/.rels"), let rels = XMLTree(bytes) else { return nil }
        for relationship in XMLTree.all("Relationship", in: rels.root) {
            guard let type = XMLTree.attribute(relationship, "Type"), type.hasSuffix("/officeDocument"),
                let target = XMLTree.attribute(relationship, "Target")
            else { continue }
            return ZipPackage.resolve(target, against: "_rels/.rels").map { $0.hasPrefix("_rels/") ? String($0.dropFirst(6)) : $0 }
        }
        return nil
    }

    /// Adds the paragraphs of a `w:body`, `w:footnote` or any other subtree to `article`, in order.
    /// `title` gets the text of the first paragraph styled `Title` when it is still nil.
    static func collect(_ root: XMLTree.Node, into article: inout OfficeArticle, title: inout String?) {
        var paragraphs: [String] = []  // open paragraphs (a text box's paragraphs sit inside another)
        var titleDepth: Int? = nil  // the open paragraph that is styled Title
        var cells: [[String]] = []  // open cells' paragraphs
        var rows: [[[String]]] = []  // open rows' cells

        func emit(_ paragraph: String) {
            if !cells.isEmpty {
                cells[cells.count - 1].append(paragraph)
            } else {
                article.add(paragraph)
            }
        }

        XMLTree.walk(
            root,
            enter: { node in
                let name = XMLTree.name(node)
                switch name {
                case "": return false
                case "p":
                    paragraphs.append("")
                    if title == nil, titleDepth == nil, isTitle(node) { titleDepth = paragraphs.count }
                    return true
                case "t":
                    if !paragraphs.isEmpty { paragraphs[paragraphs.count - 1] += XMLTree.text(node) }
                    return false
                case "tab", "ptab":
                    if !paragraphs.isEmpty { paragraphs[paragraphs.count - 1] += " " }
                    return false
                case "br", "cr":
                    if !paragraphs.isEmpty { paragraphs[paragraphs.count - 1] += "\n" }
                    return false
                case "noBreakHyphen":
                    if !paragraphs.isEmpty { paragraphs[paragraphs.count - 1] += "-" }
                    return false
                case "tr":
                    rows.append([])
                    return true
                case "tc":
                    cells.append([])
                    return true
                default:
                    return !skipped.contains(name)
                }
            },
            leave: { node in
                switch XMLTree.name(node) {
                case "p":
                    guard let paragraph = paragraphs.popLast() else { return }
                    if titleDepth == paragraphs.count + 1 {
                        titleDepth = nil
                        let text = Whitespace.collapse(paragraph)
                        if !text.isEmpty { title = text }
                    }
                    emit(paragraph)
                case "tc":
                    guard let cell = cells.popLast(), !rows.isEmpty else { return }
                    rows[rows.count - 1].append(cell)
                case "tr":
                    guard let row = rows.popLast() else { return }
                    if row.count > 1, row.allSatisfy({ $0.count <= 1 }) {
                        let joined = row.map { $0.first ?? "" }.map(Whitespace.collapse).filter { !$0.isEmpty }
                        if !joined.isEmpty { emit(joined.joined(separator: " · ")) }
                    } else {
                        for cell in row { cell.forEach(emit) }
                    }
                default: break
                }
            })
    }

    /// True when a `w:p` is styled as the document's title (`<w:pStyle w:val="Title"/>`).
    static func isTitle(_ paragraph: XMLTree.Node) -> Bool {
        guard let properties = XMLTree.children(paragraph).first(where: { XMLTree.name($0) == "pPr" }),
            let style = XMLTree.children(properties).first(where: { XMLTree.name($0) == "pStyle" })
        else { return false }
        return XMLTree.attribute(style, "val")?.lowercased() == "title"
    }
}
