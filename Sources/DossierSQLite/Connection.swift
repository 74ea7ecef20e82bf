import CSQLite

/// A connection to one SQLite database file.
///
/// A thin layer over the C API: it opens the file, runs SQL, prepares ``Statement``s and wraps
/// transactions. It is not thread-safe; use one connection per thread.
///
/// ```swift
/// let db = try Connection(path: "dossier.db")
/// try db.execute("PRAGMA journal_mode=WAL")
/// try db.transaction { try db.execute("INSERT INTO t VALUES (1)") }
/// ```
public final class Connection {
    /// How to open a database file.
    public enum Mode: Sendable {
        /// Open for reading only; fail if the file does not exist.
        case readOnly
        /// Open for reading and writing; fail if the file does not exist.
        case readWrite
        /// Open for reading and writing; create the file if it does not exist.
        case readWriteCreate
    }

    /// The underlying `sqlite3*` handle.
    public let handle: OpaquePointer
    /// The path the connection was opened with.
    public let path: String

    /// Opens (or creates) a database.
    /// - throws: ``SQLiteError`` when SQLite cannot open the file.
    public init(path: String, mode: Mode = .readWriteCreate) throws {
        _ = Self.configured
        var db: OpaquePointer?
        var flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI
        switch mode {
        case .readOnly: flags |= SQLITE_OPEN_READONLY
        case .readWrite: flags |= SQLITE_OPEN_READWRITE
        case .readWriteCreate: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
        }
        let rc = sqlite3_open_v2(path, &db, flags, nil)
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            if let db { sqlite3_close_v2(db) }
            throw SQLiteError(code: rc, message: message)
        }
        sqlite3_extended_result_codes(db, 1)
        self.handle = db
        self.path = path
    }

    /// Process-wide settings, made once before the first connection opens: memory statistics off
    /// (a process-wide mutex on every allocation, which concurrent connections fight over; see
    /// ``dossier_sqlite_disable_memstatus``).
    private static let configured: Bool = {
        _ = dossier_sqlite_disable_memstatus()
        return sqlite3_initialize() == SQLITE_OK
    }()

    deinit {
        sqlite3_close_v2(handle)
    }

    /// Sets how long a statement waits for another connection's lock before failing with `SQLITE_BUSY`.
    public func setBusyTimeout(milliseconds: Int32) {
        sqlite3_busy_timeout(handle, milliseconds)
    }

    /// Runs one or more SQL statements that take no parameters and return no rows of interest.
    /// - throws: ``SQLiteError``.
    public func execute(_ sql: String) throws {
        var errorMessage: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &errorMessage)
        if rc != SQLITE_OK {
            let message = errorMessage.map { String(cString: $0) } ?? lastErrorMessage
            sqlite3_free(errorMessage)
            throw SQLiteError(code: rc, message: message)
        }
    }

    /// Compiles one SQL statement.
    /// - throws: ``SQLiteError`` when the SQL does not compile.
    public func prepare(_ sql: String, persistent: Bool = false) throws -> Statement {
        try Statement(connection: self, sql: sql, persistent: persistent)
    }

    /// Runs `body` inside `BEGIN IMMEDIATE ... COMMIT`, rolling back if it throws.
    /// - throws: whatever `body` throws, or ``SQLiteError``.
    @discardableResult
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    /// Runs `body` inside a deferred read transaction, so that several queries see one snapshot.
    public func readTransaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN DEFERRED")
        defer { try? execute("COMMIT") }
        return try body()
    }

    /// The rowid of the last inserted row.
    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// The number of rows changed by the last statement.
    public var changes: Int { Int(sqlite3_changes(handle)) }

    /// True while a transaction is open.
    public var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    var lastErrorMessage: String { String(cString: sqlite3_errmsg(handle)) }

    func error(_ rc: Int32) -> SQLiteError {
        SQLiteError(code: rc, message: lastErrorMessage)
    }

    /// The version of the SQLite library in use, e.g. `3.40.1`.
    public static var libraryVersion: String { String(cString: sqlite3_libversion()) }
}

extension Connection {
    /// Runs a query and returns the first column of the first row, or nil when there is no row.
    public func scalar<T: ColumnValue>(_ sql: String, _ values: [(any Bindable)?] = [], as type: T.Type = T.self) throws -> T? {
        let statement = try prepare(sql)
        try statement.bind(values)
        guard try statement.step() else { return nil }
        return statement.isNull(0) ? nil : T(statement: statement, column: 0)
    }

    /// Runs a statement with bound values, ignoring any rows.
    public func run(_ sql: String, _ values: [(any Bindable)?] = []) throws {
        let statement = try prepare(sql)
        try statement.bind(values)
        try statement.run()
    }
}
