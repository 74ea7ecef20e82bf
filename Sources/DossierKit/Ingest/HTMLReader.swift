import CLibXML2
import DossierModel
import Foundation

/// Reads saved web pages (`.html`, `.htm`, `.xhtml`, `.shtml`) with libxml2's HTML parser.
///
/// Text: the page's article is kept and the rest dropped. In the `<body>`, `script`, `style`,
/// `noscript`, `template`, `nav`, `aside`, `form`, `footer`, `iframe`, `svg`, form controls, hidden
/// elements (`hidden`, `aria-hidden="true"`, `display:none`) and elements whose ARIA role is
/// navigation, banner, contentinfo, complementary or search are dropped. Block elements (`p`, `li`,
/// `h1`–`h6`, `blockquote`, `td`, `div`, …) become paragraphs; two `<br>` in a row end a paragraph,
/// one is a line break; `<pre>` keeps its line breaks; other white space collapses to one space.
/// Entities are decoded. ``MainContentSelector`` then keeps the article's paragraphs (headings,
/// text, lists, quotes, tables, captions, in reading order) and drops menus, teasers, comments,
/// share bars, cookie banners and the like; a page whose chosen content is too small is kept whole.
///
/// With ``keepBoilerplate`` the old reading is kept for pages that are not articles: the content
/// root is the `<article>` with the most text, else `<main>` (or `role="main"`), else `<body>`, and
/// every paragraph in it is indexed (`header` dropped only when the root is `<body>`).
///
/// The article's ``Article/text`` is that extracted text (not the HTML source), starting with the
/// title as its own paragraph unless the body already starts with it; passage offsets refer to it.
///
/// Metadata (title, date, author) is chosen by ``PageMetadata``'s precedence; the URL is `og:url`,
/// else `<link rel="canonical">`, else JSON-LD `url`; the declared language is `<html lang>`, else
/// `og:locale`, `dc.language` or `language` metas (``LanguageDetector`` decides whether the text agrees).
///
/// Encoding: a byte-order mark, else the `<meta charset>` / `http-equiv` / XML declaration in the
/// first 4 KiB, else detection as for text (UTF-8, else Windows-1252). The text is decoded in Swift and
/// handed to libxml2 as UTF-8.
public struct HTMLReader: ByteArticleReader {
    /// `html`.
    public let format = "html"
    /// Splits the extracted text into passages.
    public var splitter: PassageSplitter
    /// Index every text block of the page, as for pages that are not articles, instead of the
    /// main content alone.
    public var keepBoilerplate: Bool

    /// Creates a reader whose articles are split by `splitter`.
    public init(splitter: PassageSplitter = PassageSplitter(), keepBoilerplate: Bool = false) {
        self.splitter = splitter
        self.keepBoilerplate = keepBoilerplate
    }

    public func read(_ file: SourceFile, bytes: [UInt8], truncated: Bool) throws -> (articles: [Article], warnings: [String]) {
        let text = Self.decode(bytes)
        let page = Self.extract(html: text, keepBoilerplate: keepBoilerplate)
        var metadata = ArticleMetadata(format: format)
        metadata.author = page.author
        metadata.url = page.url
        metadata.language = page.language
        if let date = page.date {
            metadata.date = date
            metadata.dateSource = "content"
        }
        let (body, passages) = Self.assemble(title: page.title, body: page.paragraphs.joined(separator: "\n\n"), splitter: splitter)
        guard !passages.isEmpty else { throw SkipReason.empty }
        let title = page.title ?? TitleChooser.title(passages: passages, text: body)
        return ([Article(path: file.path, title: title, metadata: metadata, text: body, passages: passages)], [])
    }

    /// Puts `title` before `body` as its own paragraph, unless the first paragraph of `body` already
    /// is the title (or the start of it, as an `<h1>` is of a `<title>` with the site's name), and
    /// splits the result into passages. Returns the article text and its passages.
    static func assemble(title: String?, body: String, splitter: PassageSplitter) -> (String, [Passage]) {
        var text = body
        if let title, !title.isEmpty {
            // The first paragraph, looked at only as far as it could still match the title.
            let utf8 = body.utf8
            let limit = min(utf8.count, title.utf8.count * 2 + 64)
            var end = utf8.startIndex
            var previousNewline = false
            var scanned = 0
            while end < utf8.endIndex, scanned < limit {
                let b = utf8[end]
                if b == 0x0A && previousNewline {
                    end = utf8.index(before: end)
                    break
                }
                previousNewline = b == 0x0A
                end = utf8.index(after: end)
                scanned += 1
            }
            let first = Whitespace.collapse(String(body[..<end])).lowercased()
            let lowered = title.lowercased()
            if first.isEmpty || !(lowered == first || (lowered.hasPrefix(first) && first.count >= 3)) {
                text = body.isEmpty ? title : title + "\n\n" + body
            }
        }
        return (text, splitter.split(text))
    }

    /// What a page holds: its paragraphs and metadata.
    struct Page {
        var title: String?
        var author: String?
        var date: String?
        var url: String?
        /// The language the page declares (`<html lang>`, else `og:locale` or `dc.language`), as written.
        var language: String?
        var paragraphs: [String] = []
    }

