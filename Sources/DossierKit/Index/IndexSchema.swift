import DossierSQLite
import DossierTopics

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The tables of a Dossier index, and how to create or check them.
///
/// - `roots`: each folder that was indexed, by absolute path, with the path as the user gave it.
/// - `files`: one row per source file: size and mtime seen, and a hash of the articles it held.
/// - `articles`: one row per distinct article (by content hash), with its metadata and its first path.
/// - `article_paths`: every path an article was read from (`file`, or `file#n` for the n-th article
///   of a feed or mailbox), and the file it came from. Duplicates are several paths of one article.
/// - `passages`: the passages' text and offsets.
/// - `passage_fts`: FTS5 over `passages.text` (external content, so the text is stored once).
/// - `title_fts`: FTS5 over `articles.title`, used to let a matching title break ties.
/// - `meta`: key/value facts (tokenizer, last indexed time, the lexicon the tags were made with,
///   the ``CopySketch`` parameters the copy clusters were made with).
/// - `article_bands`: the wire-copy lookup keys of each article (see ``CopyClusters``).
/// - `topics`, `passage_topics`, `title_topics`: see ``topicStatements``.
public enum IndexSchema {
    /// Bumped whenever the tables change; stored in `PRAGMA user_version`.
    /// Version 2 added the topic tables; version 3 the topic weight of each passage tag; version 4
    /// short-passage topic weights (a re-tag), the `runs` table and the run that stored each article (`articles.run_id`, NULL for articles
    /// stored before runs were recorded). An older index is brought up to date when next opened
    /// for writing (its tags are made again from the stored text when they changed); until then
    /// searches ask for `dossier index`. Version 5 added wire-copy clusters (`articles.sketch`,
    /// `articles.cluster_id`, `article_bands`), made for the stored articles on the next run.
    /// Version 6 added the page of each passage (`passages.page`, NULL for formats without pages and
    /// for passages stored before).
    public static let version = 6

    /// The parameters of the copy clusters (``CopySketch``): when they change, the next run
    /// clusters every stored article again.
    public static let copySketchVersion =
        "minhash-oph \(CopySketch.bins) bins, \(CopySketch.shingleWords)-word shingles, "
        + "\(CopySketch.bandCount)x\(CopySketch.bandRows) bands, jaccard \(CopySketch.threshold)"

    /// The FTS5 tokenizer: Unicode words, diacritics removed, English Porter stemming.
    public static let tokenizer = TopicTokenizer.definition

    static let createStatements = """
        CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS roots(
            id INTEGER PRIMARY KEY,
            absolute_path TEXT NOT NULL UNIQUE,
            display_path TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS files(
            id INTEGER PRIMARY KEY,
            root_id INTEGER NOT NULL REFERENCES roots(id),
            path TEXT NOT NULL UNIQUE,
            size INTEGER NOT NULL,
            mtime REAL NOT NULL,
            hash TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS files_root ON files(root_id);
        CREATE INDEX IF NOT EXISTS files_hash ON files(hash);
        CREATE TABLE IF NOT EXISTS articles(
            id INTEGER PRIMARY KEY,
            hash TEXT NOT NULL UNIQUE,
            path TEXT NOT NULL,
            title TEXT NOT NULL,
            author TEXT,
            date TEXT,
            date_source TEXT,
            url TEXT,
            source TEXT,
            format TEXT NOT NULL,
            language TEXT,
            bytes INTEGER NOT NULL,
            passage_count INTEGER NOT NULL,
            run_id INTEGER,
            sketch BLOB,
            cluster_id INTEGER
        );
        CREATE TABLE IF NOT EXISTS article_paths(
            path TEXT PRIMARY KEY,
            file_id INTEGER NOT NULL REFERENCES files(id),
            article_id INTEGER NOT NULL REFERENCES articles(id)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS article_paths_file ON article_paths(file_id);
        CREATE INDEX IF NOT EXISTS article_paths_article ON article_paths(article_id);
        CREATE TABLE IF NOT EXISTS passages(
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id),
            ordinal INTEGER NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            page INTEGER
        );
        CREATE INDEX IF NOT EXISTS passages_article ON passages(article_id, ordinal);
        CREATE VIRTUAL TABLE IF NOT EXISTS passage_fts USING fts5(
            text, content='passages', content_rowid='id', tokenize='\(tokenizer)'
        );
        CREATE VIRTUAL TABLE IF NOT EXISTS title_fts USING fts5(
            title, content='articles', content_rowid='id', tokenize='\(tokenizer)'
        );
        """

