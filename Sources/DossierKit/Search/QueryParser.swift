/// Turns what a user types into a safe FTS5 MATCH expression.
///
/// FTS5 syntax works: `AND`, `OR`, `NOT` (upper case), `"phrases"`, `NEAR(a b, 5)`, `prefix*` and
/// parentheses. Everything else is read as words: every word of the output is a quoted FTS5
/// string, so text such as `U.S.`, `al-Qaeda`, `B-52`, `don't` or `time:10` can never be a syntax
/// error (FTS5 splits it into a phrase of its tokens, exactly as it split the indexed text).
/// Curly quotes count as straight quotes, and no-break spaces as spaces.
///
/// Rejected with ``SearchError/malformedQuery(reason:hint:)``: an unbalanced `"` or parenthesis, an
/// operator without a term on each side, `NEAR` without its parentheses or with a bad distance.
/// ``Mode/literal`` never rejects: it searches for all the words as typed.
///
/// ```swift
/// let q = try QueryParser().parse("U.S. “cluster munitions” NOT training")
/// q.expression  // "U.S." AND "cluster munitions" NOT "training"
/// ```
public struct QueryParser: Sendable {
    /// How to read the query text.
    public enum Mode: String, Sendable, CaseIterable {
        /// FTS5 operators and quotes are syntax.
        case syntax
        /// Every word is searched for as typed; quotes and operators are words or ignored.
        case literal
    }

    public var mode: Mode

    public init(mode: Mode = .syntax) {
        self.mode = mode
    }

    /// Parses `text` into a ``SearchQuery``.
    /// - throws: ``SearchError``.
    public func parse(_ text: String) throws -> SearchQuery {
        let normalized = Self.normalize(text)
        let node: QueryNode
        var typedAsWords = false
        switch mode {
        case .literal:
            let words = Self.words(in: normalized).map { QueryNode.phrase([$0], prefix: false) }
            guard !words.isEmpty else { throw SearchError.emptyQuery }
            node = words.count == 1 ? words[0] : .and(words)
        case .syntax:
            let tokens = try Lexer.tokens(normalized)
            typedAsWords = tokens.allSatisfy {
                switch $0 {
                case .word(_, let prefix), .quoted(_, let prefix): return !prefix
                default: return false
                }
            }
            var parser = Parser(tokens: tokens)
            node = try parser.parseQuery()
        }
        return SearchQuery(text: text, root: node, typedAsWords: typedAsWords)
    }

    /// Replaces curly quotes with straight ones and no-break or other exotic spaces with a space.
    static func normalize(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "“", "”", "„", "‟", "«", "»", "＂": out.append("\"")
            case "‘", "’", "‚", "‛": out.append("'")
            default: out.append(scalar.properties.isWhitespace ? " " : scalar)
            }
        }
        return String(out)
    }

    /// The words of `text` that hold at least one letter or digit.
    static func words(in text: String) -> [String] {
        text.split(whereSeparator: { $0.isWhitespace || $0 == "\"" || $0 == "(" || $0 == ")" || $0 == "*" })
            .map(String.init).filter(Self.isSearchable)
    }

    /// True when a word holds something the tokenizer keeps (a letter, a digit or a private-use character).
    static func isSearchable<S: StringProtocol>(_ word: S) -> Bool {
        word.unicodeScalars.contains { s in
            switch s.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                .decimalNumber, .letterNumber, .otherNumber, .privateUse:
                return true
            default:
                return false
            }
        }
    }
}

/// A parsed query, ready to bind to `MATCH`.
public struct SearchQuery: Sendable, Equatable {
    /// What the user typed.
    public let text: String
    /// The parsed tree.
    public let root: QueryNode

    /// True when the query was typed as words and quoted phrases only, with no FTS5 operator,
    /// parenthesis or prefix `*`: a query that default search reads as concepts (``QueryConcepts``).
    public let typedAsWords: Bool

    /// The FTS5 expression: every word quoted, operators explicit.
    public var expression: String { root.fts5 }

    public init(text: String, root: QueryNode, typedAsWords: Bool = false) {
        self.text = text
        self.root = root
        self.typedAsWords = typedAsWords
    }
}

