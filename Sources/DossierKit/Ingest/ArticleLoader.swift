import DossierModel
import DossierSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns a ``SourceFile`` into articles: reads its bytes (up to ``fileByteLimit``), picks a reader,
/// and fills in the metadata every article gets.
///
/// Choosing a reader:
/// - by extension: `.txt`/`.text` plain text, `.md`/`.markdown` Markdown, `.html`/`.htm`/`.xhtml`/`.shtml`
///   HTML, `.eml` e-mail, `.mbox`/`.mbx` mailboxes, `.json` JSON, `.jsonl`/`.ndjson` JSON Lines;
/// - by content (``FormatSniffer``) for files with no extension, a text-like extension that may lie
///   (`.txt`, `.text`, `.dat`, `.php`, `.asp`, numbered news spool files such as `.1`, …) or a "dot" that is
///   not an extension (`Mr. Smith goes to Washington`): HTML, e-mail, mbox or JSON content is read as such,
///   whatever the name says. A `.txt` file that is none of these is plain text; an unrecognised file with no
///   extension is skipped as an unsupported format;
/// - zip-based documents (`.docx`, `.pptx`, `.xlsx`, `.odt`, `.odp`, `.ods`, `.epub` and their template and
///   macro variants) through ``DocumentPackageReader``, which tells the kind from the zip's members; a zip
///   found by content in a sniffed file is read the same way when it holds such a document. `.rtf` (and RTF
///   content in a sniffed file or a `.doc`) through ``RTFReader``. Legacy `.doc`, `.xls`, `.ppt` and other
///   OLE files are skipped with a reason saying how to convert them, or as encrypted (``LegacyOfficeFile``);
/// - `.pdf` (and a sniffed file starting `%PDF-`) through ``PDFReader``, which opens the file itself;
/// - any other extension (`.jpg`, `.zip`…) is skipped as an unsupported format without being opened.
///
/// Metadata every article gets: `source` (the reader's, else the URL's host without `www.`, else the first
/// folder under the root), `date` (the reader's, normalised by ``DateParser``, else the file's modification
/// time in UTC with `dateSource` `mtime`; a date that does not parse is dropped with a warning), and
/// `language` (ISO 639-1, detected or as declared, see ``LanguageDetector``; nil when unsure).
///
/// Hostile files: empty files, files with NUL bytes (binary, unless UTF-16 with a byte-order mark),
/// files that vanish before they are read, and things that are not regular files by the time they are
/// opened are skipped with a ``SkipReason``; a file that changes while it is read is indexed as read,
/// with a warning. At most ``fileByteLimit`` bytes of a file are read (and held in memory): a longer file
/// is cut there and reported as truncated, so one article is at most 32 MiB of its file.
public struct ArticleLoader: Sendable {
    /// Files larger than this are read only up to this many bytes, and the rest is reported as cut.
    public static let maxFileBytes = 32 * 1024 * 1024

    /// The most bytes read from one file (``maxFileBytes`` unless changed).
    public var fileByteLimit = ArticleLoader.maxFileBytes

    /// The readers by lower-cased extension.
    public var readers: [String: any ArticleReader]

    /// The readers for formats recognised by content.
    public var sniffedReaders: [FormatSniffer.Format: any ArticleReader]

    /// The reader of zip-based documents (office files, e-books).
    public var packages: DocumentPackageReader

    /// The reader of PDF files.
    public var pdf: PDFReader

    /// Extensions whose files are sniffed: text-like names that say nothing reliable about the format.
    public static let sniffedExtensions: Set<String> = [
        "", "txt", "text", "dat", "data", "dump", "out", "raw", "page", "mail", "news", "art", "msg822", "php", "asp", "aspx", "jsp",
        "cfm", "cgi",
    ]

    /// Creates a loader whose readers split text with `splitter`; JSON fields are found with `jsonFields`;
    /// web pages keep all their text blocks, not only their main content, when `keepBoilerplate` is set.
    public init(splitter: PassageSplitter = PassageSplitter(), jsonFields: JSONFieldMap = JSONFieldMap(), keepBoilerplate: Bool = false) {
        let text = PlainTextReader(splitter: splitter)
        let markdown = MarkdownReader(splitter: splitter)
        let html = HTMLReader(splitter: splitter, keepBoilerplate: keepBoilerplate)
        let email = EmailReader(splitter: splitter)
        let json = JSONArticleReader(splitter: splitter, fields: jsonFields)
        let rtf = RTFReader(splitter: splitter)
        packages = DocumentPackageReader(splitter: splitter)
        pdf = PDFReader(splitter: splitter)
        readers = [
            "txt": text, "text": text, "md": markdown, "markdown": markdown,
            "html": html, "htm": html, "xhtml": html, "shtml": html,
            "eml": email, "mbox": email, "mbx": email, "emlx": EmlxReader(splitter: splitter),
            "json": json, "jsonl": json, "ndjson": json, "rtf": rtf,
        ]
        sniffedReaders = [.html: html, .email: email, .mbox: email, .json: json, .rtf: rtf]
    }

