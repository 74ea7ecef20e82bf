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

    /// A value made by the function, read in place (no copy, nothing allocated): for a reader
    /// called once a row, such as a snippet maker.
    public struct View {
        private let bytes: UnsafeRawBufferPointer
        /// Tokens in the row's first column.
        public let columnSize: Int
        /// Phrases in the query.
        public let phraseCount: Int
        /// Phrase instances in column 0.
        public let instanceCount: Int

        /// Nil when `bytes` is not shaped as the function makes its values.
        public init?(_ bytes: UnsafeRawBufferPointer) {
            let count = bytes.count / 4
            guard bytes.count % 4 == 0, count >= 2 else { return nil }
            self.bytes = bytes
            columnSize = Int(bytes.loadUnaligned(fromByteOffset: 0, as: Int32.self))
            phraseCount = Int(bytes.loadUnaligned(fromByteOffset: 4, as: Int32.self))
            guard phraseCount >= 0, 2 + phraseCount <= count, (count - 2 - phraseCount) % 2 == 0 else { return nil }
            instanceCount = (count - 2 - phraseCount) / 2
        }

        private func int(_ i: Int) -> Int { Int(bytes.loadUnaligned(fromByteOffset: i * 4, as: Int32.self)) }

        /// Tokens in phrase `k` (0 ..< ``phraseCount``).
        public func phraseSize(_ k: Int) -> Int { int(2 + k) }

        /// Instance `i` (0 ..< ``instanceCount``), in FTS5's order.
        public func instance(_ i: Int) -> (phrase: Int, offset: Int) {
            let k = 2 + phraseCount + 2 * i
            return (int(k), int(k + 1))
        }
    }

    /// Reads a value made by the function; nil for anything else.
    public static func decode(_ bytes: UnsafeRawBufferPointer) -> Row? {
        guard let view = View(bytes) else { return nil }
        return Row(
            columnSize: view.columnSize, phraseSizes: (0..<view.phraseCount).map(view.phraseSize),
            instances: (0..<view.instanceCount).map(view.instance))
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
