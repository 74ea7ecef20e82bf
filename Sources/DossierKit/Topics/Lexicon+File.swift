#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Lexicon {
    /// Reads a lexicon file (UTF-8 YAML).
    /// - throws: ``LexiconErrors`` when the file cannot be read or is not a valid lexicon.
    public init(contentsOfFile path: String) throws(LexiconErrors) {
        try self.init(yaml: try Self.read(path), source: path)
    }

    /// Every problem of a lexicon file (a file that cannot be read is one problem).
    public static func validate(file path: String) -> [LexiconError] {
        do {
            return validate(yaml: try read(path), source: path)
        } catch {
            return error.errors
        }
    }

    /// The lexicon searches and tags use: the built-in one, with the topics of `file` added or
    /// replacing built-in topics with the same id.
    public static func resolved(file path: String?) throws(LexiconErrors) -> Lexicon {
        guard let path else { return .builtIn }
        return Lexicon.builtIn.merging(try Lexicon(contentsOfFile: path))
    }

    static func read(_ path: String) throws(LexiconErrors) -> String {
        guard let file = fopen(path, "rb") else {
            let reason = String(cString: strerror(errno))
            throw LexiconErrors([LexiconError(source: path, line: 0, message: "cannot read the lexicon: \(reason)")])
        }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = fread(&chunk, 1, chunk.count, file)
            if n <= 0 { break }
            bytes += chunk[0..<n]
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw LexiconErrors([LexiconError(source: path, line: 0, message: "the lexicon is not UTF-8 text")])
        }
        return text
    }
}
