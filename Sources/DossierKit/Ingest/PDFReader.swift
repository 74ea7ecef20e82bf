import CPoppler
import DossierModel
import DossierSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads PDF files through poppler's GLib API (`libpoppler-glib-dev`): one article per file, its
/// passages carrying their page numbers.
///
/// - **Text per page in reading order**: poppler's text layout (the engine of `pdftotext`) orders the
///   blocks of a page, columns one after the other. Each page is read, turned into lines and released
///   before the next is opened, so a long PDF holds one page's poppler objects at a time.
/// - **Repeated headers and footers**: a line among the ``edgeLines`` highest or lowest lines of a page
///   that recurs, digits aside (`Page 3 of 9` is `Page # of #`), at the same edge of at least half the
///   pages (and at least three) is a running header, footer or page number, and is dropped.
/// - **Lines become paragraphs** (``PDFPageText``): a word hyphenated at a line end is joined
///   (`investi-` + `gation`), a letter-spaced heading (`R E P O R T`) is closed up, and a paragraph ends at a
///   short line that ends a sentence. Passages never cross a page: each page's paragraphs are
///   separated from the next page's, and each passage records its page (``Passage/page``).
/// - **Metadata**: title, author and creation date from the info dictionary, else from the XMP
///   packet's `dc:title`, `dc:creator`, `xmp:CreateDate`.
/// - **Pages without text** (scans): a page with images and no text is counted
///   (``Document/pagesWithoutText``); a PDF with no text at all is skipped as ``SkipReason/noText(pages:)``.
/// - **Encrypted** PDFs that need a password are skipped (``SkipReason/encrypted``); poppler opens
///   those encrypted with an empty user password. **Damaged** ones are repaired by poppler as far as it
///   can (a lost cross-reference table is rebuilt); what it cannot read is ``SkipReason/malformed(_:)``.
public struct PDFReader: Sendable {
    /// How many lines at the top and the bottom of a page are looked at as a possible header or footer.
    public static let edgeLines = 2

    /// Splits the pages' text into passages.
    public var splitter: PassageSplitter

    public init(splitter: PassageSplitter = PassageSplitter()) {
        self.splitter = splitter
    }

    /// What was read from one PDF.
    public struct Document: Sendable {
        /// The article, its passages carrying their pages.
        public var article: Article
        /// The pages, in the file.
        public var pages: Int
        /// Pages that hold images but no text: scans, readable only with OCR.
        public var pagesWithoutText: Int
        /// Problems that did not stop the reading (a damaged file repaired), one line each.
        public var warnings: [String] = []
    }

    /// poppler reports its parser's complaints through GLib's log; they are the reader's business
    /// (a damaged file is read as far as it can be), not the terminal's.
    private static let quietened: Bool = {
        g_log_set_handler("Poppler", GLogLevelFlags(rawValue: ~0), { _, _, _, _ in }, nil)
        return true
    }()

