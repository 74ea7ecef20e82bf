import DossierSQLite

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `dossier check` and `dossier optimize`.
public enum IndexMaintenance {
    /// Runs SQLite's integrity checks and Dossier's own, and returns the problems found (none: healthy).
    ///
    /// SQLite: `PRAGMA integrity_check`, and FTS5's `integrity-check` of both full-text indexes against
    /// their content tables. Dossier: every passage belongs to an article, every article has a path,
    /// every path belongs to a file, every file holds an article, each article's passage count is right,
    /// the full-text indexes hold exactly one row per passage and per article, and the wire-copy
    /// keys and clusters agree with the articles (keys only for stored articles, every sketched
    /// article has keys, no cluster of one).
    /// - throws: ``IndexError`` when the index cannot be opened.
    public static func check(path: String) throws -> [String] {
        let db = try open(path)
        var problems: [String] = []
        do {
            let integrity = try db.prepare("PRAGMA integrity_check")
            while try integrity.step() {
                let line = integrity.string(0)
                if line != "ok" { problems.append("SQLite: \(line)") }
            }
            for table in ["passage_fts", "title_fts"] {
                do {
                    try db.execute("INSERT INTO \(table)(\(table), rank) VALUES('integrity-check', 1)")
                } catch let error as SQLiteError {
                    problems.append("full-text index \(table) does not match its content (\(error.message))")
                }
            }
            let checks: [(String, String)] = [
                ("SELECT count(*) FROM passages WHERE article_id NOT IN (SELECT id FROM articles)", "passages without an article"),
                ("SELECT count(*) FROM articles WHERE id NOT IN (SELECT article_id FROM article_paths)", "articles without a path"),
                ("SELECT count(*) FROM article_paths WHERE file_id NOT IN (SELECT id FROM files)", "paths without a file"),
                ("SELECT count(*) FROM article_paths WHERE article_id NOT IN (SELECT id FROM articles)", "paths without an article"),
                ("SELECT count(*) FROM files WHERE id NOT IN (SELECT file_id FROM article_paths)", "files without an article"),
                (
                    "SELECT count(*) FROM articles AS a WHERE passage_count <> (SELECT count(*) FROM passages WHERE article_id = a.id)",
                    "articles whose passage count is wrong"
                ),
                (
                    "SELECT abs((SELECT count(*) FROM passages) - (SELECT count(*) FROM passage_fts_docsize))",
                    "passages missing from or extra in the full-text index"
                ),
                (
                    "SELECT abs((SELECT count(*) FROM articles) - (SELECT count(*) FROM title_fts_docsize))",
                    "titles missing from or extra in the title index"
                ),
                ("SELECT count(*) FROM article_bands WHERE article_id NOT IN (SELECT id FROM articles)", "copy keys without an article"),
                (
                    "SELECT count(*) FROM articles WHERE sketch IS NOT NULL AND id NOT IN (SELECT article_id FROM article_bands)",
                    "sketched articles without copy keys"
                ),
                (
                    "SELECT count(*) FROM (SELECT cluster_id FROM articles WHERE cluster_id IS NOT NULL GROUP BY cluster_id HAVING count(*) < 2)",
                    "copy clusters of one article"
                ),
            ]
            for (sql, label) in checks {
                let n = try db.scalar(sql, as: Int.self) ?? 0
                if n > 0 { problems.append("\(n) \(label)") }
            }
        } catch {
            throw IndexError.wrap(error, path: path)
        }
        return problems
    }

    /// Merges the full-text indexes' segments into one each, checkpoints the log and vacuums the file.
    /// Returns the size on disk before and after, in bytes.
    /// - throws: ``IndexError``; ``IndexError/busy(path:)`` while an `index` run holds the index.
    public static func optimize(path: String) throws -> (before: Int, after: Int) {
        let lock = try IndexLock(databasePath: path)
        defer { lock.release() }
        let db = try open(path)
        let before = IndexStats.fileSize(path) + IndexStats.fileSize(path + "-wal")
        do {
            try db.transaction {
                try db.execute("INSERT INTO passage_fts(passage_fts) VALUES('optimize')")
                try db.execute("INSERT INTO title_fts(title_fts) VALUES('optimize')")
            }
            try db.execute("VACUUM")
            try db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        } catch {
            throw IndexError.wrap(error, path: path)
        }
        return (before, IndexStats.fileSize(path) + IndexStats.fileSize(path + "-wal"))
    }

    static func open(_ path: String) throws -> Connection {
        guard access(path, F_OK) == 0 else { throw IndexError.missing(path: path) }
        do {
            let db = try Connection(path: path)
            db.setBusyTimeout(milliseconds: 10_000)
            try IndexSchema.check(db)
            return db
        } catch {
            throw IndexError.wrap(error, path: path)
        }
    }
}
