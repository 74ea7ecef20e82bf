/// Reads EPUB e-books (`.epub`, EPUB 2 and 3: a zip of XHTML chapters and an OPF package document).
///
/// The package document is found through `META-INF/container.xml`; its spine gives the chapters in
/// reading order, and each chapter is read by the HTML machinery (``HTMLReader``) with every text block
/// kept, as for pages that are not articles (a chapter has no menus to drop): headings, paragraphs,
/// list items, quotes, table cells. The navigation document (`properties="nav"`) is not read when it
/// is in the spine. Dropped: images, styles, scripts, fonts, the table of contents (`toc.ncx`).
///
/// Metadata from the package document: title `dc:title`, author `dc:creator`, date `dc:date`, else
/// `dcterms:modified`.
struct EPUBReader {
    func read(_ package: ZipPackage) throws -> OfficeArticle {
        guard let opfName = try Self.packageDocument(package) else {
            throw SkipReason.malformed("no package document (META-INF/container.xml names none)")
        }
        guard let bytes = try package.read(opfName), let opf = XMLTree(bytes) else {
            throw SkipReason.malformed("the package document \(opfName) is missing or not XML")
        }
        var article = OfficeArticle()
        if let metadata = XMLTree.first("metadata", in: opf.root) {
            article.readMetadata(opf, dates: ["date"])
            if article.date == nil {
                article.date = XMLTree.all("meta", in: metadata).first {
                    XMLTree.attribute($0, "property") == "dcterms:modified"
                }.map { Whitespace.collapse(XMLTree.text($0)) }
            }
        }
        var items: [String: (href: String, nav: Bool)] = [:]
        if let manifest = XMLTree.first("manifest", in: opf.root) {
            for item in XMLTree.all("item", in: manifest) {
                guard let id = XMLTree.attribute(item, "id"), let href = XMLTree.attribute(item, "href") else { continue }
                let nav = (XMLTree.attribute(item, "properties") ?? "").split(separator: " ").contains("nav")
                items[id] = (href, nav)
            }
        }
        guard let spine = XMLTree.first("spine", in: opf.root) else { throw SkipReason.malformed("\(opfName) has no spine") }
        var seen: Set<String> = []
        for reference in XMLTree.all("itemref", in: spine) {
            guard let id = XMLTree.attribute(reference, "idref"), let item = items[id], !item.nav,
                let name = ZipPackage.resolve(item.href, against: opfName), seen.insert(name).inserted,
                let chapter = try package.read(name)
            else { continue }
            let page = HTMLReader.extract(html: HTMLReader.decode(chapter), keepBoilerplate: true)
            for paragraph in page.paragraphs { article.add(paragraph) }
        }
        return article
    }

    /// The package document's name, from `META-INF/container.xml`'s first `rootfile`.
    static func packageDocument(_ package: ZipPackage) throws -> String? {
        guard let bytes = try package.read("META-INF/container.xml"), let container = XMLTree(bytes) else { return nil }
        for rootfile in XMLTree.all("rootfile", in: container.root) {
            if let path = XMLTree.attribute(rootfile, "full-path"), let name = ZipPackage.resolve("/" + path, against: "") {
                return name
            }
        }
        return nil
    }
}
