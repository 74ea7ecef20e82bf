import DossierIndex

/// Which index runs a search keeps articles of (`--new`, `--indexed-since`).
extension Searcher {
    /// The index runs whose articles `--new` keeps: the last finished run, and any interrupted
    /// runs it completed; nil when no run has finished.
    public func newRuns() throws -> ClosedRange<Int64>? {
        do {
            return try db.readTransaction { try IndexRunRecord.newRuns(db) }
        } catch {
            throw Self.wrap(error, path: path)
        }
    }

    /// The index runs `--indexed-since` keeps: from the first run started at or after `date`, or
    /// from run `run`, to the last finished run; nil when there is none.
    public func runs(indexedSinceDate date: String? = nil, run: Int64? = nil) throws -> ClosedRange<Int64>? {
        do {
            return try db.readTransaction { try IndexRunRecord.runs(fromDate: date, fromRun: run, db) }
        } catch {
            throw Self.wrap(error, path: path)
        }
    }
}
