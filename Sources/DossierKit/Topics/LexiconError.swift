/// A problem in a lexicon file, with the line it is on.
///
/// Its description is one line: `FILE:LINE: MESSAGE`, so editors and `grep` can jump to it.
public struct LexiconError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The file the lexicon came from (`built-in` for the default).
    public var source: String
    /// 1-based line of the problem (0 when the whole file is at fault).
    public var line: Int
    /// What is wrong and what to do.
    public var message: String

    public init(source: String, line: Int, message: String) {
        self.source = source
        self.line = line
        self.message = message
    }

    public var description: String {
        line > 0 ? "\(source):\(line): \(message)" : "\(source): \(message)"
    }
}

/// Every problem found in a lexicon file (the error ``Lexicon/init(yaml:source:)`` throws).
public struct LexiconErrors: Error, CustomStringConvertible, Equatable, Sendable {
    /// The problems, in file order.
    public var errors: [LexiconError]

    public init(_ errors: [LexiconError]) {
        self.errors = errors
    }

    /// The first problem, and how many more there are, with a hint.
    public var description: String {
        guard let first = errors.first else { return "invalid lexicon" }
        let more = errors.count > 1 ? " (and \(errors.count - 1) more problem\(errors.count > 2 ? "s" : ""))" : ""
        return "\(first)\(more); list them with `dossier topics --lexicon \(first.source) --check`"
    }
}
