import DossierIngest
import DossierSQLite
import DossierSupport
import DossierTopics

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Indexes folders: walks them, loads changed files on the cores the writer leaves, and writes them in order.
///
/// ```swift
/// let report = try Indexer(databasePath: "dossier.db").run(roots: ["Corpus"])
/// ```
public final class Indexer {
    /// How a run behaves.
    public struct Options: Sendable {
        /// Files loaded in parallel before they are written.
        public var batchSize = 256
        /// Batches that may be loaded or loading while the writer stores an earlier one.
        public var batchesAhead = 2
        /// A transaction is committed once it holds this many bytes of source text, or is this many
        /// seconds old: each commit makes FTS5 flush its pending terms into a new segment, so fewer,
        /// larger commits load faster, while the time bound keeps searches during a run fresh.
        public var commitBytes = 32 * 1024 * 1024
        public var commitSeconds = 5.0
        /// Threads that read, decode, split, hash and tag files, up to ``batchesAhead`` batches
        /// ahead of the writer.
        /// Default: one core fewer than the machine has (at least one), since the writer keeps a
        /// core busy and is the slower side: on 2 cores, 20,000 articles indexed in 8.0 s median
        /// with one loader against 9.3 s with two (7 interleaved pairs), and with less CPU
        /// (three busy threads on two cores take turns with the writer and each other's caches).
        public var jobs = max(1, System.activeProcessorCount - 1)
        /// Keep files that are gone from the folder instead of removing them.
        public var keepMissing = false
        /// The topics passages are tagged with (a change re-tags the stored passages first).
        public var lexicon: Lexicon = .builtIn
        /// Tokenize passages for FTS5 on the loading threads (off only to test that it changes nothing).
        var tokenizeWhileLoading = true
        public init() {}
    }

    /// Progress of a run, reported after each batch.
    public struct Progress: Sendable {
        public var filesDone: Int
        public var bytesDone: Int
        public var elapsed: Double
    }

    public let databasePath: String
    public var options: Options
    public var loader: ArticleLoader
    /// What the last run's re-tag did (nil when the index's tags were made with the same lexicon).
    public private(set) var retag: TopicTagStore.Retag?
    /// What the last run's language re-detection did (nil when the index's languages were current).
    public private(set) var redetection: IndexWriter.Redetection?
    public init(databasePath: String, options: Options = Options(), loader: ArticleLoader = ArticleLoader()) {
        self.databasePath = databasePath
        self.options = options
        self.loader = loader
    }

    /// Indexes every root (folder or file) and returns what was done; see ``IndexRun`` for the steps.
    /// - throws: ``IngestError`` for a root that cannot be read, ``IndexError`` for storage failures.
    public func run(roots: [String], progress: ((Progress) -> Void)? = nil) throws -> IngestReport {
        let clock = Stopwatch()
        for root in roots {  // fail before touching the index if a root is unreadable
            var info = stat()
            if stat(root, &info) != 0 {
                throw IngestError.unreadableRoot(path: root, reason: String(cString: strerror(errno)))
            }
        }
        let lock = try IndexLock(databasePath: databasePath)
        defer { lock.release() }
        let writer = try IndexWriter(path: databasePath)
        retag = try writer.useLexicon(options.lexicon)
        _ = try writer.clusterCopiesIfNeeded()
        redetection = try writer.redetectLanguagesIfNeeded()
        // Per loading thread: a tagger, and FTS5's own tokenizer, whose tokens the writer hands to
        // FTS5 (see ``FTS5TokenReplay``) so that the one writing thread does not tokenize.
        let threads = max(1, options.jobs)
        let taggers = writer.topicTags.map { store in (0..<threads).map { _ in TopicTagger(matcher: store.matcher) } } ?? []
        let tokenizers =
            writer.replaysTokens && options.tokenizeWhileLoading
            ? (0..<threads).compactMap { _ in try? FTS5Tokenizer(definition: IndexSchema.tokenizer) } : []
        var run = IndexRun(
            writer: writer, options: options, loader: loader,
            loading: LoadAhead(loader: loader, taggers: taggers, tokenizers: tokenizers, jobs: threads), clock: clock, progress: progress)
        try writer.beginRun(at: Self.timestamp())
        for root in roots { try run.index(root: root) }
        let report = run.finished()
        try writer.finish(at: Self.timestamp(), report: report)
        return report
    }

    static func absolutePath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The current time as ISO 8601 UTC, to the second.
    static func timestamp() -> String {
        var now = time(nil)
        var parts = tm()
        gmtime_r(&now, &parts)
        func pad(_ value: Int32, _ width: Int = 2) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        let date = pad(parts.tm_year + 1900, 4) + "-" + pad(parts.tm_mon + 1) + "-" + pad(parts.tm_mday)
        return date + "T" + pad(parts.tm_hour) + ":" + pad(parts.tm_min) + ":" + pad(parts.tm_sec) + "Z"
    }
}

/// Elapsed wall-clock time.
struct Stopwatch {
    let start = Stopwatch.now()
    var seconds: Double { Stopwatch.now() - start }
    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}

/// Facts about the machine.
public enum System {
    /// Cores available to this process.
    public static var activeProcessorCount: Int { Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))) }
}
