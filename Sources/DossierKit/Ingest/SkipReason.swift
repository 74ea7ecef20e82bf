/// Why a file was not indexed. Each reason has a short user-facing label used to group the report.
public enum SkipReason: Sendable, Hashable {
    /// The extension is not one Dossier reads.
    case unsupportedFormat(String)
    /// The file holds NUL bytes: it is binary, not text.
    case binary
    /// The file has no text.
    case empty
    /// The file could not be opened or read (the system's reason).
    case unreadable(String)
    /// A symbolic link whose target does not exist.
    case brokenLink
    /// A symbolic link to a folder (not followed, to avoid loops).
    case linkToFolder
    /// A symbolic link that leads back to itself (directly or through other links), or a folder
    /// that contains itself (a bind mount).
    case linkLoop
    /// The file was found by the walk but was gone when it was opened (deleted or renamed meanwhile).
    case vanished
    /// A device, socket or pipe.
    case notARegularFile
    /// The file could not be parsed (the reader's reason).
    case malformed(String)
    /// The document is encrypted with a password (an encrypted Office file is an OLE compound file
    /// holding an `EncryptedPackage`).
    case encrypted
    /// A legacy binary format Dossier does not read (Word `.doc`, Excel `.xls`, PowerPoint `.ppt`);
    /// the detail says how to convert it.
    case legacyFormat(String)
    /// A zip-based document over the unpacking caps (``ZipPackage/Limits``): a zip bomb, or a document
    /// too large to unpack in bounded memory. The detail names the member and the cap.
    case overUnpackingCaps(String)
    /// A PDF none of whose pages has a text layer: a scan (the count is of its pages with images and
    /// no text). Reading it needs OCR, which is not available yet.
    case noText(pages: Int)

    /// The label that groups skipped files in the summary.
    public var label: String {
        switch self {
        case .unsupportedFormat: return "unsupported format"
        case .binary: return "binary"
        case .empty: return "empty"
        case .unreadable: return "unreadable"
        case .brokenLink: return "broken link"
        case .linkToFolder: return "link to a folder (not followed)"
        case .linkLoop: return "link loop"
        case .vanished: return "gone before it was read"
        case .notARegularFile: return "not a regular file"
        case .malformed: return "malformed"
        case .encrypted: return "encrypted (password)"
        case .legacyFormat: return "legacy format (convert first)"
        case .overUnpackingCaps: return "over the unpacking caps"
        case .noText: return "no text layer (scans need OCR)"
        }
    }

    /// The reason with its detail, for `--verbose` listings.
    public var detail: String {
        switch self {
        case .unsupportedFormat(let ext): return ext.isEmpty ? "unsupported format (no extension)" : "unsupported format .\(ext)"
        case .unreadable(let why): return "unreadable: \(why)"
        case .malformed(let why): return "malformed: \(why)"
        case .legacyFormat(let how): return how
        case .overUnpackingCaps(let why): return "over the unpacking caps: \(why)"
        case .noText(let pages):
            return "no text layer (\(pages) scanned \(pages == 1 ? "page" : "pages"); it needs OCR, not available yet)"
        default: return label
        }
    }

    /// True when the file should have been readable: such skips make `index` exit 2.
    public var isError: Bool {
        switch self {
        case .unreadable, .malformed: return true
        default: return false
        }
    }
}