/// A node of a parsed query.
public indirect enum QueryNode: Sendable, Equatable {
    /// Words that must appear in sequence; the last may be a prefix.
    case phrase([String], prefix: Bool)
    case and([QueryNode])
    case or([QueryNode])
    /// Matches `positive` but not `negative`.
    case not(QueryNode, QueryNode)
    /// Phrases within `distance` tokens of each other.
    case near([QueryNode], distance: Int?)

    /// The node in FTS5 syntax.
    public var fts5: String {
        switch self {
        case .phrase(let words, let prefix):
            let body = words.joined(separator: " ").replacingQuotes()
            return "\"" + body + "\"" + (prefix ? "*" : "")
        case .and(let nodes): return nodes.map { $0.fts5Grouped(in: self) }.joined(separator: " AND ")
        case .or(let nodes): return nodes.map { $0.fts5Grouped(in: self) }.joined(separator: " OR ")
        case .not(let a, let b): return a.fts5Grouped(in: self) + " NOT " + b.fts5Grouped(in: self)
        case .near(let phrases, let distance):
            return "NEAR(" + phrases.map(\.fts5).joined(separator: " ") + (distance.map { ", \($0)" } ?? "") + ")"
        }
    }

    /// Every phrase of the query, in order (for expansion and explanations).
    public var phrases: [[String]] {
        switch self {
        case .phrase(let words, _): return [words]
        case .and(let nodes), .or(let nodes), .near(let nodes, _): return nodes.flatMap(\.phrases)
        case .not(let a, _): return a.phrases
        }
    }

    private func fts5Grouped(in parent: QueryNode) -> String {
        switch self {
        case .phrase, .near: return fts5
        default: return "(" + fts5 + ")"
        }
    }
}

extension String {
    /// Doubles `"` so the text can sit inside an FTS5 string.
    fileprivate func replacingQuotes() -> String {
        contains("\"") ? split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") : self
    }
}

/// The tokens of a query in FTS5 syntax.
enum Lexer {
    enum Token: Equatable {
        case word(String, prefix: Bool)
        case quoted(String, prefix: Bool)
        case and, or, not, near
        case open, close, comma
        case number(Int)
    }

    static func tokens(_ text: String) throws -> [Token] {
        var tokens: [Token] = []
        let chars = Array(text)
        var i = 0
        var nearDepth: Int? = nil  // inside NEAR( ... ): commas and numbers mean something
        var depth = 0
        while i < chars.count {
            let c = chars[i]
            if c.isWhitespace {
                i += 1
                continue
            }
            if c == "\"" {
                guard let close = chars[(i + 1)...].firstIndex(of: "\"") else {
                    throw SearchError.malformedQuery(
                        reason: "unbalanced \" (a phrase is opened but never closed)",
                        hint: "close the quote, or pass --literal to search the words as typed")
                }
                let body = String(chars[(i + 1)..<close])
                var next = close + 1
                let prefix = next < chars.count && chars[next] == "*"
                if prefix { next += 1 }
                tokens.append(.quoted(body, prefix: prefix))
                i = next
                continue
            }
            if c == "(" {
                depth += 1
                tokens.append(.open)
                i += 1
                continue
            }
            if c == ")" {
                if depth == nearDepth { nearDepth = nil }
                depth -= 1
                tokens.append(.close)
                i += 1
                continue
            }
            if c == ",", nearDepth != nil {
                tokens.append(.comma)
                i += 1
                continue
            }
            var end = i
            while end < chars.count, !chars[end].isWhitespace, chars[end] != "\"", chars[end] != "(", chars[end] != ")",
                !(nearDepth != nil && chars[end] == ",")
            {
                end += 1
            }
            var word = String(chars[i..<end])
            i = end
            switch word {
            case "AND": tokens.append(.and)
            case "OR": tokens.append(.or)
            case "NOT": tokens.append(.not)
            case "NEAR" where i < chars.count && chars[i] == "(":
                tokens.append(.near)
                nearDepth = depth + 1
            default:
                if nearDepth != nil, tokens.last == .comma, let n = Int(word) {
                    tokens.append(.number(n))
                    continue
                }
                let prefix = word.hasSuffix("*")
                while word.hasSuffix("*") { word.removeLast() }
                if QueryParser.isSearchable(word) {
                    tokens.append(.word(word, prefix: prefix))
                }
            }
        }
        return tokens
    }
}

/// A recursive-descent parser over ``Lexer`` tokens, with FTS5's precedence: NOT, then AND, then OR.
struct Parser {
    var tokens: [Lexer.Token]
    var position = 0

    init(tokens: [Lexer.Token]) {
        self.tokens = tokens
    }

    static let hint = "pass --literal to search the words as typed"

    mutating func parseQuery() throws -> QueryNode {
        guard !tokens.isEmpty else { throw SearchError.emptyQuery }
        let node = try parseOr()
        if position < tokens.count {
            if tokens[position] == .close {
                throw SearchError.malformedQuery(reason: "unbalanced ) (closed but never opened)", hint: "remove it, or " + Self.hint)
            }
            throw SearchError.malformedQuery(reason: "unexpected \(describe(tokens[position]))", hint: Self.hint)
        }
        return node
    }

    var current: Lexer.Token? { position < tokens.count ? tokens[position] : nil }

