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
