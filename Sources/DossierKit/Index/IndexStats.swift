import DossierSQLite

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Counts that describe an index, for `dossier stats`.
public struct IndexStats: Sendable, Equatable {
    /// The index file's path.
    public var path: String
    /// Source files indexed.
    public var files: Int
    /// Distinct articles (files holding the same text count once).
    public var articles: Int
    /// Passages.
    public var passages: Int
    /// Size of the index on disk, in bytes (database and write-ahead log).
    public var bytes: Int
    /// Bytes of source files read into the index.
    public var sourceBytes: Int
    /// When the last `index` run finished, ISO 8601 UTC, or nil.
    public var lastIndexed: String?
    /// Articles by format (`text`, `markdown`, ...), sorted by format.
    public var formats: [(format: String, articles: Int)]
    /// Articles by language (ISO 639-1; nil for articles whose language is unknown), most articles
    /// first, then by code.
    public var languages: [(language: String?, articles: Int)] = []
    /// The last five index runs, newest first.
    public var runs: [IndexRunRecord] = []
    /// Clusters of wire copies (``CopyClusters``), and the articles in them.
    public var copyClusters = 0
    public var clusteredArticles = 0

    public static func == (a: IndexStats, b: IndexStats) -> Bool {
        a.path == b.path && a.files == b.files && a.articles == b.articles && a.passages == b.passages && a.bytes == b.bytes
            && a.lastIndexed == b.lastIndexed && a.formats.map(\.format) == b.formats.map(\.format)
            && a.languages.map(\.language) == b.languages.map(\.language) && a.languages.map(\.articles) == b.languages.map(\.articles)
    }

    /// Reads the stats of the index at `path`.
    /// - throws: ``IndexError``.
    public static func read(path: String) throws -> IndexStats {
        let db = try IndexSchema.openForReading(path: path)
        do {
            return try db.readTransaction {
                var formats: [(String, Int)] = []
                let s = try db.prepare("SELECT format, count(*) FROM articles GROUP BY format ORDER BY format")
                while try s.step() { formats.append((s.string(0), s.int(1))) }
                var stats = IndexStats(
                    path: path,
                    files: try db.scalar("SELECT count(*) FROM files") ?? 0,
                    articles: try db.scalar("SELECT count(*) FROM articles") ?? 0,
                    passages: try db.scalar("SELECT count(*) FROM passages") ?? 0,
                    bytes: fileSize(path) + fileSize(path + "-wal"),
                    sourceBytes: try db.scalar("SELECT coalesce(sum(bytes), 0) FROM articles") ?? 0,
                    lastIndexed: try db.scalar("SELECT value FROM meta WHERE key = 'last_indexed'"),
                    formats: formats, languages: try languages(db), runs: try IndexRunRecord.recent(db, limit: 5))
                let clusters = try db.prepare(
                    "SELECT count(DISTINCT cluster_id), count(*) FROM articles WHERE cluster_id IS NOT NULL")
                if try clusters.step() { (stats.copyClusters, stats.clusteredArticles) = (clusters.int(0), clusters.int(1)) }
                return stats
            }
        } catch {
            throw IndexError.wrap(error, path: path)
        }
    }

    /// Articles per language, most first; unknown (NULL) sorts with the others by its count.
    static func languages(_ db: Connection) throws -> [(language: String?, articles: Int)] {
        var languages: [(String?, Int)] = []
        let s = try db.prepare("SELECT language, count(*) AS n FROM articles GROUP BY language ORDER BY n DESC, language IS NULL, language")
        while try s.step() { languages.append((s.optionalString(0), s.int(1))) }
        return languages
    }

    static func fileSize(_ path: String) -> Int {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : 0
    }
}
