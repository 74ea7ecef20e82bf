/// Errors of the ingest stage that stop a run (per-file problems are ``SkipReason``s instead).
public enum IngestError: Error, CustomStringConvertible, Equatable, Sendable {
    /// A folder or file named on the command line cannot be read.
    case unreadableRoot(path: String, reason: String)

    public var description: String {
        switch self {
        case .unreadableRoot(let path, let reason):
            return "cannot read \(path): \(reason)"
        }
    }
}
