import DossierSQLite

/// One recorded `dossier index` run: when it started and finished, and what it did.
public struct IndexRunRecord: Sendable, Equatable {
    public var id: Int64
    /// ISO 8601 UTC.
    public var started: String
    /// ISO 8601 UTC; nil while the run goes on, or when it was interrupted.
    public var finished: String?
    public var new: Int, changed: Int, unchanged: Int, moved: Int, removed: Int, skipped: Int
    /// Articles and passages the run stored.
    public var articles: Int, passages: Int

    /// The most recent runs, newest first.
    static func recent(_ db: Connection, limit: Int) throws -> [IndexRunRecord] {
        let s = try db.prepare(
            """
            SELECT id, started, finished, coalesce(new, 0), coalesce(changed, 0), coalesce(unchanged, 0), coalesce(moved, 0),
                coalesce(removed, 0), coalesce(skipped, 0), coalesce(articles, 0), coalesce(passages, 0)
            FROM runs ORDER BY id DESC LIMIT ?
            """)
        try s.bind([limit])
        var out: [IndexRunRecord] = []
        while try s.step() {
            out.append(
                IndexRunRecord(
                    id: s.int64(0), started: s.string(1), finished: s.optionalString(2), new: s.int(3), changed: s.int(4),
                    unchanged: s.int(5), moved: s.int(6), removed: s.int(7), skipped: s.int(8), articles: s.int(9), passages: s.int(10)))
        }
        return out
    }

    /// The runs whose articles are "new": those after the last finished run before the most recent
    /// finished one, up to that one, so that a run interrupted and completed by the next counts
    /// with it. Nil when no run has finished.
    package static func newRuns(_ db: Connection) throws -> ClosedRange<Int64>? {
        guard let last = try lastFinished(db) else { return nil }
        let before = try db.scalar("SELECT max(id) FROM runs WHERE finished IS NOT NULL AND id < ?", [last], as: Int64.self) ?? 0
        return (before + 1)...last
    }

    /// The runs from the first that started at or after `date` (an ISO 8601 prefix, UTC), or from
    /// the run with id `run`, to the last finished one; nil when there is none.
    package static func runs(fromDate date: String? = nil, fromRun run: Int64? = nil, _ db: Connection) throws -> ClosedRange<Int64>? {
        guard let last = try lastFinished(db) else { return nil }
        let first: Int64?
        if let run {
            first = try db.scalar("SELECT id FROM runs WHERE id = ?", [run], as: Int64.self)
        } else {
            first = try db.scalar("SELECT min(id) FROM runs WHERE started >= ?", [date ?? ""], as: Int64.self)
        }
        guard let first, first <= last else { return nil }
        return first...last
    }

    /// The id of the most recent run that finished, or nil.
    private static func lastFinished(_ db: Connection) throws -> Int64? {
        try db.scalar("SELECT max(id) FROM runs WHERE finished IS NOT NULL", as: Int64.self)
    }
}
