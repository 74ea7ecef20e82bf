import Dispatch
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
    /// Per loading thread: tags articles while they load.
    private var taggers: [TopicTagger] = []
    /// Per loading thread: FTS5's own tokenizer, whose tokens the writer hands to FTS5 (see
    /// ``FTS5TokenReplay``), so that the one writing thread does not tokenize.
    private var tokenizers: [FTS5Tokenizer] = []

    public init(databasePath: String, options: Options = Options(), loader: ArticleLoader = ArticleLoader()) {
        self.databasePath = databasePath
        self.options = options
        self.loader = loader
    }

    /// Indexes every root (folder or file) and returns what was done.
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
        if let store = writer.topicTags {  // one tagger per loading thread
            taggers = (0..<max(1, options.jobs)).map { _ in TopicTagger(matcher: store.matcher) }
        }
        if writer.replaysTokens && options.tokenizeWhileLoading {
            tokenizers = (0..<max(1, options.jobs)).compactMap { _ in try? FTS5Tokenizer(definition: IndexSchema.tokenizer) }
        }
        var report = IngestReport()
        var filesDone = 0
        var bytesAtCommit = 0
        var lastCommit = 0.0

        for root in roots {
            let rootID = try writer.rootID(absolutePath: Self.absolutePath(root), displayPath: root)
            var seen = Set<Int64>()
            var newHashes: [String: Int] = [:]  // content of files new in this run, to recognise moves
            var batch: [(SourceFile, IndexWriter.StoredFile?)] = []

            // Loading runs up to `batchesAhead` batches ahead of writing: while the writer stores
            // batch k, the loading threads read, split, hash and tag batches k+1 and k+2, one after
            // the other on a serial queue (each loading thread owns a tagger, so only one batch
            // loads at a time). Two ahead rather than one: a batch of slow files no longer leaves
            // the writer waiting, nor a slow batch to write the loaders idle.
            let loadQueue = DispatchQueue(label: "dossier.index.load")
            var loading: [(files: [(SourceFile, IndexWriter.StoredFile?)], job: BackgroundTask<[Result<HashedFile, SkipReason>]>)] = []
            defer { for pending in loading { _ = pending.job.value() } }  // never leave a job running past the run

            func write(_ files: [(SourceFile, IndexWriter.StoredFile?)], _ loaded: [Result<HashedFile, SkipReason>]) throws {
                for ((file, stored), outcome) in zip(files, loaded) {
                    switch outcome {
                    case .success(let result):
                        let written = try writer.write(
                            file: file, articles: Array(zip(result.loaded.articles, result.hashes)), bytes: result.loaded.bytes,
                            rootID: rootID, replacing: stored, tags: result.tags, tokens: result.tokens)
                        seen.insert(written.fileID)
                        report.articlesWritten += written.articlesAdded
                        report.duplicates += written.articlesReused
                        report.passagesWritten += written.passagesAdded
                        if result.loaded.truncated { report.truncated.append(file.path) }
                        report.warnings += result.loaded.warnings.map { "\(file.path): \($0)" }
                        report.bytesRead += result.loaded.bytes
                        if let stored {
                            // Touched but identical: read and hashed, nothing re-tokenized.
                            if stored.hash == written.fileHash { report.unchanged += 1 } else { report.changed += 1 }
                        } else {
                            report.new += 1
                            newHashes[written.fileHash, default: 0] += 1
                        }
                    case .failure(let reason):
                        if let stored { try writer.remove(fileID: stored.id) }
                        report.skipped.append((file.path, reason))
                    }
                }
                filesDone += files.count
                if report.bytesRead - bytesAtCommit >= options.commitBytes || clock.seconds - lastCommit >= options.commitSeconds {
                    try writer.commit()
                    bytesAtCommit = report.bytesRead
                    lastCommit = clock.seconds
                }
                progress?(Progress(filesDone: filesDone, bytesDone: report.bytesRead, elapsed: clock.seconds))
            }

            /// Starts loading the gathered batch and writes the oldest loading ones past
            /// `batchesAhead`; with `last`, writes them all.
            func flush(last: Bool = false) throws {
                if !batch.isEmpty {
                    loading.append(
                        (
                            batch,
                            Self.loadJob(
                                files: batch.map(\.0), loader: loader, taggers: taggers, tokenizers: tokenizers, jobs: options.jobs,
                                queue: loadQueue)
                        ))
                    batch.removeAll(keepingCapacity: true)
                }
                while loading.count > (last ? 0 : options.batchesAhead) {
                    let next = loading.removeFirst()
                    try write(next.files, next.job.value())
                }
            }

            try FolderWalker().walk(root: root) { entry in
                switch entry {
                case .skipped(let path, let reason):
                    report.skipped.append((path, reason))
                case .file(let file):
                    guard loader.canRead(file) else {
                        report.skipped.append((file.path, .unsupportedFormat(file.pathExtension)))
                        return
                    }
                    let stored = try writer.storedFile(path: file.path)
                    if let stored { seen.insert(stored.id) }
                    if let stored, stored.size == file.size, stored.modificationTime == file.modificationTime {
                        report.unchanged += 1
                        filesDone += 1
                        return
                    }
                    batch.append((file, stored))
                    if batch.count >= options.batchSize { try flush() }
                }
            }
            try flush(last: true)

            if !options.keepMissing {
                for stored in try writer.storedFiles(rootID: rootID) where !seen.contains(stored.id) {
                    try writer.remove(fileID: stored.id)
                    if let count = newHashes[stored.hash], count > 0 {
                        // Gone here, new elsewhere with the same content: a move or rename (its articles were reused).
                        newHashes[stored.hash] = count - 1
                        report.new -= 1
                        report.moved += 1
                    } else {
                        report.removed += 1
                    }
                }
                try writer.commit()
            }
        }
        try writer.finish(at: Self.timestamp())
        report.skipped.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        report.seconds = clock.seconds
        return report
    }

    /// A loaded file with the content hash of each of its articles.
    struct HashedFile: Sendable {
        var loaded: ArticleLoader.Loaded
        var hashes: [String]
        /// Topic tags of each article, computed on the loading thread.
        var tags: [ArticleTags]?
        /// FTS5's tokens of each passage of each article, made on the loading thread.
        var tokens: [[FTS5Tokens?]]?
    }

    /// Loading of one batch on `queue` (serial: one batch at a time uses the taggers and
    /// tokenizers), which spreads it over `jobs` threads; its results come in input order.
    static func loadJob(
        files: [SourceFile], loader: ArticleLoader, taggers: [TopicTagger], tokenizers: [FTS5Tokenizer], jobs: Int, queue: DispatchQueue
    ) -> BackgroundTask<[Result<HashedFile, SkipReason>]> {
        BackgroundTask(on: queue) {
            Indexer.loadInParallel(files, loader: loader, taggers: taggers, tokenizers: tokenizers, jobs: jobs)
        }
    }

    /// Loads and hashes files on `options.jobs` threads; results come back in input order.
    static func loadInParallel(
        _ files: [SourceFile], loader: ArticleLoader, taggers: [TopicTagger], tokenizers: [FTS5Tokenizer] = [], jobs: Int
    ) -> [Result<HashedFile, SkipReason>] {
        let results = UnsafeResults<Result<HashedFile, SkipReason>>(count: files.count)
        let jobs = max(1, jobs)
        DispatchQueue.concurrentPerform(iterations: jobs) { worker in
            var i = worker
            while i < files.count {
                do {
                    let loaded = try loader.load(files[i])
                    let tokens =
                        worker < tokenizers.count
                        ? loaded.articles.map { $0.passages.map { FTS5Tokens.record($0.text, with: tokenizers[worker]) } } : nil
                    let tags =
                        worker < taggers.count
                        ? loaded.articles.indices.map { taggers[worker].tags(of: loaded.articles[$0], tokens: tokens?[$0]) } : nil
                    results.set(
                        i, .success(HashedFile(loaded: loaded, hashes: loaded.articles.map(ContentHash.of), tags: tags, tokens: tokens)))
                } catch let reason as SkipReason {
                    results.set(i, .failure(reason))
                } catch {
                    results.set(i, .failure(.malformed("\(error)")))
                }
                i += jobs
            }
        }
        return results.values
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

/// A fixed-size array that worker threads fill at distinct indices.
final class UnsafeResults<T>: @unchecked Sendable {
    private var storage: [T?]
    init(count: Int) { storage = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: T) {
        storage.withUnsafeMutableBufferPointer { $0[index] = value }
    }
    var values: [T] { storage.map { $0! } }
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
