import CSQLite

/// `SQLITE_TRANSIENT`: tells SQLite to copy a bound buffer before the call returns.
private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// A compiled SQL statement with bound parameters.
///
/// User text is always bound, never spliced into SQL:
///
/// ```swift
/// let s = try db.prepare("SELECT count(*) FROM passages WHERE article_id = ?")
/// try s.bind([42])
/// while try s.step() { print(s.int(0)) }
/// ```
public final class Statement {
    /// The underlying `sqlite3_stmt*`.
    public let handle: OpaquePointer
    unowned let connection: Connection

    init(connection: Connection, sql: String, persistent: Bool) throws {
        var stmt: OpaquePointer?
        let flags: UInt32 = persistent ? UInt32(SQLITE_PREPARE_PERSISTENT) : 0
        let rc = sqlite3_prepare_v3(connection.handle, sql, -1, flags, &stmt, nil)
        guard rc == SQLITE_OK, let stmt else {
            throw connection.error(rc)
        }
        self.handle = stmt
        self.connection = connection
    }

    deinit {
        sqlite3_finalize(handle)
    }

    /// Resets the statement so it can run again, and clears its bindings.
    public func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    /// Binds values to parameters 1...n in order; `nil` binds NULL. Resets the statement first.
    public func bind(_ values: [(any Bindable)?]) throws {
        reset()
        for (offset, value) in values.enumerated() {
            try bind(value, at: Int32(offset + 1))
        }
    }

    /// Binds one value to the 1-based parameter `index`.
    public func bind(_ value: (any Bindable)?, at index: Int32) throws {
        let rc: Int32
        if let value {
            rc = value.bind(to: handle, at: index)
        } else {
            rc = sqlite3_bind_null(handle, index)
        }
        if rc != SQLITE_OK { throw connection.error(rc) }
    }

    /// Binds a value to a named parameter such as `:limit`.
    public func bind(_ value: (any Bindable)?, named name: String) throws {
        let index = sqlite3_bind_parameter_index(handle, name)
        guard index > 0 else { throw SQLiteError(code: SQLITE_RANGE, message: "no parameter named \(name)") }
        try bind(value, at: index)
    }

    /// Advances to the next row. Returns true when a row is available, false when done.
    /// - throws: ``SQLiteError`` on any failure.
    @discardableResult
    public func step() throws -> Bool {
        let rc = sqlite3_step(handle)
        switch rc {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            let error = connection.error(rc)
            sqlite3_reset(handle)
            throw error
        }
    }

    /// Steps until done, ignoring rows.
    public func run() throws {
        while try step() {}
    }

    /// True when column `index` of the current row is NULL.
    public func isNull(_ index: Int32) -> Bool { sqlite3_column_type(handle, index) == SQLITE_NULL }

    /// Column `index` of the current row as an integer.
    public func int64(_ index: Int32) -> Int64 { sqlite3_column_int64(handle, index) }

    /// Column `index` of the current row as an `Int`.
    public func int(_ index: Int32) -> Int { Int(sqlite3_column_int64(handle, index)) }

    /// Column `index` of the current row as a double.
    public func double(_ index: Int32) -> Double { sqlite3_column_double(handle, index) }

    /// Column `index` of the current row as text (empty for NULL).
    public func string(_ index: Int32) -> String {
        guard let pointer = sqlite3_column_text(handle, index) else { return "" }
        let count = Int(sqlite3_column_bytes(handle, index))
        return String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
    }

    /// Column `index` of the current row as text, or nil for NULL.
    public func optionalString(_ index: Int32) -> String? {
        isNull(index) ? nil : string(index)
    }

    /// The number of columns in a result row.
    public var columnCount: Int32 { sqlite3_column_count(handle) }
}

/// A Swift value that can be bound to a statement parameter.
public protocol Bindable {
    /// Binds self to parameter `index` of `statement`, returning SQLite's result code.
    func bind(to statement: OpaquePointer, at index: Int32) -> Int32
}

extension Int: Bindable {
    public func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        sqlite3_bind_int64(statement, index, Int64(self))
    }
}

extension Int64: Bindable {
    public func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        sqlite3_bind_int64(statement, index, self)
    }
}

extension Double: Bindable {
    public func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        sqlite3_bind_double(statement, index, self)
    }
}

extension Bool: Bindable {
    public func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        sqlite3_bind_int64(statement, index, self ? 1 : 0)
    }
}

extension String: Bindable {
    public func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        var copy = self
        // Native Swift strings are contiguous UTF-8: bind their bytes without an intermediate C string.
        return copy.withUTF8 { buffer in
            guard let base = buffer.baseAddress else {
                return sqlite3_bind_text(statement, index, "", 0, transient)
            }
            return base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                sqlite3_bind_text(statement, index, $0, Int32(buffer.count), transient)
            }
        }
    }
}

extension Substring: Bindable {
    public func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        String(self).bind(to: statement, at: index)
    }
}

/// A Swift value that can be read from a result column.
public protocol ColumnValue {
    init(statement: Statement, column: Int32)
}

extension Int: ColumnValue {
    public init(statement: Statement, column: Int32) { self = statement.int(column) }
}

extension Int64: ColumnValue {
    public init(statement: Statement, column: Int32) { self = statement.int64(column) }
}

extension Double: ColumnValue {
    public init(statement: Statement, column: Int32) { self = statement.double(column) }
}

extension String: ColumnValue {
    public init(statement: Statement, column: Int32) { self = statement.string(column) }
}
