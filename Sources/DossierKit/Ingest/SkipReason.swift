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
        }
    }

    /// The reason with its detail, for `--verbose` listings.
    public var detail: String {
        switch self {
        case .unsupportedFormat(let ext): return ext.isEmpty ? "unsupported format (no extension)" : "unsupported format .\(ext)"
        case .unreadable(let why): return "unreadable: \(why)"
        case .malformed(let why): return "malformed: \(why)"
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