    /// The page's text: a byte-order mark, else the declared charset, else detection.
    static func decode(_ bytes: [UInt8]) -> String {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) || bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            if let decoded = TextDecoder.decode(bytes) { return decoded.text }
        }
        if let charset = declaredCharset(bytes) { return TextDecoder.decode(bytes, charset: charset) }
        return TextDecoder.decode(bytes)?.text ?? TextDecoder.decode(bytes, charset: nil)
    }

    /// The charset a page declares in its first 4 KiB: `<meta charset>`, `<meta http-equiv="Content-Type"
    /// content="…; charset=…">` or `<?xml … encoding="…"?>`. A declared UTF-16 or UTF-32 is read as UTF-8 (as
    /// browsers do: the declaration could only be read because the bytes are ASCII-compatible).
    static func declaredCharset(_ bytes: [UInt8]) -> String? {
        let head = String(decoding: bytes.prefix(4096).map { $0 >= 0x80 ? 0x20 : ($0 >= 65 && $0 <= 90 ? $0 + 32 : $0) }, as: UTF8.self)
        var candidates: [Substring] = []
        if head.hasPrefix("<?xml"), let end = head.firstRange(of: "?>") {
            candidates.append(head[..<end.lowerBound])
        }
        var rest = head[...]
        while let meta = rest.firstRange(of: "<meta") {
            let tagEnd = rest[meta.upperBound...].firstIndex(of: ">") ?? rest.endIndex
            candidates.append(rest[meta.upperBound..<tagEnd])
            rest = rest[tagEnd...]
        }
        for tag in candidates {
            for key in ["charset", "encoding"] {
                guard let found = tag.firstRange(of: key) else { continue }
                var value = tag[found.upperBound...].drop(while: { $0 == " " })
                guard value.first == "=" else { continue }
                value = value.dropFirst().drop(while: { $0 == " " || $0 == "\"" || $0 == "'" })
                let name = value.prefix(while: { !" \"';>/".contains($0) })
                guard !name.isEmpty else { continue }
                let wide = ["utf-16", "utf16", "utf-32", "utf32", "ucs-2", "ucs2", "ucs-4", "ucs4", "unicode"].contains {
                    name.hasPrefix($0)
                }
                return wide ? "utf-8" : String(name)
            }
        }
        return nil
    }

    /// Parses `html` and extracts its paragraphs and metadata.
    static func extract(html: String, keepBoilerplate: Bool = false) -> Page {
        guard let document = HTMLDocument(html) else { return Page() }
        return document.page(keepBoilerplate: keepBoilerplate)
    }

    /// True when a link leads to a site's home page (`/`, `https://host/`, an archive's copy of it).
    static func isSiteLogoHref(_ link: String) -> Bool {
        var href = link.trimmingCharacters(in: .whitespaces)
        // An archived page's links lead to the archive's copy of the site: read the site's own URL.
        if let range = href.range(of: "/http", options: .backwards) { href = String(href[href.index(after: range.lowerBound)...]) }
        if let scheme = href.range(of: "://") {
            let rest = href[scheme.upperBound...]
            guard let slash = rest.firstIndex(of: "/") else { return true }
            href = String(rest[slash...])
        }
        return ["", "/", "./", "/index.html", "/index.php", "index.html", "index.php"].contains(href)
    }

    /// True when `text` holds HTML markup (used by the JSON reader for HTML in text fields).
    static func looksLikeMarkup(_ text: String) -> Bool {
        guard text.utf8.contains(UInt8(ascii: "<")) else { return false }
        let lowered = text.prefix(20_000).lowercased()
        return ["<p>", "<p ", "</p>", "<br", "</div>", "</a>", "</li>", "</h1>", "</h2>", "</span>", "</em>", "</strong>", "<img "]
            .contains { lowered.contains($0) }
    }
}

/// A parsed HTML document. The only code that touches libxml2: it parses, walks the tree and frees it.
final class HTMLDocument {
    typealias Node = UnsafeMutablePointer<xmlNode>

    private let doc: htmlDocPtr

