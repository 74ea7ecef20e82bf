#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Tokenizers of one `tokenize=` definition shared by any number of threads: each call borrows
/// one (making it the first time a thread needs one at once), so a tokenizer is never used by two
/// threads together.
///
/// ```swift
/// let pool = FTS5TokenizerPool(definition: "porter unicode61 remove_diacritics 2")
/// pool.tokenize("Running men") { token, start, end, _ in print(token.count, start, end) }
/// ```
public final class FTS5TokenizerPool: @unchecked Sendable {
    /// The `tokenize=` definition, e.g. `porter unicode61 remove_diacritics 2`.
    public let definition: String
    private var idle: [FTS5Tokenizer] = []
    private let lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)

    public init(definition: String) {
        self.definition = definition
        pthread_mutex_init(lock, nil)
    }

    deinit {
        pthread_mutex_destroy(lock)
        lock.deallocate()
    }

    /// Runs `body` with a tokenizer no other thread is using.
    /// - throws: ``SQLiteError`` when FTS5 or the definition's tokenizer cannot be had.
    public func with<T>(_ body: (FTS5Tokenizer) throws -> T) throws -> T {
        pthread_mutex_lock(lock)
        let borrowed = idle.popLast()
        pthread_mutex_unlock(lock)
        let tokenizer = try borrowed ?? FTS5Tokenizer(definition: definition)
        defer {
            pthread_mutex_lock(lock)
            idle.append(tokenizer)
            pthread_mutex_unlock(lock)
        }
        return try body(tokenizer)
    }

    /// Calls `token` with each token of `text` (see ``FTS5Tokenizer/tokenize(_:purpose:token:)``).
    /// Returns false if the tokenizer could not be had or failed.
    @discardableResult
    public func tokenize(
        _ text: UnsafeBufferPointer<UInt8>, purpose: FTS5Tokenizer.Purpose = .document,
        token: (_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ flags: Int32) -> Void
    ) -> Bool {
        (try? with { $0.tokenize(text, purpose: purpose, token: token) }) ?? false
    }
}
