import DossierIngest
import DossierModel
import DossierSQLite
import DossierTopics

/// Writes articles into a Dossier index.
///
/// All writes go through one connection in WAL mode, in batched transactions: each batch commits
/// whole files (file row, article paths, articles, passages and FTS rows together), so an
/// interrupted run leaves a consistent index that the next run completes. Readers see the last
/// committed batch.
public final class IndexWriter {
    /// What is stored about a file from an earlier run.
    public struct StoredFile: Sendable, Equatable {
        public var id: Int64
        public var path: String
        public var size: Int64
        public var modificationTime: Double
        public var hash: String
    }

    /// What writing one file did.
    public struct FileOutcome: Sendable, Equatable {
        public var fileID: Int64
        /// The file's content hash (of the articles it holds).
        public var fileHash = ""
        /// Articles stored for the first time.
        public var articlesAdded = 0
        /// Articles whose content was already in the index under another path (or this one).
        public var articlesReused = 0
        /// Passages stored for the first time.
        public var passagesAdded = 0
        /// Articles stored for the first time that are wire copies of stored ones.
        public var wireCopies = 0
    }

    let db: Connection
    public let path: String
    private let insertArticle, insertFile, updateFile, insertPath, insertPassage, insertPassageFTS, insertTitleFTS: Statement
    private let findFile, findArticle, pathsOfFile, deletePathsOfFile, countPaths, firstPath, setArticlePath: Statement
    private var pendingInBatch = 0
    /// The wire-copy clusters, kept as articles are stored and removed.
    private let copies: CopyClusters
    /// Takes passages' tokens made on the loading threads (nil if FTS5 would not let us).
    private let replay: FTS5TokenReplay?
    /// True when ``write(file:articles:bytes:rootID:replacing:tags:tokens:)`` uses tokens made by FTS5's
    /// tokenizer elsewhere (``IndexSchema/tokenizer``) instead of tokenizing passages itself.
    public var replaysTokens: Bool { replay != nil }