    /// libxml2 is initialised once, before any thread parses.
    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    init?(_ html: String) {
        _ = Self.initialized
        let options = Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                | HTML_PARSE_NONET.rawValue | HTML_PARSE_IGNORE_ENC.rawValue
                | HTML_PARSE_COMPACT.rawValue)
        var utf8 = Array(html.utf8)
        if utf8.isEmpty { utf8 = Array("<html></html>".utf8) }
        guard utf8.count < Int(Int32.max) else { return nil }
        let parsed = utf8.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                htmlReadMemory($0, Int32(buffer.count), nil, "UTF-8", options)
            }
        }
        guard let parsed else { return nil }
        doc = parsed
    }

    deinit {
        xmlFreeDoc(doc)
    }

    // MARK: Tree access

    static func name(_ node: Node) -> String {
        guard node.pointee.type == XML_ELEMENT_NODE, let name = node.pointee.name else { return "" }
        return String(cString: name)
    }

    /// The value of the attribute `wanted` (given in lowercase), or nil.
    static func attribute(_ node: Node, _ wanted: String) -> String? {
        var attr = node.pointee.properties
        while let a = attr {
            if let name = a.pointee.name,
                wanted.withCString({ strcasecmp(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self), $0) }) == 0
            {
                return XMLTree.value(of: a)
            }
            attr = a.pointee.next
        }
        return nil
    }

    /// Visits the subtree of `root` in document order without recursion (pages can nest deeply).
    /// `enter` returns false to skip a node's children; `leave` is called for every entered node.
    static func walk(_ root: Node, enter: (Node) -> Bool, leave: (Node) -> Void = { _ in }) {
        var node = root
        while true {
            if enter(node), let child = node.pointee.children {
                node = child
                continue
            }
            var done = node
            while true {
                leave(done)
                if done == root { return }
                if let next = done.pointee.next {
                    node = next
                    break
                }
                guard let parent = done.pointee.parent, parent.pointee.type != XML_DOCUMENT_NODE,
                    parent.pointee.type != XML_HTML_DOCUMENT_NODE
                else { return }
                done = parent
            }
        }
    }

    /// The text of a subtree, white space collapsed (scripts and styles left out).
    static func text(_ root: Node) -> String {
        var out = ""
        walk(root) { node in
            switch node.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = node.pointee.content { out += String(cString: content) + " " }
                return false
            case XML_ELEMENT_NODE:
                let n = name(node)
                return n != "script" && n != "style"
            default:
                return false
            }
        }
        return Whitespace.collapse(out)
    }

    // MARK: Extraction

    static let dropped: Set<String> = [
        "script", "style", "noscript", "template", "nav", "aside", "form", "footer", "iframe", "svg", "math", "button",
        "select", "option", "textarea", "input", "object", "embed", "canvas", "audio", "video", "map", "dialog", "head",
        "title", "meta", "link",
    ]
    static let droppedRoles: Set<String> = ["navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar", "dialog"]
    static let blocks: Set<String> = [
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dir", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html",
        "legend", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th",
        "thead", "tr", "ul",
    ]

    static func isHidden(_ node: Node) -> Bool {
        if attribute(node, "hidden") != nil { return true }
        if attribute(node, "aria-hidden")?.lowercased() == "true" { return true }
        if let role = attribute(node, "role")?.lowercased(), droppedRoles.contains(role) { return true }
        if let style = attribute(node, "style")?.lowercased().filter({ $0 != " " }), style.contains("display:none") { return true }
        return false
    }

    func page(keepBoilerplate: Bool = false) -> HTMLReader.Page {
        guard let root = xmlDocGetRootElement(doc) else { return HTMLReader.Page() }
        var meta: [String: String] = [:]
        var titleElement: String? = nil
        var canonical: String? = nil
        var headingNodes: [Node] = []
        var firstTime: Node? = nil
        var articleTime: Node? = nil
        var publishedMarks: [String] = []
        var datedElements: [String] = []
        var articles: [Node] = []
        var main: Node? = nil
        var body: Node? = nil
        var bylines: [Node] = []
        var authorLinks: [Node] = []
        var jsonLD: [String] = []
        var articleDepth = 0

        Self.walk(
            root,
            enter: { node in
                guard node.pointee.type == XML_ELEMENT_NODE else { return false }
                let name = Self.name(node)
                switch name {
                case "meta":
                    let key = (Self.attribute(node, "property") ?? Self.attribute(node, "name") ?? Self.attribute(node, "itemprop"))?
                        .lowercased()
                    if let key, let content = Self.attribute(node, "content") ?? Self.attribute(node, "datetime"), meta[key] == nil {
                        meta[key] = Whitespace.collapse(content)
                    }
                case "title":
                    if titleElement == nil { titleElement = Self.text(node) }
                    return false
                case "link":
                    let rel = Self.attribute(node, "rel")?.lowercased().split(separator: " ") ?? []
                    if canonical == nil, rel.contains("canonical") { canonical = Self.attribute(node, "href") }
                    if rel.contains("author") { bylines.append(node) }
                case "script":
                    if Self.attribute(node, "type")?.lowercased().contains("ld+json") == true {
                        jsonLD.append(Self.rawText(node))
                    }
                    return false
                case "style", "template":
                    return false
                case "h1", "h2", "h3":
                    if headingNodes.count < 120 { headingNodes.append(node) }
                case "time":
                    if Self.attribute(node, "datetime") != nil {
                        if firstTime == nil { firstTime = node }
                        if articleTime == nil, articleDepth > 0 { articleTime = node }
                    }
                case "article":
                    if articleDepth == 0 { articles.append(node) }
                    articleDepth += 1
                case "main":
                    if main == nil { main = node }
                case "body":
                    if body == nil { body = node }
                default:
                    break
                }
                if main == nil, Self.attribute(node, "role")?.lowercased() == "main" { main = node }
                if name != "meta", publishedMarks.count < 4, Self.isPublishedMark(node) {
                    if let value = Self.attribute(node, "datetime") ?? Self.attribute(node, "content") ?? Optional(Self.text(node)) {
                        publishedMarks.append(value)
                    }
                }
                if bylines.count < 16, Self.isByline(node) {
                    bylines.append(node)
                } else if name == "a", authorLinks.count < 4, Self.isAuthorPageLink(node) {
                    authorLinks.append(node)
                }
                if datedElements.count < 8, Self.isDateMarkup(node) {
                    if let title = Self.attribute(node, "title") { datedElements.append(title) }
                    let text = Self.text(node)
                    if text.utf8.count <= 120 { datedElements.append(text) }
                }
                return true
            },
            leave: { node in
                if node.pointee.type == XML_ELEMENT_NODE, Self.name(node) == "article" { articleDepth -= 1 }
            })

        let linked = LinkedData(jsonLD)
        var page = HTMLReader.Page()
        var inContent: (Node, String) -> Bool = { _, _ in false }
        var nearHeadline: [String] = []
        let content = keepBoilerplate ? nil : contentBlocks(body ?? root)
        if let content, let kept = MainContentSelector.select(blocks: content.blocks, elements: content.elements) {
            page.paragraphs = kept.map { content.blocks[$0].text }
            let keptSet = Set(kept)
            let keptHeadings = Set(kept.filter { content.blocks[$0].kind == .heading }.map { content.blocks[$0].text })
            inContent = { _, text in keptHeadings.contains(text) }
            let h1Index = content.h1.first { keptSet.contains($0) } ?? content.h1.first
            // The lines around the headline (or the article's start), where datelines and bylines stand.
            let anchor = h1Index ?? kept.first ?? 0
            let lower = max(0, anchor - 6)
            let upper = min(content.blocks.count, max(anchor + 10, (kept.first ?? 0) + 4))
            if lower < upper { nearHeadline = content.blocks[lower..<upper].map(\.text) }
        } else {
            // The whole page: its `<article>` with the most text, else `<main>`, else `<body>`.
            var contentRoot = body ?? root
            if articles.count == 1 {
                contentRoot = articles[0]
            } else if articles.count > 1 {
                contentRoot = articles.max { Self.text($0).unicodeScalars.count < Self.text($1).unicodeScalars.count }!
            } else if let main {
                contentRoot = main
            }
            page.paragraphs = paragraphs(contentRoot, keepHeaders: contentRoot != (body ?? root))
            inContent = { node, _ in Self.inside(contentRoot, node) }
            nearHeadline = Array(page.paragraphs.prefix(8))
        }
        let headings = headingNodes.filter { !Self.isAroundArticle($0) && !Self.isSiteLogo($0) }.map { node in
            let text = Self.text(node)
            let level = Int(String(Self.name(node).dropFirst())) ?? 1
            return PageMetadata.Heading(text: text, level: level, inContent: inContent(node, text), marked: Self.isMarkedTitle(node))
        }

        let siteName = meta["og:site_name"] ?? meta["application-name"] ?? linked.publisher
        page.title = PageMetadata.title(
            headline: linked.headline, metaTitle: meta["og:title"] ?? meta["twitter:title"], headings: headings, titleElement: titleElement,
            siteName: siteName)

        let url = PageMetadata.nonEmpty(meta["og:url"]) ?? PageMetadata.nonEmpty(canonical) ?? PageMetadata.nonEmpty(linked.url)
        let time = articleTime ?? firstTime
        var dates: [String?] = [linked.datePublished]
        dates += [
            meta["article:published_time"], meta["og:published_time"], meta["article.published"], meta["datepublished"],
            meta["publishdate"], meta["publish-date"], meta["pubdate"], meta["dc.date.issued"], meta["dcterms.issued"],
            meta["dcterms.created"], meta["dc.date"], meta["dcterms.date"], meta["date"], meta["sailthru.date"], meta["parsely-pub-date"],
        ]
        dates += publishedMarks.map { Optional($0) }
        dates.append(time.flatMap { Self.attribute($0, "datetime") })
        let blockTexts: [String] = content?.blocks.map(\.text) ?? page.paragraphs
        // The page's own dates, for a UTC time whose calendar day may not be the local one.
        var date =
            PageMetadata.publishedDate(
                dates,
                days: { [PageMetadata.date(inURL: url)] + nearHeadline.filter { $0.count <= 160 }.map(DatelineFinder.date(in:)) },
                times: { datedElements }) ?? PageMetadata.date(inURL: url)
        date = date ?? datedElements.lazy.compactMap({ PageMetadata.date([$0]) ?? DatelineFinder.date(in: $0) }).first
        date = date ?? nearHeadline.lazy.filter { $0.count <= 160 }.compactMap(DatelineFinder.date(in:)).first
        date = date ?? PageMetadata.date(inLines: page.paragraphs, elsewhere: blockTexts)
        date = date ?? PageMetadata.date([linked.dateModified, meta["article:modified_time"], meta["og:updated_time"]])
        page.date = date ?? PageMetadata.date(inLines: [], elsewhere: blockTexts, labels: PageMetadata.updatedLabels)

        let metaAuthors = [
            meta["author"], meta["article:author"], meta["dc.creator"], meta["byl"], meta["sailthru.author"], meta["parsely-author"],
        ]
        .compactMap { $0 }.map(Whitespace.collapse).filter { !$0.hasPrefix("http") && !$0.isEmpty }
        let bylineTexts = bylines.filter { !Self.inCommentOrForm($0) }.prefix(8).map { Self.text($0) }
        let linkTexts = authorLinks.filter { !Self.inCommentOrForm($0) && !Self.isAroundArticle($0) }.map { Self.text($0) }
        page.author = PageMetadata.author(
            people: linked.people, bylines: bylineTexts, metas: metaAuthors, authorLinks: linkTexts, organisations: linked.organisations,
            siteNames: [siteName, linked.publisher].compactMap { $0 },
            bylineText: nearHeadline.lazy.compactMap(PageMetadata.name(inBylineLine:)).first)
        page.url = url
        page.language =
            [Self.attribute(root, "lang"), meta["og:locale"], meta["dc.language"], meta["language"]].lazy.compactMap {
                PageMetadata.nonEmpty($0)
            }.first
        return page
    }

    /// Elements whose headings and links are not the article's: menus, sidebars, footers, forms.
    static let aroundArticle: Set<String> = ["nav", "aside", "footer", "form", "template", "noscript", "dialog", "head", "menu"]

    /// True when `node` stands in a menu, sidebar, footer or form (``aroundArticle``). Hidden
    /// elements and ARIA roles do not count: an article's header is often marked `role="banner"`.
    static func isAroundArticle(_ node: Node) -> Bool {
        var current: Node? = node
        while let c = current, c.pointee.type == XML_ELEMENT_NODE {
            if aroundArticle.contains(name(c)) { return true }
            current = c.pointee.parent
        }
        return false
    }

    /// True when a heading is a link to the site's home page (`<h1><a href="/">Tinkerblog</a></h1>`):
    /// the site's name as a logo, not the article's title.
    static func isSiteLogo(_ heading: Node) -> Bool {
        guard let link = firstElement(named: "a", in: heading, withAttribute: "href"), let href = attribute(link, "href") else {
            return false
        }
        return HTMLReader.isSiteLogoHref(href)
    }

    /// True when a heading's class or `itemprop` names it a title (`entry-title`, `post-title`, `headline`).
    static func isMarkedTitle(_ node: Node) -> Bool {
        if attribute(node, "itemprop")?.lowercased().contains("headline") == true { return true }
        guard let classes = lowercasedClass(node) else { return false }
        return holds(classes[...], "title") || holds(classes[...], "headline")
    }

    static func stripBy(_ text: String) -> String {
        for prefix in ["By ", "by ", "BY "] where text.hasPrefix(prefix) { return String(text.dropFirst(prefix.count)) }
        return text
    }

    /// Byline markup: `itemprop="author"`, `rel="author"`, or a class that holds `author`, `byline`,
    /// `autor` or `verfasser` (`entry-author`, `byline__name`, `c-article__autor`…).
    static func isByline(_ node: Node) -> Bool {
        if attribute(node, "itemprop")?.lowercased().split(separator: " ").contains("author") == true { return true }
        if attribute(node, "rel")?.lowercased().split(separator: " ").contains("author") == true { return true }
        guard let classes = lowercasedClass(node) else { return false }
        return classes.split(separator: 0x20).contains { token in
            (holds(token, "author") && !holds(token, "authority")) || holds(token, "byline") || holds(token, "autor")
                || holds(token, "verfasser")
        }
    }

    /// Microdata or RDFa marking a publication date: `itemprop` or `property` naming
    /// `datePublished` or `dateCreated` (`property="schema:datePublished"`).
    static func isPublishedMark(_ node: Node) -> Bool {
        for key in ["itemprop", "property"] {
            guard let value = attribute(node, key)?.lowercased() else { continue }
            if value.contains("datepublished") || value.contains("datecreated") { return true }
        }
        return false
    }

    /// A link to an author's page (`/author/ann-reed/`, `/autor/`, `/auteur/`, `/autores/`), whose
    /// text is the author's name, as blog and news software writes bylines.
    static func isAuthorPageLink(_ node: Node) -> Bool {
        guard let href = attribute(node, "href"), href.utf8.count < 300 else { return false }
        let bytes = Array(href.utf8.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 })
        return ["/author/", "/authors/", "/autor/", "/autoren/", "/auteur/", "/autores/", "/autore/"].contains {
            BoilerplateHints.contains(bytes[...], Array($0.utf8))
        }
    }

    /// Date markup: a class that holds `date`, `time`, `publish`, `posted` or `datum` (`post-date`,
    /// `entry-published`, `itemPostDate`), outside comment threads' usual names.
    static func isDateMarkup(_ node: Node) -> Bool {
        guard let classes = lowercasedClass(node) else { return false }
        let all = classes[...]
        if holds(all, "comment") || holds(all, "update") || holds(all, "modif") { return false }
        return ["date", "time", "publish", "posted", "datum", "fecha"].contains { holds(all, $0) }
    }

    /// The `class` attribute's bytes, ASCII-lowercased, or nil when there is none (class names are
    /// matched as bytes: Foundation's string search is too slow for every element of a page).
    static func lowercasedClass(_ node: Node) -> [UInt8]? {
        guard let value = attribute(node, "class"), !value.isEmpty else { return nil }
        var bytes = Array(value.utf8)
        for i in bytes.indices where bytes[i] >= 65 && bytes[i] <= 90 { bytes[i] += 32 }
        return bytes
    }

    static func holds(_ token: ArraySlice<UInt8>, _ word: String) -> Bool {
        BoilerplateHints.contains(token, Array(word.utf8))
    }

    /// True when `node` stands in a form or a comment thread (where `author` marks a commenter).
    static func inCommentOrForm(_ node: Node) -> Bool {
        var current = node.pointee.parent
        var depth = 0
        while let c = current, c.pointee.type == XML_ELEMENT_NODE, depth < 40 {
            if name(c) == "form" { return true }
            for key in ["class", "id"] {
                if let value = attribute(c, key)?.lowercased(),
                    value.contains("comment") || value.contains("respond") || value.contains("reply")
                {
                    return true
                }
            }
            current = c.pointee.parent
            depth += 1
        }
        return false
    }

    /// The raw text content of an element (a script's JSON, say).
    static func rawText(_ node: Node) -> String {
        var out = ""
        var child = node.pointee.children
        while let c = child {
            if let content = c.pointee.content { out += String(cString: content) }
            child = c.pointee.next
        }
        return out
    }

    static func inside(_ root: Node, _ node: Node?) -> Bool {
        var current = node
        while let c = current {
            if c == root { return true }
            current = c.pointee.parent
        }
        return false
    }

    static func firstElement(named wanted: String, in root: Node, withAttribute attributeName: String? = nil) -> Node? {
        var found: Node? = nil
        walk(root) { node in
            guard found == nil, node.pointee.type == XML_ELEMENT_NODE else { return false }
            if name(node) == wanted, attributeName.map({ attribute(node, $0) != nil }) ?? true {
                found = node
                return false
            }
            return true
        }
        return found
    }

    /// The paragraphs of the subtree at `root`, with the dropped elements left out.
    func paragraphs(_ root: Node, keepHeaders: Bool) -> [String] {
        var builder = ParagraphBuilder()
        var preDepth = 0
        Self.walk(
            root,
            enter: { node in
                switch node.pointee.type {
                case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                    if let content = node.pointee.content { builder.add(String(cString: content), preformatted: preDepth > 0) }
                    return false
                case XML_ELEMENT_NODE:
                    let name = Self.name(node)
                    if node != root {
                        if Self.dropped.contains(name) || (name == "header" && !keepHeaders) || Self.isHidden(node) { return false }
                    }
                    if name == "br" {
                        builder.lineBreak()
                    } else if Self.blocks.contains(name) {
                        builder.endParagraph()
                    }
                    if name == "pre" { preDepth += 1 }
                    return true
                default:
                    return false
                }
            },
            leave: { node in
                guard node.pointee.type == XML_ELEMENT_NODE else { return }
                let name = Self.name(node)
                if Self.blocks.contains(name) { builder.endParagraph() }
                if name == "pre" { preDepth -= 1 }
            })
        builder.endParagraph()
        return builder.paragraphs
    }
}

