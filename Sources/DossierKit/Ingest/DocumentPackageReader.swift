import DossierModel
import DossierSupport

/// Reads zip-based documents: Word, PowerPoint and Excel files (Office Open XML), OpenDocument text,
/// presentations and spreadsheets, and EPUB e-books. What a zip holds is told by its content, not by
/// its name: a `mimetype` member (`application/epub+zip`, `application/vnd.oasis.opendocument.…`),
/// else the main part that `_rels/.rels` names (`word/…`, `ppt/…`, `xl/…`), else the first of
/// `word/document.xml`, `ppt/presentation.xml`, `xl/workbook.xml`, `content.xml` present. So a `.docx`
/// that is really an OpenDocument file is read as one, and so is a document saved without an extension.
///
/// The readers per format (``DOCXReader``, ``PPTXReader``, ``XLSXReader``, ``OpenDocumentReader``,
/// ``EPUBReader``) say what each keeps and drops; every member is read through ``ZipPackage``, within
/// its caps. One file is one article; its `format` is `docx`, `pptx`, `xlsx`, `odt`, `odp`, `ods` or `epub`.
public struct DocumentPackageReader: Sendable {
    /// What a zip-based document is.
    public enum Kind: String, Sendable, CaseIterable {
        case docx, pptx, xlsx, openDocument, epub
    }

    /// The extensions of zip-based documents. The kind they name is only a default: the content decides.
    public static let extensions: [String: Kind] = [
        "docx": .docx, "docm": .docx, "dotx": .docx, "dotm": .docx,
        "pptx": .pptx, "pptm": .pptx, "ppsx": .pptx, "ppsm": .pptx, "potx": .pptx, "potm": .pptx,
        "xlsx": .xlsx, "xlsm": .xlsx, "xltx": .xlsx, "xltm": .xlsx,
        "odt": .openDocument, "ott": .openDocument, "odp": .openDocument, "otp": .openDocument, "ods": .openDocument,
        "ots": .openDocument, "epub": .epub,
    ]

    /// Splits the documents' text into passages.
    public var splitter: PassageSplitter
    /// The unpacking caps of every file.
    var limits = ZipPackage.Limits()

    public init(splitter: PassageSplitter = PassageSplitter()) {
        self.splitter = splitter
    }

    /// The kind of document `package` holds, or nil when it is some other zip.
    static func kind(of package: ZipPackage) throws -> Kind? {
        if let bytes = try package.read("mimetype") {
            let type = String(decoding: bytes.prefix(200), as: UTF8.self).trimmingSpaces().lowercased()
            if type == "application/epub+zip" { return .epub }
            if type.hasPrefix("application/vnd.oasis.opendocument.") { return .openDocument }
        }
        if let main = try DOCXReader.mainPart(package), package.contains(main) {
            switch main.split(separator: "/").first.map({ $0.lowercased() }) {
            case "word": return .docx
            case "ppt": return .pptx
            case "xl": return .xlsx
            default: break
            }
        }
        if package.contains("word/document.xml") { return .docx }
        if package.contains("ppt/presentation.xml") { return .pptx }
        if package.contains("xl/workbook.xml") { return .xlsx }
        if package.contains("content.xml") { return .openDocument }
        if package.contains("META-INF/container.xml") { return .epub }
        return nil
    }

    /// Reads `file`, a zip holding a document of `kind`, opened as `package`.
    /// - throws: ``SkipReason``: `malformed` for a damaged document, `overUnpackingCaps` past a cap,
    ///   `empty` when it holds no text.
    func read(_ file: SourceFile, package: ZipPackage, kind: Kind) throws -> Article {
        let (document, format): (OfficeArticle, String)
        switch kind {
        case .docx: (document, format) = (try DOCXReader().read(package), "docx")
        case .pptx: (document, format) = (try PPTXReader().read(package), "pptx")
        case .xlsx: (document, format) = (try XLSXReader().read(package), "xlsx")
        case .openDocument: (document, format) = try OpenDocumentReader().read(package)
        case .epub: (document, format) = (try EPUBReader().read(package), "epub")
        }
        return try document.article(for: file, format: format, splitter: splitter)
    }
}
