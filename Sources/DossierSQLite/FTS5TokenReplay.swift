import CSQLite

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The tokens FTS5's tokenizer made of one text, recorded so that another thread can hand them to
/// FTS5 later instead of tokenizing the text again (see ``FTS5TokenReplay``).
public struct FTS5Tokens: Sendable, Equatable {
    /// The tokens' bytes, one after another.
    public private(set) var bytes: [UInt8] = []
    /// Four numbers per token: end of its bytes in ``bytes``, start and end byte offsets in the
    /// text, and FTS5's flags (1 marks a colocated synonym).
    public private(set) var entries: [Int32] = []
    /// Length in bytes of the text the tokens were made of.
    public private(set) var textLength = 0

    public init() {}

    /// The number of tokens.
    public var count: Int { entries.count / 4 }

    /// Records what `tokenizer` makes of `text` (as an indexed document). Returns nil if it failed.
    public static func record(_ text: String, with tokenizer: FTS5Tokenizer) -> FTS5Tokens? {
        var tokens = FTS5Tokens()
        var text = text
        let ok = text.withUTF8 { buffer -> Bool in
            tokens.textLength = buffer.count
            tokens.bytes.reserveCapacity(buffer.count)
            tokens.entries.reserveCapacity(buffer.count)
            return withUnsafeMutablePointer(to: &tokens) { pointer in
                tokenizer.tokenize(buffer, purpose: .document, context: UnsafeMutableRawPointer(pointer)) {
                    context, flags, token, count, start, end in
                    let tokens = context!.assumingMemoryBound(to: FTS5Tokens.self)
                    if count > 0, let token {
                        UnsafeRawPointer(token).withMemoryRebound(to: UInt8.self, capacity: Int(count)) {
                            tokens.pointee.bytes.append(contentsOf: UnsafeBufferPointer(start: $0, count: Int(count)))
                        }
                    }
                    tokens.pointee.entries.append(Int32(truncatingIfNeeded: tokens.pointee.bytes.count))
                    tokens.pointee.entries.append(start)
                    tokens.pointee.entries.append(end)
                    tokens.pointee.entries.append(flags)
                    return SQLITE_OK
                }
            }
        }
        return ok ? tokens : nil
    }
}

/// Lets FTS5 take the tokens of a text made beforehand, on other threads, instead of tokenizing
/// it on the writing thread.
///
/// FTS5 spends about a third of an insert splitting and stemming the text. ``install(on:definition:)``
/// registers, on one connection only, a tokenizer under the name of a built-in one (`porter`) that
/// wraps it: when the text it is given is the text ``with(_:text:_:)`` was called with, it replays
/// the recorded tokens; otherwise (deletes, titles, queries, any mismatch) it runs the built-in
/// tokenizer. The tokens were made by the same built-in tokenizer with the same arguments, so the
/// index is byte for byte what it would have been, and the database's schema still names the
/// built-in tokenizer: other connections and the `sqlite3` shell read it as before.
///
/// Use from the connection's thread only.
public final class FTS5TokenReplay {
    fileprivate var original = fts5_tokenizer()
    fileprivate var originalContext: UnsafeMutableRawPointer?
    /// The arguments the recorded tokens were made with; an FTS5 table created with others never replays.
    fileprivate let arguments: [String]
    fileprivate var armed: (tokens: FTS5Tokens, text: UnsafeBufferPointer<UInt8>)?
    /// Texts replayed and texts tokenized by the built-in tokenizer since install.
    public private(set) var replayed = 0
    public fileprivate(set) var tokenized = 0

    private init(arguments: [String]) {
        self.arguments = arguments
    }

    /// Registers the replaying tokenizer on `connection`, before any FTS5 table of it is used,
    /// under the name of the first word of `definition` (a `tokenize=` value such as
    /// `porter unicode61 remove_diacritics 2`, the one ``FTS5Tokenizer/init(definition:)`` recorded
    /// the tokens with; the other words are its arguments). The replay object lives as long as the connection.
    /// - throws: ``SQLiteError`` when FTS5 or the tokenizer is missing.
    public static func install(on connection: Connection, definition: String) throws -> FTS5TokenReplay {
        let (name, arguments) = try FTS5Tokenizer.parse(definition)
        let api = try FTS5Tokenizer.api(of: connection)
        let replay = FTS5TokenReplay(arguments: arguments)
        guard let find = api.pointee.xFindTokenizer, let create = api.pointee.xCreateTokenizer else {
            throw SQLiteError(code: SQLITE_ERROR, message: "FTS5 is not available")
        }
        let found = find(api, name, &replay.originalContext, &replay.original)
        guard found == SQLITE_OK, replay.original.xCreate != nil, replay.original.xTokenize != nil else {
            throw SQLiteError(code: found, message: "no FTS5 tokenizer \(name)")
        }
        var module = fts5_tokenizer(xCreate: replayCreate, xDelete: replayDelete, xTokenize: replayTokenize)
        // The connection's FTS5 owns one reference, given back in `xDestroy` when it closes.
        let context = Unmanaged.passRetained(replay).toOpaque()
        let rc = create(api, name, context, &module) { context in
            if let context { Unmanaged<FTS5TokenReplay>.fromOpaque(context).release() }
        }
        guard rc == SQLITE_OK else {
            Unmanaged<FTS5TokenReplay>.fromOpaque(context).release()
            throw SQLiteError(code: rc, message: "cannot register FTS5 tokenizer \(name)")
        }
        return replay
    }

