/// Errors of `export`: one line each, naming the file and line when there is one.
public enum ExportError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The query file cannot be read.
    case unreadableQueryFile(path: String, reason: String)
    /// A line or entry of the query file is malformed.
    case malformedEntry(path: String, line: Int, reason: String)
    /// The query file holds no queries.
    case noQueries(path: String)
    /// A query's text cannot be parsed (``SearchError`` carried as text).
    case invalidQuery(id: String, line: Int, reason: String)
    /// The output file cannot be created, written or moved into place.
    case output(path: String, reason: String)

    public var description: String {
        switch self {
        case .unreadableQueryFile(let path, let reason):
            return "cannot read the query file \(path): \(reason)"
        case .malformedEntry(let path, let line, let reason):
            return "\(path):\(line): \(reason)"
        case .noQueries(let path):
            return "\(path) holds no queries; write one query a line (# starts a comment)"
        case .invalidQuery(let id, let line, let reason):
            return "query \(id) (line \(line)): \(reason)"
        case .output(let path, let reason):
            return "cannot write \(path): \(reason)"
        }
    }
}