    /// Reads the PDF at `file`.
    /// - throws: ``SkipReason``: `encrypted` (a password is needed), `malformed` (not readable as a PDF),
    ///   `noText` (no page holds text), `vanished`, `notARegularFile`, `unreadable`.
    public func read(_ file: SourceFile) throws -> Document {
        _ = Self.quietened
        let fd = try Self.openRegularFile(file.fileSystemPath)
        var error: UnsafeMutablePointer<GError>? = nil
        var warnings: [String] = []
        // poppler owns the descriptor from here, and closes it with the document.
        var opened = poppler_document_new_from_fd(fd, nil, &error)
        if opened == nil {
            let reason = Self.skipReason(error)
            if let error { g_error_free(error) }
            guard reason != .encrypted, let repaired = try Self.openRepaired(file) else { throw reason }
            opened = repaired
            warnings.append("damaged PDF (no trailer: cut short?); read what its objects hold")
        }
        guard let document = opened else { throw SkipReason.malformed("not a readable PDF") }
        defer { g_object_unref(UnsafeMutableRawPointer(document)) }

        let count = Int(poppler_document_get_n_pages(document))
        var pages: [PageLines] = []
        pages.reserveCapacity(count)
        var withoutText = 0
        for index in 0..<count {
            guard let page = poppler_document_get_page(document, Int32(index)) else {
                pages.append(PageLines(lines: [], extents: nil))
                continue
            }
            let lines = Self.lines(of: page)
            if lines.lines.isEmpty, Self.hasImages(page) { withoutText += 1 }
            g_object_unref(UnsafeMutableRawPointer(page))
            pages.append(lines)
        }
        let repeated = Self.repeatedEdgeLines(pages)
        var body = ""
        var pageStarts: [(offset: Int, page: Int)] = []
        var offset = 0
        for (index, lines) in pages.enumerated() {
            let paragraphs = PDFPageText.paragraphs(Self.dropEdges(lines, repeated: repeated))
            guard !paragraphs.isEmpty else { continue }
            if !body.isEmpty {
                body += "\n\n"
                offset += 2
            }
            pageStarts.append((offset, index + 1))
            let text = paragraphs.joined(separator: "\n\n")
            body += text
            offset += text.unicodeScalars.count
        }
        var passages = splitter.split(body)
        guard !passages.isEmpty else { throw SkipReason.noText(pages: withoutText) }
        var next = 0
        for i in passages.indices {
            while next + 1 < pageStarts.count, pageStarts[next + 1].offset <= passages[i].start { next += 1 }
            passages[i].page = pageStarts[next].page
        }

        var metadata = ArticleMetadata(format: "pdf")
        var title = Self.string(poppler_document_get_title(document))
        metadata.author = Self.string(poppler_document_get_author(document))
        if let created = poppler_document_get_creation_date_time(document) {
            metadata.date = Self.string(g_date_time_format_iso8601(created))
            g_date_time_unref(created)
        }
        if title == nil || metadata.author == nil || metadata.date == nil,
            let xmp = Self.string(poppler_document_get_metadata(document)), let tree = XMLTree(Array(xmp.utf8))
        {
            var found = OfficeArticle()
            found.readMetadata(tree, dates: ["CreateDate", "date"])
            title = title ?? found.title
            metadata.author = metadata.author ?? found.author
            metadata.date = metadata.date ?? found.date
        }
        if metadata.date != nil { metadata.dateSource = "content" }
        let article = Article(
            path: file.path, title: title ?? TitleChooser.title(passages: passages, text: body), metadata: metadata, text: body,
            passages: passages)
        return Document(article: article, pages: count, pagesWithoutText: withoutText, warnings: warnings)
    }

    /// A PDF cut short (a broken download) loses its trailer, which poppler needs to find the
    /// document's catalog, and often its catalog too. Given the bytes (up to
    /// ``ArticleLoader/maxFileBytes``) and a trailer pointing at the catalog found among them (or at one
    /// made for the page tree found there), poppler rebuilds the cross-reference table from the
    /// objects and reads the pages that are there. Nil when no page tree is found.
    static func openRepaired(_ file: SourceFile) throws -> OpaquePointer? {
        var bytes = try ArticleLoader.readBytes(file.fileSystemPath, limit: ArticleLoader.maxFileBytes).0
        guard bytes.starts(with: Array("%PDF-".utf8)) else { return nil }
        let text = String(decoding: bytes, as: Unicode.ASCII.self)
        func object(typed type: String) -> Int? {
            guard let regex = try? Regex("([0-9]+)[ \\r\\n]+0[ \\r\\n]+obj[ \\r\\n]*<<[ \\r\\n]*/Type[ \\r\\n]*/\(type)[^A-Za-z]")
            else { return nil }
            guard let match = text.firstMatch(of: regex), let number = match.output[1].substring else { return nil }
            return Int(number)
        }
        let catalog: Int
        if let found = object(typed: "Catalog") {
            catalog = found
        } else if let pages = object(typed: "Pages") {
            catalog = 9_999_999
            bytes += Array("\n\(catalog) 0 obj\n<< /Type /Catalog /Pages \(pages) 0 R >>\nendobj\n".utf8)
        } else {
            return nil
        }
        bytes += Array("\ntrailer\n<< /Root \(catalog) 0 R >>\n%%EOF\n".utf8)
        let data = bytes.withUnsafeBytes { g_bytes_new($0.baseAddress, gsize($0.count)) }
        defer { g_bytes_unref(data) }
        var error: UnsafeMutablePointer<GError>? = nil
        let document = poppler_document_new_from_bytes(data, nil, &error)
        if let error { g_error_free(error) }
        return document
    }