extension HTMLDocument {
    typealias Block = MainContentSelector.Block
    typealias Element = MainContentSelector.Element

    static func kind(_ name: String) -> Block.Kind {
        switch name {
        case "h1", "h2", "h3", "h4", "h5", "h6": return .heading
        case "li", "dd", "dt": return .listItem
        case "td", "th": return .cell
        case "blockquote": return .quote
        case "pre": return .preformatted
        case "figcaption", "caption": return .caption
        default: return .text
        }
    }

    /// Every paragraph under `root` (dropped elements left out, as for ``paragraphs(_:keepHeaders:)``)
    /// with its link text, and the block-level elements around them, for ``MainContentSelector``.
    /// `h1` lists the blocks that are `<h1>` headings.
    func contentBlocks(_ root: Node) -> (blocks: [Block], elements: [Element], h1: [Int]) {
        var builder = ParagraphBuilder()
        var blocks: [Block] = []
        var elements: [Element] = []
        var kinds: [Block.Kind] = []
        var isH1: [Bool] = []
        var h1: [Int] = []
        var stack: [Int] = []
        /// For each element being walked: left out, entered, or entered with an ``Element`` pushed.
        enum State { case skipped, entered, element }
        var states: [State] = []
        var preDepth = 0
        var linkDepth = 0
        var articleDepth = 0
        var hints: [String: BoilerplateHints.Hint] = [:]

        func flush() { add(builder.endParagraph()) }
        func add(_ ended: (String, Int)?) {
            guard let (text, linkBytes) = ended else { return }
            let e = stack.last ?? -1
            let index = blocks.count
            blocks.append(
                Block(
                    text: text, length: text.unicodeScalars.count, bytes: text.utf8.count, linkBytes: linkBytes,
                    kind: e >= 0 ? kinds[e] : .text, element: e))
            if e >= 0, isH1[e] { h1.append(index) }
        }

        Self.walk(
            root,
            enter: { node in
                switch node.pointee.type {
                case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                    if let content = node.pointee.content {
                        builder.add(String(cString: content), preformatted: preDepth > 0, link: linkDepth > 0)
                    }
                    return false
                case XML_ELEMENT_NODE:
                    let name = Self.name(node)
                    if node != root, Self.dropped.contains(name) || Self.isHidden(node) {
                        states.append(.skipped)
                        return false
                    }
                    let classes = Self.attribute(node, "class")
                    let id = Self.attribute(node, "id")
                    let role = Self.attribute(node, "role")
                    let itemprop = Self.attribute(node, "itemprop")
                    var hint = BoilerplateHints.Hint.none
                    if classes != nil || id != nil || role != nil || itemprop != nil {
                        let key = (classes ?? "") + "\u{0}" + (id ?? "") + "\u{0}" + (role ?? "") + "\u{0}" + (itemprop ?? "")
                        if let known = hints[key] {
                            hint = known
                        } else {
                            hint = BoilerplateHints.hint(classes: classes, id: id, role: role, itemprop: itemprop)
                            hints[key] = hint
                        }
                    }
                    if name == "header", articleDepth == 0, hint == .none { hint = .boilerplate }
                    if name == "article" || name == "main", hint == .none { hint = .content }
                    let block = Self.blocks.contains(name)
                    if name == "br" {
                        add(builder.lineBreak())
                    } else if block || hint != .none {
                        flush()
                    }
                    if block || hint != .none {
                        stack.append(elements.count)
                        elements.append(
                            Element(
                                parent: stack.count >= 2 ? stack[stack.count - 2] : -1, firstBlock: blocks.count, endBlock: blocks.count,
                                hint: hint))
                        kinds.append(block ? Self.kind(name) : (stack.count >= 2 ? kinds[stack[stack.count - 2]] : .text))
                        isH1.append(name == "h1")
                        states.append(.element)
                    } else {
                        states.append(.entered)
                    }
                    if name == "pre" { preDepth += 1 }
                    if name == "a" { linkDepth += 1 }
                    if name == "article" || name == "main" { articleDepth += 1 }
                    return true
                default:
                    return false
                }
            },
            leave: { node in
                guard node.pointee.type == XML_ELEMENT_NODE, let state = states.popLast(), state != .skipped else { return }
                let name = Self.name(node)
                if Self.blocks.contains(name) { flush() }
                if name == "pre" { preDepth -= 1 }
                if name == "a" { linkDepth -= 1 }
                if name == "article" || name == "main" { articleDepth -= 1 }
                if state == .element, let e = stack.popLast() {
                    if !Self.blocks.contains(name) { flush() }
                    elements[e].endBlock = blocks.count
                }
            })
        flush()
        return (blocks, elements, h1)
    }
}

