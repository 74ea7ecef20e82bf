/// Reads PowerPoint presentations (`.pptx`, `.pptm`, `.ppsx`, `.potx`: Office Open XML).
///
/// One passage per slide, in the presentation's order (`p:sldIdLst` in `ppt/presentation.xml`,
/// through its relationships): the slide's text paragraphs (`a:p`: titles, text boxes, table cells,
/// in the slide's shape order), one line each. Dropped: speaker notes, slide masters and layouts
/// (their placeholder text), charts, images and media. Hidden slides are read like the others.
///
/// Metadata from `docProps/core.xml`: title `dc:title`, else the first line of the first slide;
/// author `dc:creator`; date `dcterms:created`, else `dcterms:modified`.
struct PPTXReader {
    func read(_ package: ZipPackage) throws -> OfficeArticle {
        let main = try DOCXReader.mainPart(package) ?? "ppt/presentation.xml"
        guard let bytes = try package.read(main), let presentation = XMLTree(bytes) else {
            throw SkipReason.malformed("no \(main) in the package, or it is not XML")
        }
        let targets = try Self.relationships(of: main, in: package)
        var slides: [String] = []
        if let list = XMLTree.first("sldIdLst", in: presentation.root) {
            for slide in XMLTree.all("sldId", in: list) {
                if let id = Self.relationshipID(slide), let name = targets[id] {
                    slides.append(name)
                }
            }
        }
        var article = OfficeArticle()
        var firstLine: String? = nil
        for name in slides {
            guard let bytes = try package.read(name), let slide = XMLTree(bytes) else { continue }
            var lines: [String] = []
            for paragraph in XMLTree.all("p", in: slide.root) {
                var line = ""
                XMLTree.walk(paragraph) { node in
                    switch XMLTree.name(node) {
                    case "t":
                        line += XMLTree.text(node)
                        return false
                    case "br":
                        line += "\n"
                        return false
                    case "pPr", "rPr", "endParaRPr": return false
                    default: return !XMLTree.name(node).isEmpty
                    }
                }
                let collapsed = Whitespace.collapse(line)
                if !collapsed.isEmpty { lines.append(line) }
            }
            if firstLine == nil { firstLine = lines.first.map(Whitespace.collapse) }
            article.add(lines.joined(separator: "\n"))
        }
        if let bytes = try package.read("docProps/core.xml"), let core = XMLTree(bytes) {
            article.readMetadata(core, dates: ["created", "modified"])
        }
        if article.title == nil, let firstLine {
            article.title = firstLine
            article.titleIsInText = true
        }
        return article
    }

    /// The `r:id` attribute of an element (the attribute named `id` in the relationships namespace).
    static func relationshipID(_ node: XMLTree.Node) -> String? {
        var attr = node.pointee.properties
        while let a = attr {
            if let name = a.pointee.name, String(cString: name) == "id", let ns = a.pointee.ns, let href = ns.pointee.href,
                String(cString: href).hasSuffix("relationships"), let value = a.pointee.children?.pointee.content
            {
                return String(cString: value)
            }
            attr = a.pointee.next
        }
        return nil
    }

    /// The targets of part `part`'s relationships (`_rels/NAME.rels` beside it) by id, resolved to member names.
    static func relationships(of part: String, in package: ZipPackage) throws -> [String: String] {
        let folder = part.split(separator: "/").dropLast().joined(separator: "/")
        let file = part.split(separator: "/").last.map(String.init) ?? part
        let relsName = (folder.isEmpty ? "" : folder + "/") + "_rels/" + file + ".rels"
        guard let bytes = try package.read(relsName), let rels = XMLTree(bytes) else { return [:] }
        var targets: [String: String] = [:]
        for relationship in XMLTree.all("Relationship", in: rels.root) {
            guard let id = XMLTree.attribute(relationship, "Id"), let target = XMLTree.attribute(relationship, "Target"),
                XMLTree.attribute(relationship, "TargetMode") != "External",
                let name = ZipPackage.resolve(target, against: part)
            else { continue }
            targets[id] = name
        }
        return targets
    }
}
