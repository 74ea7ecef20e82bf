import DossierIndex
import DossierSQLite

/// A second read connection to an index that sees exactly what a first one sees, although an
/// `index` run may be committing meanwhile.
///
/// SQLite 3.40 as Debian builds it has no `sqlite3_snapshot_open`, so the two read transactions are
/// started while a third connection holds the write lock (`BEGIN IMMEDIATE`): no commit can come
/// between them, so both see the last one. The lock is held for as long as starting two read
/// transactions takes; a writer meanwhile waits for it (its busy timeout), it does not fail. When
/// the lock is not free within 50 ms (an `index` run in the middle of a batch), there is no second
/// connection.
///
/// ```swift
/// let snapshot = try SharedSnapshot(path: path, minimumPassages: 50_000)   // lock taken
/// try db.readTransaction {
///     let partner = try snapshot?.join(db) { _ in }   // both snapshots pinned, lock released
///     defer { snapshot?.end() }
/// }
/// ```
final class SharedSnapshot {
    private var lock: Connection?
    private let partner: Connection

    /// Takes the write lock and opens the second connection; nil when the index has fewer than
    /// `minimumPassages` passages (not worth a second connection), or when the lock cannot be had
    /// soon (a long write transaction, a read-only file): the caller then works on one connection.
    init?(path: String, minimumPassages: Int64) throws {
        guard let lock = try? Connection(path: path, mode: .readWrite) else { return nil }
        // Briefly: while an `index` run writes, it holds the lock for most of each batch, and one
        // connection is then the better deal than a wait.
        lock.setBusyTimeout(milliseconds: 50)
        guard let passages = try? lock.scalar("SELECT max(id) FROM passages", as: Int64.self), passages >= minimumPassages else {
            return nil
        }
        guard (try? lock.execute("BEGIN IMMEDIATE")) != nil else { return nil }
        do {
            partner = try IndexSchema.openForReading(path: path)
        } catch {
            try? lock.execute("ROLLBACK")
            return nil
        }
        self.lock = lock
    }

    deinit {
        try? lock?.execute("ROLLBACK")
    }

    /// Pins `db`'s snapshot (call it inside `db`'s read transaction, before anything else reads),
    /// starts the second connection's on the same one, and lets the lock go. `prepare` sets up the
    /// second connection first (functions, pragmas).
    /// - returns: the second connection, in a read transaction until ``end()``.
    func join(_ db: Connection, prepare: (Connection) throws -> Void) throws -> Connection {
        defer {
            try? lock?.execute("ROLLBACK")
            lock = nil
        }
        try prepare(partner)
        _ = try db.scalar("SELECT count(*) FROM meta", as: Int.self)
        try partner.execute("BEGIN DEFERRED")
        _ = try partner.scalar("SELECT count(*) FROM meta", as: Int.self)
        return partner
    }

    /// Ends the second connection's read transaction.
    func end() {
        try? partner.execute("COMMIT")
    }
}