/// Collects paragraphs from text runs, collapsing white space as HTML does. Works on UTF-8 bytes:
/// HTML's white space is ASCII.
private struct ParagraphBuilder {
    var paragraphs: [String] = []
    var current: [UInt8] = []
    var pendingSpace = false
    /// Bytes of the paragraph being built that come from link text.
    var linkBytes = 0

    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D || b == 0x0C }

    mutating func add(_ text: String, preformatted: Bool, link: Bool = false) {
        let before = current.count
        for byte in text.utf8 {
            if preformatted {
                current.append(byte == 0x0D ? 0x0A : byte)
                continue
            }
            if Self.isSpace(byte) {
                pendingSpace = true
                continue
            }
            if pendingSpace, let last = current.last, last != 0x0A { current.append(0x20) }
            pendingSpace = false
            current.append(byte)
        }
        if link { linkBytes += current.count - before }
    }

    /// A `<br>`: a line break, or the end of the paragraph after another one (returned as by
    /// ``endParagraph()``).
    @discardableResult
    mutating func lineBreak() -> (String, Int)? {
        while current.last == 0x20 { current.removeLast() }
        if current.last == 0x0A {
            return endParagraph()
        } else if !current.isEmpty {
            current.append(0x0A)
        }
        pendingSpace = false
        return nil
    }

    /// Ends the paragraph being built, if it has any text, trimmed of white space (and no-break
    /// spaces) at both ends. Returns the paragraph and its bytes of link text, or nil when it was empty.
    @discardableResult
    mutating func endParagraph() -> (String, Int)? {
        var lower = 0
        var upper = current.count
        while lower < upper {
            if Self.isSpace(current[lower]) {
                lower += 1
            } else if current[lower] == 0xC2, lower + 1 < upper, current[lower + 1] == 0xA0 {
                lower += 2
            } else {
                break
            }
        }
        while upper > lower {
            if Self.isSpace(current[upper - 1]) {
                upper -= 1
            } else if current[upper - 1] == 0xA0, upper - 2 >= lower, current[upper - 2] == 0xC2 {
                upper -= 2
            } else {
                break
            }
        }
        var result: (String, Int)? = nil
        if lower < upper {
            let paragraph = String(decoding: current[lower..<upper], as: UTF8.self)
            paragraphs.append(paragraph)
            result = (paragraph, min(linkBytes, upper - lower))
        }
        current.removeAll(keepingCapacity: true)
        pendingSpace = false
        linkBytes = 0
        return result
    }
}

