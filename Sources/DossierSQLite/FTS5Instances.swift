import CSQLite

/// An FTS5 auxiliary function, `dossier_instances(table)`, that returns what FTS5 knows of the
/// current row's matches: the row's size in tokens and every phrase instance, exactly as FTS5's
/// own `snippet()` reads them (`xColumnSize`, `xPhraseSize`, `xInstCount`, `xInst`).
///
/// With it, a snippet can be made outside SQLite from the text's token boundaries alone: no
/// stemming, and the instances are FTS5's for any query shape (`NEAR`, nested `OR`s). It is
/// cheap where `bm25()` is also called, which reads the same instance list.
///
/// The value is a blob of native-endian 32-bit integers:
/// `columnSize, phraseCount, phraseSize × phraseCount, (phrase, offset) × instances`, for column 0
/// only; ``decode(_:)`` reads it back.
///
/// ```swift
/// try FTS5Instances.install(on: db)
/// let rows = try db.prepare("SELECT dossier_instances(passage_fts) FROM passage_fts WHERE passage_fts MATCH ?")
/// ```
public enum FTS5Instances {
    /// The function's SQL name.
    public static let functionName = "dossier_instances"

    /// A row's decoded value.
    public struct Row: Equatable, Sendable {
        /// Tokens in the row's first column, as FTS5 counted them when indexing.
        public var columnSize: Int
        /// Tokens in each phrase of the query, in FTS5's phrase order.
        public var phraseSizes: [Int]
        /// Every instance in column 0, in FTS5's order (by offset, then phrase).
        public var instances: [(phrase: Int, offset: Int)]

        public init(columnSize: Int, phraseSizes: [Int], instances: [(phrase: Int, offset: Int)]) {
            self.columnSize = columnSize
            self.phraseSizes = phraseSizes
            self.instances = instances
        }

        public static func == (a: Row, b: Row) -> Bool {
            a.columnSize == b.columnSize && a.phraseSizes == b.phraseSizes
                && a.instances.elementsEqual(b.instances) { $0.phrase == $1.phrase && $0.offset == $1.offset }
        }
    }

    /// Registers `dossier_instances` on `connection` (once per connection).
    /// - throws: ``SQLiteError`` when FTS5 is missing.
    public static func install(on connection: Connection) throws {
        let api = try FTS5Tokenizer.api(of: connection)
        guard let create = api.pointee.xCreateFunction else {
            throw SQLiteError(code: SQLITE_ERROR, message: "FTS5 is not available")
        }
        let rc = create(api, functionName, nil, instancesFunction, nil)
        guard rc == SQLITE_OK else { throw SQLiteError(code: rc, message: "cannot register \(functionName)") }
    }

    /// Reads a value made by the function; nil for anything else.
    public static func decode(_ bytes: UnsafeRawBufferPointer) -> Row? {
        let count = bytes.count / 4
        guard bytes.count % 4 == 0, count >= 2 else { return nil }
        func int(_ i: Int) -> Int { Int(bytes.loadUnaligned(fromByteOffset: i * 4, as: Int32.self)) }
        let phraseCount = int(1)
        guard phraseCount >= 0, 2 + phraseCount <= count, (count - 2 - phraseCount) % 2 == 0 else { return nil }
        var row = Row(columnSize: int(0), phraseSizes: (0..<phraseCount).map { int(2 + $0) }, instances: [])
        var i = 2 + phraseCount
        row.instances.reserveCapacity((count - i) / 2)
        while i < count {
            row.instances.append((int(i), int(i + 1)))
            i += 2
        }
        return row
    }
}

/// The function itself (a C callback: it captures nothing).
private let instancesFunction: fts5_extension_function = { api, fts, context, _, _ in
    guard let api = api?.pointee, let fts, let context else { return }
    var values: [Int32] = []
    var columnSize: Int32 = 0
    var rc = api.xColumnSize(fts, 0, &columnSize)
    let phraseCount = api.xPhraseCount(fts)
    var instanceCount: Int32 = 0
    if rc == SQLITE_OK { rc = api.xInstCount(fts, &instanceCount) }
    guard rc == SQLITE_OK else {
        sqlite3_result_error_code(context, rc)
        return
    }
    values.reserveCapacity(2 + Int(phraseCount) + 2 * Int(instanceCount))
    values.append(columnSize)
    values.append(phraseCount)
    for phrase in 0..<phraseCount { values.append(api.xPhraseSize(fts, phrase)) }
    var phrase: Int32 = 0
    var column: Int32 = 0
    var offset: Int32 = 0
    for i in 0..<instanceCount {
        rc = api.xInst(fts, i, &phrase, &column, &offset)
        guard rc == SQLITE_OK else {
            sqlite3_result_error_code(context, rc)
            return
        }
        if column == 0 {
            values.append(phrase)
            values.append(offset)
        }
    }
    values.withUnsafeBytes { bytes in
        // SQLITE_TRANSIENT: SQLite copies the bytes before this returns.
        sqlite3_result_blob(context, bytes.baseAddress, Int32(bytes.count), unsafeBitCast(-1, to: sqlite3_destructor_type.self))
    }
}
