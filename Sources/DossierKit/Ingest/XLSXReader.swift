import Foundation

/// Reads Excel workbooks (`.xlsx`, `.xlsm`, `.xltx`: Office Open XML spreadsheets).
///
/// Each sheet, in the workbook's order (`xl/workbook.xml`): its name, then its rows as blocks of about
/// 100 words, one paragraph (so one passage) a block, one row a line, cells separated by ` · `.
/// Cell values: shared strings resolved (`xl/sharedStrings.xml`, phonetic runs left out), inline
/// strings, formula results as last computed (`<v>`), numbers and booleans as written. Dropped:
/// formulas themselves, formatting (a date is its serial number, `45356`), comments, charts, empty
/// cells and rows.
///
/// Metadata from `docProps/core.xml`: title `dc:title`, author `dc:creator`, date `dcterms:created`,
/// else `dcterms:modified`.
struct XLSXReader {
    func read(_ package: ZipPackage) throws -> OfficeArticle {
        let main = try DOCXReader.mainPart(package) ?? "xl/workbook.xml"
        guard let bytes = try package.read(main), let workbook = XMLTree(bytes) else {
            throw SkipReason.malformed("no \(main) in the package, or it is not XML")
        }
        let targets = try PPTXReader.relationships(of: main, in: package)
        var shared: [String] = []
        let sharedName = targets.values.sorted().first { $0.lowercased().hasSuffix("sharedstrings.xml") } ?? "xl/sharedStrings.xml"
        if let bytes = try package.read(sharedName), let strings = XMLTree(bytes) {
            for item in XMLTree.children(strings.root) where XMLTree.name(item) == "si" {
                var text = ""
                XMLTree.walk(item) { node in
                    switch XMLTree.name(node) {
                    case "t":
                        text += XMLTree.text(node)
                        return false
                    case "rPh", "phoneticPr", "rPr": return false
                    default: return !XMLTree.name(node).isEmpty
                    }
                }
                shared.append(text)
            }
        }
        var article = OfficeArticle()
        if let sheets = XMLTree.first("sheets", in: workbook.root) {
            for sheet in XMLTree.all("sheet", in: sheets) {
                guard let id = PPTXReader.relationshipID(sheet), let name = targets[id], let bytes = try package.read(name),
                    let tree = XMLTree(bytes)
                else { continue }
                if let title = XMLTree.attribute(sheet, "name") { article.add(title) }
                var rows: [[String]] = []
                for row in XMLTree.all("row", in: tree.root) {
                    rows.append(XMLTree.children(row).filter { XMLTree.name($0) == "c" }.map { Self.value($0, shared: shared) })
                }
                article.addRows(rows)
            }
        }
        if let bytes = try package.read("docProps/core.xml"), let core = XMLTree(bytes) {
            article.readMetadata(core, dates: ["created", "modified"])
        }
        return article
    }

    /// The text of a cell (`<c t="s"><v>3</v></c>` is shared string 3).
    static func value(_ cell: XMLTree.Node, shared: [String]) -> String {
        let type = XMLTree.attribute(cell, "t") ?? "n"
        let children = XMLTree.children(cell)
        let v = children.first { XMLTree.name($0) == "v" }.map(XMLTree.text)
        switch type {
        case "s":
            guard let index = v.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }), shared.indices.contains(index) else {
                return ""
            }
            return shared[index]
        case "inlineStr":
            return children.first { XMLTree.name($0) == "is" }.map(XMLTree.text) ?? ""
        case "b":
            return v == "1" ? "TRUE" : v == "0" ? "FALSE" : ""
        case "e":
            return ""
        default:
            return v ?? ""
        }
    }
}
