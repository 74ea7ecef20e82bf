import CSQLite

extension Statement {
    /// The UTF-8 bytes of column `index` of the current row, without copying them into a `String`.
    ///
    /// The buffer belongs to SQLite: it is valid only until the next ``step()``, ``reset()`` or
    /// another read of the same column as a different type. NULL gives an empty buffer.
    public func bytes(_ index: Int32) -> UnsafeBufferPointer<UInt8> {
        guard let text = sqlite3_column_text(handle, index) else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(handle, index)))
    }
}

extension Statement {
    /// The bytes of BLOB column `index` of the current row, copied. NULL gives no bytes.
    public func blob(_ index: Int32) -> [UInt8] {
        guard let data = sqlite3_column_blob(handle, index) else { return [] }
        let count = Int(sqlite3_column_bytes(handle, index))
        return Array(UnsafeRawBufferPointer(start: data, count: count))
    }
}

/// Bytes bound as a BLOB.
public struct Blob: Bindable, Sendable, Equatable {
    public var bytes: [UInt8]

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    public func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        bytes.withUnsafeBytes { buffer in
            sqlite3_bind_blob(
                statement, index, buffer.baseAddress, Int32(buffer.count), unsafeBitCast(-1, to: sqlite3_destructor_type.self))
        }
    }
}