    /// True when the file is worth opening: some reader handles its extension, or its content will be sniffed.
    public func canRead(_ file: SourceFile) -> Bool {
        let ext = file.pathExtension
        return readers[ext] != nil || Self.isSniffed(ext) || Self.isMaildirMessage(file) || DocumentPackageReader.extensions[ext] != nil
            || LegacyOfficeFile.extensions[ext] != nil || ext == "pdf"
    }

    /// True for extensions whose files are sniffed: see ``sniffedExtensions``; also all-digit extensions
    /// (news spools, rotated dumps) and "extensions" that are really part of a name (spaces, over 10 characters).
    public static func isSniffed(_ pathExtension: String) -> Bool {
        if sniffedExtensions.contains(pathExtension) { return true }
        if pathExtension.allSatisfy({ $0.isASCII && $0.isNumber }) { return true }
        return pathExtension.count > 10 || !pathExtension.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
    }

    /// True for a message of a Maildir folder: a file in `cur/`, `new/` or `tmp/` whose name starts
    /// with its delivery time (`1733220000.M1P2.host:2,S`), so its "extension" is a host name or
    /// flags. (A message still in `tmp/` is read as it is; the next run sees it complete.)
    public static func isMaildirMessage(_ file: SourceFile) -> Bool {
        let parts = file.relativePath.split(separator: "/")
        guard parts.count >= 2, ["cur", "new", "tmp"].contains(parts[parts.count - 2]) else { return false }
        let name = parts[parts.count - 1]
        guard let dot = name.firstIndex(of: "."), dot != name.startIndex else { return false }
        return name[..<dot].allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// The outcome of loading one file.
    public struct Loaded: Sendable {
        public var file: SourceFile
        /// The bytes that were read (the whole file, or its first ``ArticleLoader/fileByteLimit``).
        public var bytes: Int
        /// True when the file was longer than ``ArticleLoader/fileByteLimit`` and was cut.
        public var truncated: Bool
        /// The articles, in file order. A file holding several (mbox, JSON array, JSON Lines) names them `path#n`.
        public var articles: [Article]
        /// Problems that did not stop the file from being indexed, one line each without the path:
        /// `line 7: malformed JSON`, `changed while being read`.
        public var warnings: [String] = []
        /// Pages that hold images but no text (scanned pages of a PDF): unread until OCR exists.
        public var pagesWithoutText = 0
    }

    /// Loads `file`.
    /// - throws: ``SkipReason`` when the file cannot be indexed.
    public func load(_ file: SourceFile) throws -> Loaded {
        if file.pathExtension == "pdf" { return try loadPDF(file) }
        var declared = readers[file.pathExtension]
        let sniffed = Self.isSniffed(file.pathExtension) || Self.isMaildirMessage(file)
        let package = DocumentPackageReader.extensions[file.pathExtension]
        let legacy = LegacyOfficeFile.extensions[file.pathExtension] != nil
        guard declared != nil || sniffed || package != nil || legacy else { throw SkipReason.unsupportedFormat(file.pathExtension) }
        if package != nil || legacy {
            // Binary containers by their first bytes: a zip is never read whole into memory here.
            let head = try Self.readFile(file.fileSystemPath, limit: 8).bytes
            if head.isEmpty { throw SkipReason.empty }
            if FormatSniffer.isOLE(head) {
                let bytes = try Self.readFile(file.fileSystemPath, limit: fileByteLimit).bytes
                throw LegacyOfficeFile.skipReason(pathExtension: file.pathExtension, bytes: bytes)
            }
            if FormatSniffer.isZip(head), let loaded = try loadPackage(file, sniffed: package == nil) { return loaded }
            if package != nil {
                throw SkipReason.malformed("not a zip file (a .\(file.pathExtension) file is a zip of XML parts)")
            }
            if legacy {
                // Word saves RTF under .doc as often as not; anything else is not what the name says.
                guard head.starts(with: Array("{\\rtf".utf8)) else { throw LegacyOfficeFile.notOLE(pathExtension: file.pathExtension) }
                declared = sniffedReaders[.rtf]
            }
        }
        let read = try Self.readFile(file.fileSystemPath, limit: fileByteLimit)
        let bytes = read.bytes
        if bytes.isEmpty || bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { throw SkipReason.empty }
        if sniffed, declared == nil || Self.isBinary(bytes) {
            // A document whose name says nothing (or lies): a zip or OLE file is told by its first bytes.
            if FormatSniffer.isOLE(bytes) { throw LegacyOfficeFile.skipReason(pathExtension: file.pathExtension, bytes: bytes) }
            if FormatSniffer.isZip(bytes), let loaded = try loadPackage(file, sniffed: true) { return loaded }
        }
        if sniffed, FormatSniffer.isPDF(bytes) { return try loadPDF(file) }
        if Self.isBinary(bytes) { throw SkipReason.binary }
        var reader = declared
        if sniffed, let format = FormatSniffer.sniff(bytes) { reader = sniffedReaders[format] }
        guard let reader else { throw SkipReason.unsupportedFormat(file.pathExtension) }

        var articles: [Article]
        var warnings = read.warnings
        if let byteReader = reader as? any ByteArticleReader {
            let result = try byteReader.read(file, bytes: bytes, truncated: read.truncated)
            articles = result.articles
            warnings += result.warnings
        } else {
            guard let (text, _) = TextDecoder.decode(bytes) else { throw SkipReason.binary }
            articles = try reader.read(file, text: text)
        }
        guard !articles.isEmpty else {
            // A container whose every entry was left out: say why, with the first reason.
            guard let first = warnings.first(where: { $0 != Self.changedWarning }) else { throw SkipReason.empty }
            let others = warnings.count - 1
            throw SkipReason.malformed(others > 0 ? first + " (and \(others) more)" : first)
        }
        return finish(file, articles: articles, bytes: bytes.count, truncated: read.truncated, warnings: warnings)
    }

    /// Reads a zip-based document; nil when `sniffed` and the zip is not a document (it is then read
    /// as any other sniffed file).
    func loadPackage(_ file: SourceFile, sniffed: Bool) throws -> Loaded? {
        let zip: ZipPackage
        let kind: DocumentPackageReader.Kind?
        do {
            zip = try ZipPackage(path: file.fileSystemPath, limits: packages.limits)
            kind = try DocumentPackageReader.kind(of: zip)
        } catch let reason as SkipReason {
            if sniffed { return nil }
            throw reason
        }
        guard let kind else {
            if sniffed { return nil }
            throw SkipReason.malformed("a zip file, but not an office document or e-book")
        }
        let article = try packages.read(file, package: zip, kind: kind)
        return finish(file, articles: [article], bytes: Int(file.size), truncated: false, warnings: [])
    }

    /// Reads a PDF (poppler opens the file itself: it is not read into memory here).
    func loadPDF(_ file: SourceFile) throws -> Loaded {
        let document = try pdf.read(file)
        var loaded = finish(file, articles: [document.article], bytes: Int(file.size), truncated: false, warnings: document.warnings)
        loaded.pagesWithoutText = document.pagesWithoutText
        return loaded
    }

    /// Fills in the metadata every article gets: source, normalised date or the file's time, script.
    func finish(_ file: SourceFile, articles: [Article], bytes: Int, truncated: Bool, warnings: [String]) -> Loaded {
        var articles = articles
        var warnings = warnings
        let mtime = DateParser.iso(epochSeconds: file.modificationTime)
        for i in articles.indices {
            if articles[i].metadata.source == nil {
                articles[i].metadata.source = articles[i].metadata.url.flatMap(Self.host) ?? file.firstFolder
            }
            if let date = articles[i].metadata.date, articles[i].metadata.dateSource != "mtime" {
                // Readers that pass dates through as written (Markdown front matter) get them normalised here.
                if let normalized = DateParser.normalize(date) {
                    articles[i].metadata.date = normalized
                } else {
                    warnings.append("date '\(date)' not understood; the file's modification time is used")
                    articles[i].metadata.date = nil
                }
            }
            if articles[i].metadata.date == nil, let mtime {
                articles[i].metadata.date = mtime
                articles[i].metadata.dateSource = "mtime"
            }
            articles[i].metadata.language = LanguageDetector.language(
                title: articles[i].title, passages: articles[i].passages, declared: articles[i].metadata.language)
        }
        return Loaded(file: file, bytes: bytes, truncated: truncated, articles: articles, warnings: warnings)
    }

    /// NUL bytes mean binary, except in UTF-16 text that starts with a byte-order mark.
    static func isBinary(_ bytes: [UInt8]) -> Bool {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return false }
        return bytes.contains(0)
    }