    /// Opens (creating if needed) the index at `path` for writing.
    /// - throws: ``IndexError``.
    public init(path: String) throws {
        self.path = path
        do {
            db = try Connection(path: path)
            db.setBusyTimeout(milliseconds: 5000)
            try db.execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=OFF")
            // A 32 MiB page cache (SQLite's default is 2 MiB): the unique indexes on content hashes and
            // paths take inserts in random order, and at 100,000 articles they outgrow 2 MiB.
            // Measured at 100k: full index 56-58 s -> 50-52 s, peak RSS 97-104 -> 137 MB.
            try db.execute("PRAGMA cache_size = -32768")
            // Before any FTS5 table is used: FTS5 finds its tokenizer when it first opens a table.
            replay = try? FTS5TokenReplay.install(on: db, definition: IndexSchema.tokenizer)
            try IndexSchema.prepare(db)
            insertArticle = try db.prepare(
                """
                INSERT INTO articles(hash, path, title, author, date, date_source, url, source, format, language, bytes, passage_count, run_id, sketch)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, persistent: true)
            insertFile = try db.prepare("INSERT INTO files(root_id, path, size, mtime, hash) VALUES (?, ?, ?, ?, ?)", persistent: true)
            updateFile = try db.prepare("UPDATE files SET size = ?, mtime = ?, hash = ? WHERE id = ?", persistent: true)
            insertPath = try db.prepare(
                "INSERT OR REPLACE INTO article_paths(path, file_id, article_id) VALUES (?, ?, ?)", persistent: true)
            insertPassage = try db.prepare(
                "INSERT INTO passages(article_id, ordinal, start, \"end\", text, page) VALUES (?, ?, ?, ?, ?, ?)", persistent: true)
            insertPassageFTS = try db.prepare("INSERT INTO passage_fts(rowid, text) VALUES (?, ?)", persistent: true)
            insertTitleFTS = try db.prepare("INSERT INTO title_fts(rowid, title) VALUES (?, ?)", persistent: true)
            findFile = try db.prepare("SELECT id, path, size, mtime, hash FROM files WHERE path = ?", persistent: true)
            findArticle = try db.prepare("SELECT id FROM articles WHERE hash = ?", persistent: true)
            pathsOfFile = try db.prepare("SELECT DISTINCT article_id FROM article_paths WHERE file_id = ?", persistent: true)
            deletePathsOfFile = try db.prepare("DELETE FROM article_paths WHERE file_id = ?", persistent: true)
            countPaths = try db.prepare("SELECT count(*) FROM article_paths WHERE article_id = ?", persistent: true)
            firstPath = try db.prepare("SELECT min(path) FROM article_paths WHERE article_id = ?", persistent: true)
            setArticlePath = try db.prepare("UPDATE articles SET path = ? WHERE id = ? AND path <> ?", persistent: true)
            copies = try CopyClusters(db: db)
        } catch {
            throw IndexError.wrap(error, path: path)
        }
    }

    /// Tags new passages with the topics of this lexicon from now on.
    public private(set) var topicTags: TopicTagStore?

    /// Tags new passages with `lexicon`, and first re-tags every stored passage if the index was
    /// tagged with another lexicon. Returns what the re-tag did, or nil when the tags were current.
    public func useLexicon(_ lexicon: Lexicon, progress: ((Int, Int) -> Void)? = nil) throws -> TopicTagStore.Retag? {
        try guarded {
            try commit()
            let store = try TopicTagStore(db: db, lexicon: lexicon)
            topicTags = store
            return try store.retagIfNeeded(progress: progress)
        }
    }

    /// Clusters the stored articles' wire copies when the index has none yet, or was clustered with
    /// other ``CopySketch`` parameters (an index made before version 5). Returns true if it did.
    public func clusterCopiesIfNeeded(progress: ((Int, Int) -> Void)? = nil) throws -> Bool {
        try guarded {
            let made = try db.scalar("SELECT value FROM meta WHERE key = 'copy_sketch'", as: String.self)
            guard made != IndexSchema.copySketchVersion else { return false }
            try commit()
            try db.transaction { try copies.rebuild(progress: progress) }
            return true
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

    /// What an earlier run stored for the file at `path`, or nil.
    public func storedFile(path: String) throws -> StoredFile? {
        try guarded {
            // Inside the batch's transaction: a lookup on its own is a transaction of its own,
            // whose locking (fcntl on the file and the WAL index) was a third of a no-change
            // re-index of 20,000 files.
            try beginBatchIfNeeded()
            try findFile.bind([path])
            defer { findFile.reset() }
            guard try findFile.step() else { return nil }
            return StoredFile(
                id: findFile.int64(0), path: findFile.string(1), size: findFile.int64(2), modificationTime: findFile.double(3),
                hash: findFile.string(4))
        }
    }

    /// Stores the articles read from `file` (with their content hashes, in order), replacing what
    /// was stored for that file. An article whose hash is already stored is not stored again: its
    /// new path is added to it. `tags`, when given, are the articles' topic tags computed by a
    /// ``TopicTagger`` of the lexicon in use (else new articles are tagged here).
    public func write(
        file: SourceFile, articles: [(article: Article, hash: String)], bytes: Int, rootID: Int64, replacing stored: StoredFile?,
        tags: [ArticleTags]? = nil, tokens: [[FTS5Tokens?]]? = nil, sketches: [CopySketch?]? = nil
    ) throws -> FileOutcome {
        try guarded {
            try beginBatchIfNeeded()
            let fileHash = ContentHash.of(articleHashes: articles.map(\.hash))
            var previous: [Int64] = []
            let fileID: Int64
            if let stored {
                fileID = stored.id
                previous = try articleIDs(ofFile: fileID)
                try deletePathsOfFile.bind([fileID])
                try deletePathsOfFile.run()
                try updateFile.bind([file.size, file.modificationTime, fileHash, fileID])
                try updateFile.run()
            } else {
                try insertFile.bind([rootID, file.path, file.size, file.modificationTime, fileHash])
                try insertFile.run()
                fileID = db.lastInsertRowID
            }
            var outcome = FileOutcome(fileID: fileID, fileHash: fileHash)
            for (index, (article, hash)) in articles.enumerated() {
                if let existing = try storedArticleID(hash: hash) {
                    outcome.articlesReused += 1
                    try insertPath.bind([article.path, fileID, existing])
                    try insertPath.run()
                    try refreshFirstPath(existing)
                } else {
                    let (articleID, isCopy) = try insert(
                        article, hash: hash, bytes: articles.count == 1 ? bytes : article.text.utf8.count, tags: tags?[index],
                        tokens: tokens?[index], sketch: sketches.map { $0[index] } ?? copies.sketch(of: article.passages.map(\.text)),
                        replacing: previous)
                    outcome.articlesAdded += 1
                    outcome.passagesAdded += article.passages.count
                    if isCopy { outcome.wireCopies += 1 }
                    try insertPath.bind([article.path, fileID, articleID])
                    try insertPath.run()
                }
            }
            for articleID in previous { try deleteArticleIfOrphan(articleID) }
            pendingInBatch += 1
            return outcome
        }
    }

    /// Removes a stored file, and its articles when no other path holds them.
    public func remove(fileID: Int64) throws {
        try guarded {
            try beginBatchIfNeeded()
            let previous = try articleIDs(ofFile: fileID)
            try deletePathsOfFile.bind([fileID])
            try deletePathsOfFile.run()
            try db.run("DELETE FROM files WHERE id = ?", [fileID])
            for articleID in previous { try deleteArticleIfOrphan(articleID) }
            pendingInBatch += 1
        }
    }

    /// Files stored under `rootID`, as (id, path, hash), sorted by path.
    public func storedFiles(rootID: Int64) throws -> [(id: Int64, path: String, hash: String)] {
        try guarded {
            let s = try db.prepare("SELECT id, path, hash FROM files WHERE root_id = ? ORDER BY path")
            try s.bind([rootID])
            var out: [(Int64, String, String)] = []
            while try s.step() { out.append((s.int64(0), s.string(1), s.string(2))) }
            return out
        }
    }

    /// Commits the open batch, if any.
    public func commit() throws {
        try guarded {
            try copies.flush()
            if db.isInTransaction { try db.execute("COMMIT") }
            pendingInBatch = 0
        }
    }

    /// The run articles stored from now on belong to (see ``beginRun(at:)``); nil before one began.
    public private(set) var runID: Int64?

    /// Records the start of a run, committed at once, and stores the articles written after it
    /// under its id.
    public func beginRun(at time: String) throws {
        try guarded {
            try commit()
            try db.run("INSERT INTO runs(started) VALUES (?)", [time])
            runID = db.lastInsertRowID
        }
    }

    /// Records the end of a run and its counts.
    public func finish(at time: String, report r: IngestReport) throws {
        try guarded {
            try commit()
            try db.transaction {
                try db.run("INSERT OR REPLACE INTO meta(key, value) VALUES('last_indexed', ?)", [time])
                if let runID {
                    try db.run(
                        """
                        UPDATE runs SET finished = ?, new = ?, changed = ?, unchanged = ?, moved = ?, removed = ?, skipped = ?,
                            articles = ?, passages = ? WHERE id = ?
                        """,
                        [
                            time, r.new, r.changed, r.unchanged, r.moved, r.removed, r.skipped.count, r.articlesWritten, r.passagesWritten,
                            runID,
                        ])
                }
            }
            try db.execute("PRAGMA wal_checkpoint(PASSIVE)")
        }
    }

    private func beginBatchIfNeeded() throws {
        if !db.isInTransaction { try db.execute("BEGIN IMMEDIATE") }
    }

    private func articleIDs(ofFile fileID: Int64) throws -> [Int64] {
        try pathsOfFile.bind([fileID])
        var ids: [Int64] = []
        while try pathsOfFile.step() { ids.append(pathsOfFile.int64(0)) }
        return ids
    }

    private func storedArticleID(hash: String) throws -> Int64? {
        try findArticle.bind([hash])
        defer { findArticle.reset() }
        return try findArticle.step() ? findArticle.int64(0) : nil
    }

    private func insert(
        _ article: Article, hash: String, bytes: Int, tags: ArticleTags? = nil, tokens: [FTS5Tokens?]? = nil, sketch: CopySketch?,
        replacing previous: [Int64]
    ) throws -> (id: Int64, isCopy: Bool) {
        let m = article.metadata
        try insertArticle.bind([
            hash, article.path, article.title, m.author, m.date, m.dateSource, m.url, m.source, m.format, m.language, bytes,
            article.passages.count, runID, sketch.map { Blob($0.bytes) },
        ])
        try insertArticle.run()
        let articleID = db.lastInsertRowID
        try insertTitleFTS.bind([articleID, article.title])
        try insertTitleFTS.run()
        var passageIDs: [Int64] = []
        passageIDs.reserveCapacity(article.passages.count)
        let tokens = tokens?.count == article.passages.count ? tokens : nil
        for (index, passage) in article.passages.enumerated() {
            try insertPassage.bind([articleID, passage.ordinal, passage.start, passage.end, passage.text, passage.page])
            try insertPassage.run()
            let passageID = db.lastInsertRowID
            passageIDs.append(passageID)
            try insertPassageFTS.bind([passageID, passage.text])
            if let replay, let made = tokens?[index] {
                try replay.with(made, text: passage.text) { try insertPassageFTS.run() }
            } else {
                try insertPassageFTS.run()
            }
        }
        if let store = topicTags {
            try store.writeArticle(
                id: articleID, passageIDs: passageIDs, lengths: article.passages.map { $0.end - $0.start },
                tags: tags ?? store.tags(of: article))
        }
        let isCopy = try sketch.map { try copies.add(articleID: articleID, sketch: $0, replaced: previous) } ?? false
        return (articleID, isCopy)
    }

    /// Keeps `articles.path` equal to the article's first path (used to break rank ties).
    private func refreshFirstPath(_ articleID: Int64) throws {
        try firstPath.bind([articleID])
        defer { firstPath.reset() }
        guard try firstPath.step(), !firstPath.isNull(0) else { return }
        let first = firstPath.string(0)
        try setArticlePath.bind([first, articleID, first])
        try setArticlePath.run()
    }

    private func deleteArticleIfOrphan(_ articleID: Int64) throws {
        try countPaths.bind([articleID])
        let users = try countPaths.step() ? countPaths.int(0) : 0
        countPaths.reset()
        guard users == 0 else {
            try refreshFirstPath(articleID)
            return
        }
        try copies.remove(articleID: articleID)
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
