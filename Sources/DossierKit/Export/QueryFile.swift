import DossierSearch
import DossierSupport
import Foundation
import Yams

/// One query of an export: what to search for, its filters, and where it was written.
///
/// A spec comes from a line of a text file, an entry of a YAML file, or the command line.
/// It needs at least one of ``query``, ``topic`` or ``category``.
public struct QuerySpec: Sendable, Equatable {
    /// The id written in every row of the query (`query_id`): the line number of a text file, or the id given.
    public var id: String
    /// The 1-based line of the query file where the query starts (its position on the command line otherwise).
    public var line: Int
    /// The query text, in the syntax of `dossier search`.
    public var query: String?
    /// A topic of the lexicon whose terms the query should match.
    public var topic: String?
    /// A category of the lexicon (for example `organization`).
    public var category: String?
    /// Only articles dated on or after this ISO 8601 prefix.
    public var since: String?
    /// Only articles dated on or before this ISO 8601 prefix.
    public var until: String?
    /// Only articles from these sources.
    public var sources: [String]
    /// Only articles in these languages (ISO 639-1 codes).
    public var languages: [String] = []

    public init(
        id: String, line: Int, query: String? = nil, topic: String? = nil, category: String? = nil,
        since: String? = nil, until: String? = nil, sources: [String] = []
    ) {
        self.id = id
        self.line = line
        self.query = query
        self.topic = topic
        self.category = category
        self.since = since
        self.until = until
        self.sources = sources
    }

    /// The text written in the `query` column: the query, else `topic:NAME` / `category:NAME`.
    public var label: String {
        if let query { return query }
        var parts: [String] = []
        if let topic { parts.append("topic:" + topic) }
        if let category { parts.append("category:" + category) }
        return parts.joined(separator: " ")
    }
}

/// Reads the queries of an export from a file.
///
/// Three layouts, all UTF-8:
/// - Text: one query a line; blank lines and lines starting with `#` are skipped; the query id is
///   the line number.
/// - TSV: `id<TAB>query` a line (a text file whose lines hold a tab); blank and `#` lines skipped.
/// - YAML (`.yaml`, `.yml`): a list of entries with the keys `id`, `query`, `topic`, `category`,
///   `since`, `until`, `source` (one source or a list) and `language` (an ISO 639-1 code, a
///   comma-separated list or a YAML list). `id` defaults to the entry's line number.
///
/// ```swift
/// let specs = try QueryFile.parse("cluster munitions\n# skip me\nTaliban\n", path: "weekly.txt")
/// specs.map(\.id)  // ["1", "3"]
/// ```
/// Every problem is reported as ``ExportError`` with the file and line, before anything is searched.
public enum QueryFile {
    /// How a query file is laid out.
    public enum Layout: Sendable {
        /// Plain text or TSV, told apart line by line by the presence of a tab.
        case text
        /// A YAML list of entries.
        case yaml

        /// `.yaml` and `.yml` files are YAML; everything else is text.
        public static func of(path: String) -> Layout {
            let lower = path.lowercased()
            return lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") ? .yaml : .text
        }
    }