    /// The host of an absolute (or protocol-relative) URL, lower-cased, without `www.` (nil when `url` has none).
    static func host(_ url: String) -> String? {
        var rest: Substring
        if let scheme = url.firstRange(of: "://") {
            rest = url[scheme.upperBound...]
        } else if url.hasPrefix("//") {
            rest = url.dropFirst(2)  // protocol-relative
        } else {
            return nil
        }
        if let end = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { rest = rest[..<end] }
        if let at = rest.lastIndex(of: "@") { rest = rest[rest.index(after: at)...] }
        if !rest.hasPrefix("["), let colon = rest.lastIndex(of: ":") { rest = rest[..<colon] }
        var host = rest.lowercased()
        if host.hasPrefix("www.") { host.removeFirst(4) }
        return host.isEmpty || host.contains(" ") ? nil : host
    }

    /// What ``readFile(_:limit:)`` read.
    struct FileRead {
        var bytes: [UInt8]
        var truncated: Bool
        var warnings: [String]
    }

    /// Reads at most `limit` bytes of a file. Opens without blocking (a file replaced by a pipe
    /// cannot hang the run) and checks that what was opened is a regular file.
    static func readFile(_ path: [UInt8], limit: Int) throws -> FileRead {
        let (fd, before) = try openRegularFile(path)
        defer { close(fd) }
        let (bytes, truncated) = try readBytes(fd, expected: Int(before.st_size), limit: limit)
        var after = stat()
        var warnings: [String] = []
        if fstat(fd, &after) == 0, after.st_size != before.st_size || modificationTime(after) != modificationTime(before) {
            warnings.append(changedWarning)
        }
        return FileRead(bytes: bytes, truncated: truncated, warnings: warnings)
    }

