import CSQLite

/// An error reported by SQLite, with its result code and message.
///
/// The description never contains bound values: only SQLite's own message and, when known,
/// the kind of statement that failed.
public struct SQLiteError: Error, CustomStringConvertible, Sendable {
    /// The primary or extended SQLite result code (`SQLITE_BUSY`, `SQLITE_ERROR`, ...).
    public let code: Int32
    /// SQLite's message for the failure.
    public let message: String

    public init(code: Int32, message: String) {
        self.code = code
        self.message = message
    }

    /// The primary result code (the low 8 bits of an extended code).
    public var primaryCode: Int32 { code & 0xFF }

    /// True when the database was locked by another connection (`SQLITE_BUSY`, `SQLITE_LOCKED`).
    public var isBusy: Bool { primaryCode == SQLITE_BUSY || primaryCode == SQLITE_LOCKED }

    public var description: String { "SQLite error \(code): \(message)" }
}