/// Article metadata from a page's JSON-LD (`<script type="application/ld+json">`, schema.org).
private struct LinkedData {
    var headline: String?
    var datePublished: String?
    var dateModified: String?
    /// Authors that are people (or have no type), and authors that are organisations.
    var people: [String] = []
    var organisations: [String] = []
    var publisher: String?
    var url: String?

    static let articleTypes: Set<String> = [
        "article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
        "scholarlyarticle", "techarticle", "report", "liveblogposting", "backgroundnewsarticle", "reviewnewsarticle",
        "askpublicnewsarticle", "socialmediaposting", "discussionforumposting", "review", "medicalwebpage", "howto", "recipe",
    ]
    static let pageTypes: Set<String> = ["webpage", "itempage", "aboutpage", "collectionpage", "profilepage", "qapage"]

    init(_ scripts: [String]) {
        var page = LinkedData(empty: ())
        // Every object of every script, and those with an `@id` (authors are often only a reference
        // to a `Person` elsewhere in the `@graph`).
        var objects: [[String: Any]] = []
        var byID: [String: [String: Any]] = [:]
        for script in scripts {
            guard let json = Self.parse(script) else { continue }
            var queue: [Any] = [json]
            var visited = 0
            while !queue.isEmpty, visited < 200 {
                let item = queue.removeFirst()
                visited += 1
                if let array = item as? [Any] {
                    queue += array
                    continue
                }
                guard let object = item as? [String: Any] else { continue }
                objects.append(object)
                if let id = object["@id"] as? String, object["name"] != nil, byID[id] == nil { byID[id] = object }
                if let graph = object["@graph"] { queue.append(graph) }
                if let main = object["mainEntity"] { queue.append(main) }
            }
        }
        for object in objects {
            let types = Self.types(object)
            if types.contains(where: { Self.articleTypes.contains($0) }) {
                take(object, byID: byID)
            } else if types.contains(where: { Self.pageTypes.contains($0) }) {
                page.take(object, byID: byID)
            }
        }
        // A WebPage's fields only where no article gave them.
        headline = headline ?? page.headline
        datePublished = datePublished ?? page.datePublished
        dateModified = dateModified ?? page.dateModified
        if people.isEmpty && organisations.isEmpty {
            people = page.people
            organisations = page.organisations
        }
        publisher = publisher ?? page.publisher
        url = url ?? page.url
    }