    /// Runs `body` (which inserts `text` into an FTS5 table) with `tokens` ready to be replayed
    /// for it. Whatever `body` does, the tokens are not used for anything after it returns.
    public func with<T>(_ tokens: FTS5Tokens?, text: String, _ body: () throws -> T) rethrows -> T {
        guard let tokens else { return try body() }
        var text = text
        return try text.withUTF8 { buffer in
            armed = (tokens, buffer)
            defer { armed = nil }
            return try body()
        }
    }

    /// Replays the armed tokens if `text` is the armed text; returns nil when it is not.
    fileprivate func replay(
        _ text: UnsafeBufferPointer<UInt8>, context: UnsafeMutableRawPointer?,
        token: (@convention(c) (UnsafeMutableRawPointer?, Int32, UnsafePointer<CChar>?, Int32, Int32, Int32) -> Int32)
    ) -> Int32? {
        guard let (tokens, armedText) = armed else { return nil }
        armed = nil
        guard tokens.textLength == text.count, armedText.count == text.count else { return nil }
        if text.count > 0 {
            guard let a = armedText.baseAddress, let b = text.baseAddress, a == b || memcmp(a, b, text.count) == 0 else { return nil }
        }
        replayed += 1
        return tokens.bytes.withUnsafeBufferPointer { bytes -> Int32 in
            bytes.withMemoryRebound(to: CChar.self) { chars -> Int32 in
                let entries = tokens.entries
                var from = 0
                var i = 0
                while i < entries.count {
                    let end = Int(entries[i])
                    let rc = token(
                        context, entries[i + 3], chars.baseAddress.map { $0 + from }, Int32(end - from), entries[i + 1], entries[i + 2])
                    if rc != SQLITE_OK { return rc }
                    from = end
                    i += 4
                }
                return SQLITE_OK
            }
        }
    }
}

/// One instance of the replaying tokenizer: the built-in one it wraps, and whether it may replay.
private final class ReplayInstance {
    let replay: FTS5TokenReplay
    let wrapped: OpaquePointer
    let mayReplay: Bool

    init(replay: FTS5TokenReplay, wrapped: OpaquePointer, mayReplay: Bool) {
        self.replay = replay
        self.wrapped = wrapped
        self.mayReplay = mayReplay
    }
}

private func replayCreate(
    _ context: UnsafeMutableRawPointer?, _ argv: UnsafeMutablePointer<UnsafePointer<CChar>?>?, _ argc: Int32,
    _ out: UnsafeMutablePointer<OpaquePointer?>?
) -> Int32 {
    guard let context, let out else { return SQLITE_MISUSE }
    let replay = Unmanaged<FTS5TokenReplay>.fromOpaque(context).takeUnretainedValue()
    var wrapped: OpaquePointer? = nil
    let rc = replay.original.xCreate!(replay.originalContext, argv, argc, &wrapped)
    guard rc == SQLITE_OK, let wrapped else { return rc == SQLITE_OK ? SQLITE_ERROR : rc }
    var arguments: [String] = []
    for i in 0..<Int(argc) { arguments.append(argv?[i].map { String(cString: $0) } ?? "") }
    let instance = ReplayInstance(replay: replay, wrapped: wrapped, mayReplay: arguments == replay.arguments)
    out.pointee = OpaquePointer(Unmanaged.passRetained(instance).toOpaque())
    return SQLITE_OK
}

private func replayDelete(_ tokenizer: OpaquePointer?) {
    guard let tokenizer else { return }
    let instance = Unmanaged<ReplayInstance>.fromOpaque(UnsafeRawPointer(tokenizer)).takeRetainedValue()
    instance.replay.original.xDelete?(instance.wrapped)
}

private func replayTokenize(
    _ tokenizer: OpaquePointer?, _ context: UnsafeMutableRawPointer?, _ flags: Int32, _ text: UnsafePointer<CChar>?, _ count: Int32,
    _ token: (@convention(c) (UnsafeMutableRawPointer?, Int32, UnsafePointer<CChar>?, Int32, Int32, Int32) -> Int32)?
) -> Int32 {
    guard let tokenizer, let token else { return SQLITE_MISUSE }
    let instance = Unmanaged<ReplayInstance>.fromOpaque(UnsafeRawPointer(tokenizer)).takeUnretainedValue()
    let replay = instance.replay
    if instance.mayReplay, flags == FTS5_TOKENIZE_DOCUMENT {
        let buffer = UnsafeBufferPointer(start: UnsafeRawPointer(text)?.assumingMemoryBound(to: UInt8.self), count: Int(count))
        if let rc = replay.replay(buffer, context: context, token: token) { return rc }
    } else {
        replay.armed = nil
    }
    replay.tokenized += 1
    return replay.original.xTokenize!(instance.wrapped, context, flags, text, count, token)
}
