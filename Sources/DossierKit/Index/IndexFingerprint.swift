import Crypto
import DossierSQLite
import DossierSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A fingerprint of what an index holds, so an export can be checked against the index later.
///
/// `sha256` covers the schema version, the tokenizer, and every article in content-hash order with
/// its first path, the metadata that export writes (title via the content hash, date, author,
/// source, URL, format, language), its passage count and all its paths. Two indexes of the same
/// files give the same fingerprint whenever and wherever they were built; re-indexing unchanged
/// files keeps it; any change to an exported value changes it. Row ids and `last_indexed` are left
/// out on purpose: they change on rebuilds that change nothing a user sees.
///
/// Cost: one pass over `articles` and `article_paths`, no passage text: about 0.3 s for 20,000 articles.
///
/// ```swift
/// let print = try IndexFingerprint.read(path: "dossier.db")
/// print.sha256  // "9f2c…"
/// ```
public struct IndexFingerprint: Sendable, Equatable {
    /// The index file's schema version (`PRAGMA user_version`).
    public var schemaVersion: Int
    /// The FTS5 tokenizer the index was built with.
    public var tokenizer: String
    /// Distinct articles.
    public var articles: Int
    /// Passages.
    public var passages: Int
    /// When the last `index` run finished (informative; not part of ``sha256``).
    public var lastIndexed: String?
    /// The SHA-256 of the content, lower-case hex.
    public var sha256: String

    /// Starts reading the fingerprint of the index at `path` on another thread, so that it
    /// overlaps other work (an export's start, which keeps one core waiting otherwise);
    /// ``Pending/value()`` waits for it.
    public static func start(path: String) -> Pending {
        Pending(path: path)
    }

    /// A fingerprint being read (``start(path:)``).
    public final class Pending: @unchecked Sendable {
        private let task: BackgroundTask<Result<IndexFingerprint, any Error>>

        init(path: String) {
            task = BackgroundTask { Result { try IndexFingerprint.read(path: path) } }
        }

        /// The fingerprint, once read (waits the first time only).
        /// - throws: what ``IndexFingerprint/read(path:)`` throws.
        public func value() throws -> IndexFingerprint {
            try task.value().get()
        }
    }

    /// Reads the fingerprint of the index at `path`.
    /// - throws: ``IndexError``.
    public static func read(path: String) throws -> IndexFingerprint {
        let db = try IndexSchema.openForReading(path: path)
        do {
            return try db.readTransaction {
                let tokenizer: String = try db.scalar("SELECT value FROM meta WHERE key = 'tokenizer'") ?? IndexSchema.tokenizer
                var hasher = SHA256()
                func feed(_ field: String?) {
                    hasher.update(data: Array((field ?? "\u{0}null").utf8))
                    hasher.update(data: [0x1F])
                }
                feed("dossier-index-fingerprint-1")
                feed(String(IndexSchema.version))
                feed(tokenizer)
                let articles = try db.prepare(
                    """
                    SELECT a.hash, a.path, a.date, a.author, a.source, a.url, a.format, a.language, a.passage_count,
                        (SELECT group_concat(path, char(30)) FROM (SELECT path FROM article_paths WHERE article_id = a.id ORDER BY path))
                    FROM articles AS a ORDER BY a.hash
                    """)
                var count = 0
                var passages = 0
                // The columns' bytes as SQLite holds them (the same bytes `feed` hashes: Dossier
                // writes only valid UTF-8), without a String or an Array per field.
                let null = Array("\u{0}null".utf8)
                let unitSeparator: [UInt8] = [0x1F]
                let recordSeparator: [UInt8] = [0x1E]
                while try articles.step() {
                    for column: Int32 in 0..<10 {
                        if articles.isNull(column) {
                            hasher.update(data: null)
                        } else {
                            hasher.update(bufferPointer: UnsafeRawBufferPointer(articles.bytes(column)))
                        }
                        hasher.update(data: unitSeparator)
                    }
                    hasher.update(data: recordSeparator)
                    count += 1
                    passages += articles.int(8)
                }
                return IndexFingerprint(
                    schemaVersion: IndexSchema.version, tokenizer: tokenizer, articles: count, passages: passages,
                    lastIndexed: try db.scalar("SELECT value FROM meta WHERE key = 'last_indexed'"),
                    sha256: ContentHash.hex(hasher.finalize()))
            }
        } catch {
            throw IndexError.wrap(error, path: path)
        }
    }
}