    private init(empty: Void) {}

    static func types(_ object: [String: Any]) -> [String] {
        ((object["@type"] as? String).map { [$0] } ?? (object["@type"] as? [String]) ?? []).map { $0.lowercased() }
    }

    /// A script's JSON; control characters, which JSON forbids in strings but pages leave there
    /// (line breaks in a headline), are read as spaces.
    static func parse(_ script: String) -> Any? {
        if let json = try? JSONSerialization.jsonObject(with: Data(script.utf8), options: [.fragmentsAllowed]) { return json }
        let cleaned = script.utf8.map { $0 < 0x20 ? 0x20 : $0 }
        return try? JSONSerialization.jsonObject(with: Data(cleaned), options: [.fragmentsAllowed])
    }

    private mutating func take(_ object: [String: Any], byID: [String: [String: Any]]) {
        headline = headline ?? Self.string(object["headline"]) ?? Self.string(object["name"])
        datePublished = datePublished ?? Self.string(object["datePublished"]) ?? Self.string(object["dateCreated"])
        dateModified = dateModified ?? Self.string(object["dateModified"])
        if people.isEmpty && organisations.isEmpty { Self.authors(object["author"] ?? object["creator"], byID: byID, into: &self) }
        if publisher == nil, let p = object["publisher"] {
            publisher = Self.string(p) ?? ((p as? [String: Any]).flatMap { Self.string($0["name"]) })
        }
        url = url ?? Self.string(object["url"])
    }

    static func string(_ value: Any?) -> String? {
        guard let s = value as? String else { return nil }
        let collapsed = Whitespace.collapse(s)
        return collapsed.isEmpty ? nil : collapsed
    }

    static func authors(_ value: Any?, byID: [String: [String: Any]], into data: inout LinkedData) {
        if let s = string(value) {
            if !s.hasPrefix("http") { data.people.append(s) }
        } else if var object = value as? [String: Any] {
            if object["name"] == nil, let id = object["@id"] as? String, let named = byID[id] { object = named }
            guard let name = string(object["name"]), !name.hasPrefix("http") else { return }
            let types = Self.types(object)
            if types.contains("organization") || types.contains("newsmediaorganization") || types.contains("corporation") {
                data.organisations.append(name)
            } else {
                data.people.append(name)
            }
        } else if let array = value as? [Any] {
            for item in array.prefix(20) { authors(item, byID: byID, into: &data) }
        }
    }
}