    /// The index runs (version 4): one row per `dossier index`, its start, its end (NULL while it
    /// runs, or when it was interrupted) and its counts; `articles.run_id` says which run stored an
    /// article, so that `--new` can ask for what the last run brought.
    static let runStatements = """
        CREATE TABLE IF NOT EXISTS runs(
            id INTEGER PRIMARY KEY,
            started TEXT NOT NULL,
            finished TEXT,
            new INTEGER, changed INTEGER, unchanged INTEGER, moved INTEGER, removed INTEGER, skipped INTEGER,
            articles INTEGER, passages INTEGER
        );
        CREATE INDEX IF NOT EXISTS articles_run ON articles(run_id);
        """

    /// The wire-copy clusters (version 5): each sketched article's band keys, and its cluster.
    static let copyStatements = """
        CREATE TABLE IF NOT EXISTS article_bands(
            band INTEGER NOT NULL,
            article_id INTEGER NOT NULL,
            PRIMARY KEY(band, article_id)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS articles_cluster ON articles(cluster_id) WHERE cluster_id IS NOT NULL;
        """

    /// The topic tags (version 2), made with the lexicon stored in `meta` (`lexicon`, `lexicon_hash`):
    /// - `topics`: the lexicon's topics (id, label, category);
    /// - `passage_topics`: which passages name which topics, how often (`mentions`), by how
    ///   many different names (`names`), and the topic's weight there (``TopicRanking/weight(mentions:distinctNames:inTitle:share:)``),
    ///   keyed by topic and weight so a topic's best passages come first;
    /// - `title_topics`: which article titles name which topics.
    /// Triggers drop a passage's or article's tags with it. (The key's columns come first: SQLite
    /// 3.40's `integrity_check` misreads a WITHOUT ROWID table whose key column follows others.)
    static let topicStatements = """
        CREATE TABLE IF NOT EXISTS topics(id TEXT PRIMARY KEY, label TEXT NOT NULL, category TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS passage_topics(
            passage_id INTEGER NOT NULL,
            topic_id TEXT NOT NULL,
            weight REAL NOT NULL,
            mentions INTEGER NOT NULL,
            names INTEGER NOT NULL,
            PRIMARY KEY(topic_id, weight DESC, passage_id)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS passage_topics_passage ON passage_topics(passage_id);
        CREATE TABLE IF NOT EXISTS title_topics(
            article_id INTEGER NOT NULL,
            topic_id TEXT NOT NULL,
            PRIMARY KEY(topic_id, article_id)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS title_topics_article ON title_topics(article_id);
        CREATE TRIGGER IF NOT EXISTS passages_drop_topics AFTER DELETE ON passages BEGIN
            DELETE FROM passage_topics WHERE passage_id = old.id;
        END;
        CREATE TRIGGER IF NOT EXISTS articles_drop_topics AFTER DELETE ON articles BEGIN
            DELETE FROM title_topics WHERE article_id = old.id;
        END;
        """

