import DossierSQLite

/// Writes articles into a Dossier index.
///
/// All writes go through one connection in WAL mode, in batched transactions: each batch commits
/// whole files (article, file row, passages and FTS rows together), so an interrupted run leaves a
/// consistent index that the next run completes. Readers see the last committed batch.
public final class IndexWriter {
    /// What is stored about a file from an earlier run.
    public struct StoredFile: Sendable, Equatable {
        public var id: Int64
        public var articleID: Int64
        public var size: Int64
        public var modificationTime: Double
    }

    let db: Connection
    public let path: String
    private let insertArticle, insertFile, insertPassage, insertPassageFTS, insertTitleFTS: Statement
    private let findFile, updateFile: Statement
    private var pendingInBatch = 0

    /// Opens (creating if needed) the index at `path` for writing.
    /// - throws: ``IndexError``.
    public init(path: String) throws {
        self.path = path
        do {
            db = try Connection(path: path)
            db.setBusyTimeout(milliseconds: 5000)
            try db.execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=OFF")
            try IndexSchema.prepare(db)
            insertArticle = try db.prepare(
                """
                INSERT INTO articles(path, title, author, date, date_source, url, source, format, language, bytes, passage_count)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, persistent: true)
            insertFile = try db.prepare(
                "INSERT INTO files(root_id, path, article_id, size, mtime) VALUES (?, ?, ?, ?, ?)", persistent: true)
            insertPassage = try db.prepare(
                "INSERT INTO passages(article_id, ordinal, start, \"end\", text) VALUES (?, ?, ?, ?, ?)", persistent: true)
            insertPassageFTS = try db.prepare("INSERT INTO passage_fts(rowid, text) VALUES (?, ?)", persistent: true)
            insertTitleFTS = try db.prepare("INSERT INTO title_fts(rowid, title) VALUES (?, ?)", persistent: true)
            findFile = try db.prepare("SELECT id, article_id, size, mtime FROM files WHERE path = ?", persistent: true)
            updateFile = try db.prepare("UPDATE files SET article_id = ?, size = ?, mtime = ? WHERE id = ?", persistent: true)
        } catch {
            throw IndexError.wrap(error, path: path)
        }
    }

    /// Returns the id of the root with this absolute path, adding it if new.
    public func rootID(absolutePath: String, displayPath: String) throws -> Int64 {
        try guarded {
            if let id = try db.scalar("SELECT id FROM roots WHERE absolute_path = ?", [absolutePath], as: Int64.self) {
                return id
            }
            try db.run("INSERT INTO roots(absolute_path, display_path) VALUES (?, ?)", [absolutePath, displayPath])
            return db.lastInsertRowID
        }
    }

    /// What an earlier run stored for `path`, or nil.
    public func storedFile(path: String) throws -> StoredFile? {
        try guarded {
            try findFile.bind([path])
            defer { findFile.reset() }
            guard try findFile.step() else { return nil }
            return StoredFile(id: findFile.int64(0), articleID: findFile.int64(1), size: findFile.int64(2), modificationTime: findFile.double(3))
        }
    }

    /// Stores `article`, read from `file` under root `rootID`, replacing what was stored for the same path.
    /// Returns the id of the file's row.
    @discardableResult
    public func write(_ article: Article, file: SourceFile, bytes: Int, rootID: Int64, replacing stored: StoredFile?) throws -> Int64 {
        try guarded {
            try beginBatchIfNeeded()
            let articleID = try insert(article, bytes: bytes)
            if let stored {
                try updateFile.bind([articleID, file.size, file.modificationTime, stored.id])
                try updateFile.run()
                try deleteArticleIfOrphan(stored.articleID)
                pendingInBatch += 1
                return stored.id
            }
            try insertFile.bind([rootID, article.path, articleID, file.size, file.modificationTime])
            try insertFile.run()
            pendingInBatch += 1
            return db.lastInsertRowID
        }
    }

    /// Removes a stored file (and its article when no other file holds it).
    public func remove(_ stored: StoredFile) throws {
        try guarded {
            try beginBatchIfNeeded()
            try db.run("DELETE FROM files WHERE id = ?", [stored.id])
            try deleteArticleIfOrphan(stored.articleID)
            pendingInBatch += 1
        }
    }

    /// Files stored under `rootID`, as (id, article id, path).
    public func storedFiles(rootID: Int64) throws -> [(id: Int64, articleID: Int64, path: String)] {
        try guarded {
            let s = try db.prepare("SELECT id, article_id, path FROM files WHERE root_id = ? ORDER BY path")
            try s.bind([rootID])
            var out: [(Int64, Int64, String)] = []
            while try s.step() { out.append((s.int64(0), s.int64(1), s.string(2))) }
            return out
        }
    }

    /// Commits the open batch, if any.
    public func commit() throws {
        try guarded {
            if db.isInTransaction { try db.execute("COMMIT") }
            pendingInBatch = 0
        }
    }

    /// Commits when the open batch holds at least `size` files.
    public func commitIfBatchFull(size: Int) throws {
        if pendingInBatch >= size { try commit() }
    }

    /// Records the end of a run.
    public func finish(at time: String) throws {
        try guarded {
            try commit()
            try db.run("INSERT OR REPLACE INTO meta(key, value) VALUES('last_indexed', ?)", [time])
            try db.execute("PRAGMA wal_checkpoint(PASSIVE)")
        }
    }

    private func beginBatchIfNeeded() throws {
        if !db.isInTransaction { try db.execute("BEGIN IMMEDIATE") }
    }

    private func insert(_ article: Article, bytes: Int) throws -> Int64 {
        let m = article.metadata
        try insertArticle.bind([
            article.path, article.title, m.author, m.date, m.dateSource, m.url, m.source, m.format, m.language, bytes, article.passages.count,
        ])
        try insertArticle.run()
        let articleID = db.lastInsertRowID
        try insertTitleFTS.bind([articleID, article.title])
        try insertTitleFTS.run()
        for passage in article.passages {
            try insertPassage.bind([articleID, passage.ordinal, passage.start, passage.end, passage.text])
            try insertPassage.run()
            try insertPassageFTS.bind([db.lastInsertRowID, passage.text])
            try insertPassageFTS.run()
        }
        return articleID
    }

    private func deleteArticleIfOrphan(_ articleID: Int64) throws {
        let users = try db.scalar("SELECT count(*) FROM files WHERE article_id = ?", [articleID], as: Int.self) ?? 0
        guard users == 0 else { return }
        try db.run(
            "INSERT INTO passage_fts(passage_fts, rowid, text) SELECT 'delete', id, text FROM passages WHERE article_id = ?",
            [articleID])
        try db.run("DELETE FROM passages WHERE article_id = ?", [articleID])
        try db.run("INSERT INTO title_fts(title_fts, rowid, title) SELECT 'delete', id, title FROM articles WHERE id = ?", [articleID])
        try db.run("DELETE FROM articles WHERE id = ?", [articleID])
    }

    private func guarded<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch { throw IndexError.wrap(error, path: path) }
    }
}