    /// One page's lines, and which of them are nearest its top and bottom edges.
    struct PageLines: Sendable, Equatable {
        /// The lines in reading order, trailing white space removed, none empty.
        var lines: [String] = []
        /// Indices into ``lines`` of the ``PDFReader/edgeLines`` lines highest on the page, highest first.
        var top: [Int] = []
        /// Indices into ``lines`` of the ``PDFReader/edgeLines`` lines lowest on the page, lowest first.
        var bottom: [Int] = []

        /// Lines whose vertical extents are `extents` (top, bottom; nil when unknown, the lines'
        /// reading order then stands for their position).
        init(lines: [String], extents: [(top: Double, bottom: Double)]?) {
            self.lines = lines
            let order = Array(lines.indices)
            if let extents, extents.count == lines.count {
                top = Array(order.sorted { (extents[$0].top, $0) < (extents[$1].top, $1) }.prefix(edgeLines))
                bottom = Array(order.sorted { (-extents[$0].bottom, $0) < (-extents[$1].bottom, $1) }.prefix(edgeLines))
            } else {
                top = Array(order.prefix(edgeLines))
                bottom = Array(order.suffix(edgeLines).reversed())
            }
        }
    }

    /// The lines of a page's text in reading order, with where each is on the page (poppler gives a
    /// rectangle per character of the text, in the text's order).
    static func lines(of page: OpaquePointer) -> PageLines {
        guard let raw = poppler_page_get_text(page) else { return PageLines(lines: [], extents: nil) }
        defer { g_free(raw) }
        let text = String(cString: raw)
        var rectangles: UnsafeMutablePointer<PopplerRectangle>? = nil
        var count: guint = 0
        let haveLayout = poppler_page_get_text_layout(page, &rectangles, &count) != 0
        defer { if let rectangles { g_free(rectangles) } }
        let scalars = text.unicodeScalars.count
        let boxes = haveLayout && Int(count) == scalars ? rectangles : nil

        // Over the UTF-8 bytes (a line is a byte range), counting scalars to find each one's box.
        var lines: [String] = []
        var extents: [(top: Double, bottom: Double)] = []
        var top = Double.infinity
        var bottom = -Double.infinity
        var utf8 = text
        utf8.withUTF8 { bytes in
            var lineStart = 0
            var scalar = -1
            func close(_ end: Int) {
                var from = lineStart
                var to = end
                while from < to, bytes[from] == 0x20 || bytes[from] == 0x09 || bytes[from] == 0x0D { from += 1 }
                while to > from, bytes[to - 1] == 0x20 || bytes[to - 1] == 0x09 || bytes[to - 1] == 0x0D { to -= 1 }
                if from < to {
                    lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<to]), as: UTF8.self))
                    extents.append((top, bottom))
                }
                top = .infinity
                bottom = -.infinity
            }
            for i in 0..<bytes.count {
                let byte = bytes[i]
                if byte & 0xC0 != 0x80 { scalar += 1 }
                if byte == 0x0A {
                    close(i)
                    lineStart = i + 1
                } else if byte != 0x20, byte & 0xC0 != 0x80, let box = boxes?[scalar] {
                    top = min(top, box.y1)
                    bottom = max(bottom, box.y2)
                }
            }
            close(bytes.count)
        }
        return PageLines(lines: lines, extents: boxes == nil ? nil : extents)
    }

    /// True when the page draws at least one image.
    static func hasImages(_ page: OpaquePointer) -> Bool {
        guard let mapping = poppler_page_get_image_mapping(page) else { return false }
        poppler_page_free_image_mapping(mapping)
        return true
    }

    /// A line as compared with the other pages' edges: digits and white space runs as one `#` or space,
    /// lower-cased, so `Page 3 of 9` and `Page 4 of 9` are the same line.
    static func edgeKey(_ line: String) -> String {
        var key = ""
        var last: Character = " "
        for c in line.lowercased() {
            let mapped: Character = c.isNumber ? "#" : (c.isWhitespace ? " " : c)
            if mapped == last, mapped == "#" || mapped == " " { continue }
            key.append(mapped)
            last = mapped
        }
        return key.trimmingSpaces()
    }

    /// The edge lines (by ``edgeKey(_:)``) repeated at the top or the bottom of at least half of the
    /// pages and of three: running headers, footers and page numbers.
    static func repeatedEdgeLines(_ pages: [PageLines]) -> (top: Set<String>, bottom: Set<String>) {
        let withText = pages.filter { !$0.lines.isEmpty }.count
        guard withText >= 3 else { return ([], []) }
        var top: [String: Int] = [:]
        var bottom: [String: Int] = [:]
        for page in pages {
            for key in Set(page.top.map { edgeKey(page.lines[$0]) }) { top[key, default: 0] += 1 }
            for key in Set(page.bottom.map { edgeKey(page.lines[$0]) }) { bottom[key, default: 0] += 1 }
        }
        func frequent(_ counts: [String: Int]) -> Set<String> {
            Set(counts.filter { $0.value >= 3 && $0.value * 2 >= withText }.keys)
        }
        return (frequent(top), frequent(bottom))
    }

    /// A page's lines without its repeated header and footer lines: from each edge inwards, lines
    /// are dropped while they are repeated ones.
    static func dropEdges(_ page: PageLines, repeated: (top: Set<String>, bottom: Set<String>)) -> [String] {
        var dropped = Set<Int>()
        for index in page.top {
            guard repeated.top.contains(edgeKey(page.lines[index])) else { break }
            dropped.insert(index)
        }
        for index in page.bottom {
            guard repeated.bottom.contains(edgeKey(page.lines[index])) else { break }
            dropped.insert(index)
        }
        return page.lines.indices.filter { !dropped.contains($0) }.map { page.lines[$0] }
    }

    /// A string poppler or GLib returned for the caller to free; nil when empty or only white space.
    static func string(_ raw: UnsafeMutablePointer<CChar>?) -> String? {
        guard let raw else { return nil }
        defer { g_free(raw) }
        let value = Whitespace.collapse(String(cString: raw))
        return value.isEmpty ? nil : value
    }

    /// Why poppler could not open a document.
    static func skipReason(_ error: UnsafeMutablePointer<GError>?) -> SkipReason {
        guard let error else { return .malformed("not a readable PDF") }
        if error.pointee.domain == poppler_error_quark(), error.pointee.code == Int32(POPPLER_ERROR_ENCRYPTED.rawValue) {
            return .encrypted
        }
        return .malformed("not a readable PDF (damaged or not a PDF)")
    }

    /// Opens a regular, non-empty file (``ArticleLoader/openRegularFile(_:)``).
    static func openRegularFile(_ path: [UInt8]) throws -> Int32 {
        let (fd, info) = try ArticleLoader.openRegularFile(path)
        if info.st_size == 0 {
            close(fd)
            throw SkipReason.empty
        }
        return fd
    }
}