    /// Creates the tables in an empty database, or checks that an existing one is a Dossier index
    /// of this version.
    /// - throws: ``IndexError/notAnIndex(path:)`` or ``IndexError/incompatibleVersion(path:found:)``.
    static func prepare(_ db: Connection) throws {
        let version = try db.scalar("PRAGMA user_version", as: Int.self) ?? 0
        if version == 0 {
            let tables = try db.scalar("SELECT count(*) FROM sqlite_schema", as: Int.self) ?? 0
            guard tables == 0 else { throw IndexError.notAnIndex(path: db.path) }
            try db.transaction {
                try db.execute(createStatements)
                try db.execute(topicStatements)
                try db.execute(runStatements)
                try db.execute(copyStatements)
                try db.run("INSERT INTO meta(key, value) VALUES('copy_sketch', ?)", [copySketchVersion])
                // Fewer, larger segments while loading: measured 0–15% faster (MEASURED.md).
                try db.execute("INSERT INTO passage_fts(passage_fts, rank) VALUES('hashsize', 8388608)")
                try db.run("INSERT INTO meta(key, value) VALUES('tokenizer', ?)", [tokenizer])
                try db.execute("PRAGMA user_version = \(Self.version)")
            }
        } else if (1...5).contains(version) {
            try db.transaction {
                if version < 3 {
                    // Version 1 had no topic tables, version 2 no topic weights: (re)make them, and forget
                    // the lexicon the old tags were made with, so the indexer tags every passage afterwards.
                    try db.execute("DROP TRIGGER IF EXISTS passages_drop_topics; DROP TABLE IF EXISTS passage_topics")
                    try db.execute(topicStatements)
                    try db.execute("DELETE FROM meta WHERE key IN ('lexicon', 'lexicon_hash')")
                }
                if version < 4 {
                    // Version 4 also scales topic weights for short passages: forget the lexicon the
                    // old weights were made with, so the next run re-tags.
                    try db.execute("DELETE FROM meta WHERE key IN ('lexicon', 'lexicon_hash')")
                }
                // Version 3 recorded no runs: articles stored so far belong to none. Version 4 had
                // no copy clusters: the run clusters the stored articles (no `copy_sketch` in meta).
                for column in ["run_id INTEGER", "sketch BLOB", "cluster_id INTEGER"] {
                    let name = String(column.prefix(while: { $0 != " " }))
                    let found = try db.scalar("SELECT count(*) FROM pragma_table_info('articles') WHERE name = ?", [name], as: Int.self)
                    if found == 0 { try db.execute("ALTER TABLE articles ADD COLUMN \(column)") }
                }
                // Version 5 had no pages: the passages stored so far have none (no PDF was read).
                let page = try db.scalar("SELECT count(*) FROM pragma_table_info('passages') WHERE name = 'page'", as: Int.self)
                if page == 0 { try db.execute("ALTER TABLE passages ADD COLUMN page INTEGER") }
                try db.execute(runStatements)
                try db.execute(copyStatements)
                try db.execute("PRAGMA user_version = \(Self.version)")
            }
        } else if version != Self.version {
            throw IndexError.incompatibleVersion(path: db.path, found: version)
        }
    }

    /// Opens the index at `path` for reading: it must exist and be a Dossier index of this version.
    /// - throws: ``IndexError/missing(path:)``, ``IndexError/notAnIndex(path:)`` and the other ``IndexError``s.
    package static func openForReading(path: String) throws -> Connection {
        guard access(path, F_OK) == 0 else { throw IndexError.missing(path: path) }
        do {
            let db = try Connection(path: path, mode: .readOnly)
            db.setBusyTimeout(milliseconds: 5000)
            try check(db)
            return db
        } catch {
            throw IndexError.wrap(error, path: path)
        }
    }

    /// Checks that an index opened for reading is one this version understands.
    static func check(_ db: Connection) throws {
        let version: Int
        do {
            version = try db.scalar("PRAGMA user_version", as: Int.self) ?? 0
        } catch {
            throw IndexError.notAnIndex(path: db.path)
        }
        if version == 0 {
            // An empty database is an index whose first run has not committed yet (or was killed before).
            let tables = (try? db.scalar("SELECT count(*) FROM sqlite_schema", as: Int.self)) ?? 1
            throw tables == 0 ? IndexError.missing(path: db.path) : IndexError.notAnIndex(path: db.path)
        }
        if version != Self.version { throw IndexError.incompatibleVersion(path: db.path, found: version) }
    }
}
