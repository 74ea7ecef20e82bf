/// Errors of the search stage: one line each, with a hint.
public enum SearchError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The query text cannot be read as a query.
    case malformedQuery(reason: String, hint: String)
    /// The query has nothing to search for.
    case emptyQuery
    /// An option value is out of range.
    case invalidOption(String)
    /// A location (`PATH` or `PATH:PASSAGE`) that the index does not have.
    case unknownLocation(String, hint: String)
    /// A `--language` value that is not an ISO 639-1 code the detector knows.
    case unknownLanguage(String)

    public var description: String {
        switch self {
        case .malformedQuery(let reason, let hint): return "malformed query: \(reason); \(hint)"
        case .emptyQuery: return "the query has no words to search for; type at least one word or number"
        case .invalidOption(let message): return message
        case .unknownLocation(let message, let hint): return "\(message); \(hint)"
        case .unknownLanguage(let code):
            return
                "unknown language '\(code)'; give ISO 639-1 codes such as en, uk, ru, de, fr, es, ar or zh (dossier stats lists the index's languages)"
        }
    }
}