    /// Opens a file for reading without blocking (a file replaced by a pipe cannot hang the run)
    /// and checks that what was opened is a regular file. Returns the descriptor, which the
    /// caller closes, and the file's status.
    /// - throws: ``SkipReason``: `vanished`, `linkLoop`, `notARegularFile`, `unreadable`.
    static func openRegularFile(_ path: [UInt8]) throws -> (fd: Int32, info: stat) {
        let fd = open(path.cString, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        guard fd >= 0 else {
            let code = errno
            if code == ENOENT || code == ENOTDIR { throw SkipReason.vanished }
            if code == ELOOP { throw SkipReason.linkLoop }
            throw SkipReason.unreadable(String(cString: strerror(code)))
        }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw SkipReason.unreadable(reason)
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            throw SkipReason.notARegularFile
        }
        return (fd, info)
    }

    static let changedWarning = "changed while being read; indexed as read"

    static func modificationTime(_ info: stat) -> Double {
        #if canImport(Darwin)
        return Double(info.st_mtimespec.tv_sec) + Double(info.st_mtimespec.tv_nsec) / 1e9
        #else
        return Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9
        #endif
    }

    /// Reads at most `limit` bytes of a file.
    static func readBytes(_ path: [UInt8], limit: Int) throws -> ([UInt8], Bool) {
        let read = try readFile(path, limit: limit)
        return (read.bytes, read.truncated)
    }

    /// Reads at most `limit` bytes from `fd`, growing the buffer as the file turns out longer than
    /// `expected`; reads one byte past the limit to tell whether the file was cut.
    static func readBytes(_ fd: Int32, expected: Int, limit: Int) throws -> ([UInt8], Bool) {
        var buffer = [UInt8](repeating: 0, count: min(max(expected, 4096), limit) + 1)
        var count = 0
        while count < buffer.count {
            let n = buffer.withUnsafeMutableBytes { raw in
                read(fd, raw.baseAddress! + count, raw.count - count)
            }
            if n < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                throw SkipReason.unreadable(String(cString: strerror(errno)))
            }
            if n == 0 { break }
            count += n
            if count == buffer.count && count <= limit {
                buffer += [UInt8](repeating: 0, count: min(buffer.count, limit + 1 - buffer.count))
            }
        }
        let truncated = count > limit
        buffer.removeSubrange(min(count, limit)...)
        return (buffer, truncated)
    }
}