    /// Reads and parses the query file at `path`.
    /// - throws: ``ExportError``.
    public static func read(path: String) throws -> [QuerySpec] {
        guard let data = FileManager.default.contents(atPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw ExportError.unreadableQueryFile(path: path, reason: exists ? "permission denied or not a file" : "no such file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ExportError.unreadableQueryFile(path: path, reason: "not UTF-8 text")
        }
        return try parse(text, path: path, layout: Layout.of(path: path))
    }

    /// Parses query-file text. `path` is used in messages and to choose the layout when `layout` is nil.
    /// - throws: ``ExportError/malformedEntry(path:line:reason:)`` or ``ExportError/noQueries(path:)``.
    public static func parse(_ text: String, path: String, layout: Layout? = nil) throws -> [QuerySpec] {
        var body = text
        if body.hasPrefix("\u{FEFF}") { body.removeFirst() }
        let specs: [QuerySpec]
        switch layout ?? Layout.of(path: path) {
        case .text: specs = try parseText(body, path: path)
        case .yaml: specs = try parseYAML(body, path: path)
        }
        guard !specs.isEmpty else { throw ExportError.noQueries(path: path) }
        try checkUniqueIDs(specs, path: path)
        return specs
    }

    static func parseText(_ text: String, path: String) throws -> [QuerySpec] {
        var specs: [QuerySpec] = []
        for (index, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).enumerated() {
            let number = index + 1
            var line = Substring(rawLine)
            if line.hasSuffix("\r") { line = line.dropLast() }
            let trimmed = line.trimmingSpaces()
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            if let tab = line.firstIndex(of: "\t") {
                let id = line[..<tab].trimmingSpaces()
                let query = line[line.index(after: tab)...].trimmingSpaces()
                guard !id.isEmpty else {
                    throw ExportError.malformedEntry(path: path, line: number, reason: "the id before the tab is empty")
                }
                guard !query.isEmpty else {
                    throw ExportError.malformedEntry(path: path, line: number, reason: "no query after the tab (expected id<TAB>query)")
                }
                guard !query.contains("\t") else {
                    throw ExportError.malformedEntry(path: path, line: number, reason: "more than one tab (expected id<TAB>query)")
                }
                specs.append(QuerySpec(id: id, line: number, query: query))
            } else {
                specs.append(QuerySpec(id: String(number), line: number, query: trimmed))
            }
        }
        return specs
    }

    static let yamlKeys = ["id", "query", "topic", "category", "since", "until", "source", "language"]

    static func parseYAML(_ text: String, path: String) throws -> [QuerySpec] {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            switch error {
            case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
                .composer(let context, let problem, let mark, _):
                let within = context.map { " (\($0.text) that starts on line \($0.mark.line))" } ?? ""
                throw ExportError.malformedEntry(path: path, line: mark.line, reason: "not valid YAML: \(problem)\(within)")
            default:
                throw ExportError.malformedEntry(path: path, line: 1, reason: "not valid YAML: \(error)")
            }
        }
        guard let root else { return [] }
        guard let entries = root.sequence else {
            throw ExportError.malformedEntry(
                path: path, line: root.mark?.line ?? 1, reason: "expected a list of entries (- id: ..., query: ...)")
        }
        var specs: [QuerySpec] = []
        for entry in entries {
            let line = entry.mark?.line ?? 1
            func fail(_ reason: String) -> ExportError { .malformedEntry(path: path, line: line, reason: reason) }
            guard let mapping = entry.mapping else { throw fail("an entry must be a mapping with id and query (or topic or category)") }
            var spec = QuerySpec(id: String(line), line: line)
            for (keyNode, value) in mapping {
                guard let key = keyNode.scalar?.string else { throw fail("keys must be plain words") }
                func scalar() throws -> String {
                    guard let s = value.scalar?.string else { throw fail("\(key) must be a single value") }
                    let trimmed = Substring(s).trimmingSpaces()
                    guard !trimmed.isEmpty else { throw fail("\(key) is empty") }
                    return trimmed
                }
                switch key {
                case "id": spec.id = try scalar()
                case "query": spec.query = try scalar()
                case "topic": spec.topic = try scalar()
                case "category": spec.category = try scalar()
                case "since": spec.since = try date(try scalar(), key: key, fail: fail)
                case "until": spec.until = try date(try scalar(), key: key, fail: fail)
                case "source":
                    if let list = value.sequence {
                        spec.sources = try list.map { item in
                            guard let s = item.scalar?.string, !s.isEmpty else { throw fail("source must be a name or a list of names") }
                            return s
                        }
                    } else {
                        spec.sources = [try scalar()]
                    }
                case "language":
                    let values =
                        try value.sequence.map { list in
                            try list.map { item in
                                guard let s = item.scalar?.string, !s.isEmpty else {
                                    throw fail("language must be a code or a list of codes")
                                }
                                return s
                            }
                        } ?? [try scalar()]
                    do {
                        spec.languages = try SearchFilters.languages(parsing: values)
                    } catch let error as SearchError {
                        throw fail(error.description)
                    }
                default:
                    throw fail("unknown key \"\(key)\" (expected one of \(yamlKeys.joined(separator: ", ")))")
                }
            }
            guard spec.query != nil || spec.topic != nil || spec.category != nil else {
                throw fail("entry \(spec.id) has no query, topic or category")
            }
            specs.append(spec)
        }
        return specs
    }

    /// Accepts an ISO 8601 prefix: `2023`, `2023-07`, `2023-07-06`, `2023-07-06T10:00:00Z`.
    static func date(_ text: String, key: String, fail: (String) -> ExportError) throws -> String {
        let digits = Array(text.utf8)
        func isDigits(_ range: Range<Int>) -> Bool { range.upperBound <= digits.count && digits[range].allSatisfy { $0 >= 48 && $0 <= 57 } }
        let ok =
            isDigits(0..<4)
            && (digits.count == 4
                || (digits.count >= 7 && digits[4] == 45 && isDigits(5..<7)
                    && (digits.count == 7
                        || (digits.count >= 10 && digits[7] == 45 && isDigits(8..<10) && (digits.count == 10 || digits[10] == 84)))))
        guard ok else { throw fail("\(key) must be an ISO 8601 date such as 2023, 2023-07 or 2023-07-06 (got \"\(text)\")") }
        return text
    }

    static func checkUniqueIDs(_ specs: [QuerySpec], path: String) throws {
        var seen: [String: Int] = [:]
        for spec in specs {
            if let first = seen[spec.id] {
                throw ExportError.malformedEntry(path: path, line: spec.line, reason: "id \(spec.id) is already used on line \(first)")
            }
            seen[spec.id] = spec.line
        }
    }
}

extension Substring {
    /// The text without leading and trailing spaces and tabs.
    fileprivate func trimmingSpaces() -> String {
        var s = self
        while let first = s.first, first == " " || first == "\t" { s.removeFirst() }
        while let last = s.last, last == " " || last == "\t" { s.removeLast() }
        return String(s)
    }
}
