import CSQLite

/// One of FTS5's own tokenizers, called directly: the very code that split the indexed text, so
/// tokens, their byte offsets and their positions are exactly those of the index.
///
/// ```swift
/// let tokenizer = try FTS5Tokenizer(connection: db, definition: "porter unicode61 remove_diacritics 2")
/// tokenizer.tokenize(Array("Running men".utf8)) { token, start, end in print(token.count, start, end) }
/// ```
///
/// Use each tokenizer from one thread at a time (it keeps state between calls); it may move
/// between threads, and ``init(definition:)`` gives one that shares nothing with other connections.
public final class FTS5Tokenizer: @unchecked Sendable {
    /// How the text is tokenized (FTS5 passes this to the tokenizer; porter and unicode61 ignore it).
    public enum Purpose: Int32, Sendable {
        /// Document text, as when indexing.
        case document = 0x0004
        /// A query term.
        case query = 0x0001
        /// A prefix query term (`word*`).
        case prefixQuery = 0x0003
        /// Text tokenized for an auxiliary function (`snippet()`, `highlight()`).
        case aux = 0x0008
    }

    private let module: fts5_tokenizer
    private let instance: OpaquePointer
    /// Keeps the connection (and so the tokenizer's module) alive.
    private let connection: Connection

    /// Creates the tokenizer of a `tokenize=` definition such as `porter unicode61 remove_diacritics 2`:
    /// the first word names the tokenizer, the others are its arguments.
    /// - throws: ``SQLiteError`` when FTS5 is missing or does not know the tokenizer.
    public init(connection: Connection, definition: String) throws {
        let (name, arguments) = try Self.parse(definition)
        let api = try Self.api(of: connection)
        guard let find = api.pointee.xFindTokenizer else {
            throw SQLiteError(code: SQLITE_ERROR, message: "FTS5 is not available")
        }
        var context: UnsafeMutableRawPointer? = nil
        var module = fts5_tokenizer()
        let found = find(api, name, &context, &module)
        guard found == SQLITE_OK, let create = module.xCreate else {
            throw SQLiteError(code: found, message: "no FTS5 tokenizer \(name)")
        }
        var created: OpaquePointer? = nil
        let rc = Self.withCStrings(arguments) { argv in
            create(context, argv.baseAddress, Int32(arguments.count), &created)
        }
        guard rc == SQLITE_OK, let created else { throw SQLiteError(code: rc, message: "cannot create tokenizer \(definition)") }
        self.module = module
        self.instance = created
        self.connection = connection
    }

    /// A tokenizer of its own private in-memory database, for use on any one thread.
    public convenience init(definition: String) throws {
        try self.init(connection: Connection(path: ":memory:"), definition: definition)
    }

    deinit {
        module.xDelete?(instance)
    }

    /// A `tokenize=` definition's tokenizer name (its first word) and arguments (the others).
    static func parse(_ definition: String) throws -> (name: String, arguments: [String]) {
        let words = definition.split(separator: " ").map(String.init)
        guard let name = words.first else { throw SQLiteError(code: SQLITE_MISUSE, message: "empty tokenizer definition") }
        return (name, Array(words.dropFirst()))
    }

    /// The connection's `fts5_api`, which comes out of `SELECT fts5(?1)` (https://sqlite.org/fts5.html#extending_fts5).
    static func api(of connection: Connection) throws -> UnsafeMutablePointer<fts5_api> {
        let statement = try connection.prepare("SELECT fts5(?1)")
        var api: UnsafeMutablePointer<fts5_api>? = nil
        let bound = withUnsafeMutablePointer(to: &api) { pointer in
            sqlite3_bind_pointer(statement.handle, 1, pointer, "fts5_api_ptr", nil)
        }
        guard bound == SQLITE_OK else { throw SQLiteError(code: bound, message: "cannot reach FTS5") }
        _ = try statement.step()
        guard let api else { throw SQLiteError(code: SQLITE_ERROR, message: "FTS5 is not available") }
        return api
    }

    /// Calls `token` with each token of `text` (UTF-8): its bytes (folded and stemmed), and the byte
    /// offsets of the text it came from. `flags` of 1 (`FTS5_TOKEN_COLOCATED`) marks a synonym at
    /// the previous token's position. Returns false if the tokenizer failed.
    @discardableResult
    public func tokenize(
        _ text: UnsafeBufferPointer<UInt8>, purpose: Purpose = .aux,
        token: (_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ flags: Int32) -> Void
    ) -> Bool {
        withoutActuallyEscaping(token) { token in
            var box = Callback(body: token)
            return withUnsafeMutablePointer(to: &box) { pointer in
                let rc = text.withMemoryRebound(to: CChar.self) { chars in
                    module.xTokenize(
                        instance, UnsafeMutableRawPointer(pointer), purpose.rawValue, chars.baseAddress, Int32(chars.count),
                        { context, flags, bytes, count, start, end in
                            let box = context!.assumingMemoryBound(to: Callback.self)
                            let token =
                                UnsafeRawPointer(bytes).map {
                                    UnsafeBufferPointer(start: $0.assumingMemoryBound(to: UInt8.self), count: Int(count))
                                } ?? UnsafeBufferPointer(start: nil, count: 0)
                            box.pointee.body(token, Int(start), Int(end), flags)
                            return SQLITE_OK
                        })
                }
                return rc == SQLITE_OK
            }
        }
    }

    /// Calls FTS5's tokenizer with a C callback and its context directly (no Swift closure per token).
    func tokenize(
        _ text: UnsafeBufferPointer<UInt8>, purpose: Purpose, context: UnsafeMutableRawPointer,
        callback: @convention(c) (UnsafeMutableRawPointer?, Int32, UnsafePointer<CChar>?, Int32, Int32, Int32) -> Int32
    ) -> Bool {
        text.withMemoryRebound(to: CChar.self) { chars in
            module.xTokenize(instance, context, purpose.rawValue, chars.baseAddress, Int32(chars.count), callback) == SQLITE_OK
        }
    }

    /// Tokenizes a Swift string (see ``tokenize(_:purpose:token:)``).
    @discardableResult
    public func tokenize(
        _ text: String, purpose: Purpose = .aux,
        token: (_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ flags: Int32) -> Void
    ) -> Bool {
        var text = text
        return text.withUTF8 { tokenize($0, purpose: purpose, token: token) }
    }

    private struct Callback {
        let body: (UnsafeBufferPointer<UInt8>, Int, Int, Int32) -> Void
    }

    private static func withCStrings<T>(_ strings: [String], _ body: (UnsafeMutableBufferPointer<UnsafePointer<CChar>?>) -> T) -> T {
        let copies: [UnsafeMutablePointer<CChar>] = strings.map { string in
            let bytes = Array(string.utf8CString)
            let copy = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count)
            copy.initialize(from: bytes, count: bytes.count)
            return copy
        }
        defer { for copy in copies { copy.deallocate() } }
        var pointers: [UnsafePointer<CChar>?] = copies.map { UnsafePointer($0) }
        return pointers.withUnsafeMutableBufferPointer { body($0) }
    }
}