    mutating func parseOr() throws -> QueryNode {
        var nodes = [try parseAnd()]
        while current == .or {
            position += 1
            nodes.append(try parseAnd(after: "OR"))
        }
        return nodes.count == 1 ? nodes[0] : .or(nodes)
    }

    mutating func parseAnd(after op: String? = nil) throws -> QueryNode {
        var nodes = [try parseNot(after: op)]
        while let token = current, token != .or, token != .close {
            if token == .and {
                position += 1
                nodes.append(try parseNot(after: "AND"))
            } else {
                nodes.append(try parseNot(after: nil))
            }
        }
        return nodes.count == 1 ? nodes[0] : .and(nodes)
    }

    mutating func parseNot(after op: String?) throws -> QueryNode {
        var node = try parseUnary(after: op)
        while current == .not {
            position += 1
            node = .not(node, try parseUnary(after: "NOT"))
        }
        return node
    }

    mutating func parseUnary(after op: String?) throws -> QueryNode {
        guard let token = current else {
            if let op {
                throw SearchError.malformedQuery(reason: "\(op) needs a term after it", hint: "add one, or " + Self.hint)
            }
            throw SearchError.emptyQuery
        }
        switch token {
        case .word(let w, let prefix):
            position += 1
            return .phrase([w], prefix: prefix)
        case .quoted(let body, let prefix):
            position += 1
            let words = QueryParser.words(in: body)
            guard !words.isEmpty else {
                throw SearchError.malformedQuery(reason: "the phrase \"\(body)\" has no words", hint: "remove it, or " + Self.hint)
            }
            return .phrase(words, prefix: prefix)
        case .open:
            position += 1
            if current == .close {
                throw SearchError.malformedQuery(reason: "empty parentheses", hint: "put terms inside them, or " + Self.hint)
            }
            let inner = try parseOr()
            guard current == .close else {
                throw SearchError.malformedQuery(reason: "unbalanced ( (opened but never closed)", hint: "close it, or " + Self.hint)
            }
            position += 1
            return inner
        case .near:
            position += 1
            return try parseNear()
        case .and, .or, .not:
            let name = describe(token)
            throw SearchError.malformedQuery(
                reason: op == nil ? "\(name) needs a term before it" : "\(op!) is followed by \(name)",
                hint: "write terms on both sides, e.g. `drones \(name) Kyiv`, or " + Self.hint)
        case .close:
            throw SearchError.malformedQuery(
                reason: op.map { "\($0) needs a term after it" } ?? "unbalanced ) (closed but never opened)", hint: Self.hint)
        case .comma, .number:
            throw SearchError.malformedQuery(reason: "unexpected \(describe(token))", hint: Self.hint)
        }
    }

    mutating func parseNear() throws -> QueryNode {
        guard current == .open else {
            throw SearchError.malformedQuery(reason: "NEAR needs parentheses, e.g. NEAR(cluster munitions, 5)", hint: Self.hint)
        }
        position += 1
        var phrases: [QueryNode] = []
        var distance: Int? = nil
        var closed = false
        loop: while let token = current {
            switch token {
            case .word(let w, let prefix):
                phrases.append(.phrase([w], prefix: prefix))
                position += 1
            case .quoted(let body, let prefix):
                let words = QueryParser.words(in: body)
                if !words.isEmpty { phrases.append(.phrase(words, prefix: prefix)) }
                position += 1
            case .comma:
                position += 1
                guard case .number(let n) = current, n >= 0 else {
                    throw SearchError.malformedQuery(reason: "NEAR's distance must be a whole number, e.g. NEAR(a b, 10)", hint: Self.hint)
                }
                distance = n
                position += 1
                guard current == .close else {
                    throw SearchError.malformedQuery(reason: "NEAR(...) must end after its distance", hint: Self.hint)
                }
            case .close:
                position += 1
                closed = true
                break loop
            default:
                throw SearchError.malformedQuery(reason: "NEAR(...) holds only phrases and a distance", hint: Self.hint)
            }
        }
        guard closed else {
            throw SearchError.malformedQuery(reason: "unbalanced ( in NEAR (opened but never closed)", hint: "close it, or " + Self.hint)
        }
        guard phrases.count >= 2 else {
            if phrases.count == 1 { return phrases[0] }
            throw SearchError.malformedQuery(reason: "NEAR(...) needs at least two terms", hint: Self.hint)
        }
        return .near(phrases, distance: distance)
    }

    func describe(_ token: Lexer.Token) -> String {
        switch token {
        case .and: return "AND"
        case .or: return "OR"
        case .not: return "NOT"
        case .near: return "NEAR"
        case .open: return "("
        case .close: return ")"
        case .comma: return "a comma"
        case .number(let n): return "\(n)"
        case .word(let w, _): return w
        case .quoted(let q, _): return "\"\(q)\""
        }
    }
}
