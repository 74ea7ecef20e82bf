import DossierIngest
import DossierSQLite
import DossierSupport
import DossierTopics

/// One `index` run over its roots, in four steps per root:
///
/// 1. **walk**: the folder's files in order; a file whose size and modification time match the index
///    is unchanged and not read, a file no reader knows is skipped;
/// 2. **schedule**: the others are gathered into batches that load (read, decode, split, hash, tag,
///    tokenize) on background threads, up to ``Indexer/Options/batchesAhead`` batches ahead of the writer;
/// 3. **write**: batches are stored in walk order, committed every ``Indexer/Options/commitBytes`` bytes
///    or ``Indexer/Options/commitSeconds`` seconds;
/// 4. **sweep**: files of the root that the walk did not see are removed; one with the content of a
///    file new in this run is counted as moved.
///
/// The run owns the counts it reports; the ``IndexWriter`` owns the storage and the transaction.
struct IndexRun {
    /// A file to load, with what the index holds for its path.
    typealias Scheduled = (file: SourceFile, stored: IndexWriter.StoredFile?)

    /// What one root's walk saw, for its sweep.
    private struct RootState {
        let rootID: Int64
        /// Files of the root found by the walk (stored ids).
        var seen = Set<Int64>()
        /// Files new in this run by content hash, with the articles each reused: a file gone from the
        /// root whose hash is here was moved, and its reused articles were not duplicates.
        var newFiles: [String: [Int]] = [:]
    }

    private let writer: IndexWriter
    private let options: Indexer.Options
    private let loader: ArticleLoader
    private let clock: Stopwatch
    private let progress: ((Indexer.Progress) -> Void)?
    private let loading: LoadAhead
    private var report = IngestReport()
    private var filesDone = 0
    private var bytesAtCommit = 0
    private var lastCommit = 0.0

    init(
        writer: IndexWriter, options: Indexer.Options, loader: ArticleLoader, loading: LoadAhead, clock: Stopwatch,
        progress: ((Indexer.Progress) -> Void)?
    ) {
        self.writer = writer
        self.options = options
        self.loader = loader
        self.loading = loading
        self.clock = clock
        self.progress = progress
    }

    /// Walks, loads, writes and sweeps one root (a folder or a file).
    mutating func index(root: String) throws {
        var state = RootState(rootID: try writer.rootID(absolutePath: Indexer.absolutePath(root), displayPath: root))
        defer { loading.cancel() }  // never leave a load running past the run, even on error
        var batch: [Scheduled] = []
        try FolderWalker().walk(root: root) { entry in
            guard let scheduled = try walk(entry, into: &state) else { return }
            batch.append(scheduled)
            if batch.count >= options.batchSize {
                try schedule(batch, into: &state)
                batch.removeAll(keepingCapacity: true)
            }
        }
        try schedule(batch, into: &state, last: true)
        if !options.keepMissing { try sweep(&state) }
    }

    /// The counts of the run so far, with skipped files in path order.
    func finished() -> IngestReport {
        var report = report
        report.skipped.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }  // byte order, whatever the locale
        report.seconds = clock.seconds
        return report
    }

    /// Step 1: counts a walk entry that needs no reading; returns the file to load otherwise.
    private mutating func walk(_ entry: FolderWalker.Entry, into state: inout RootState) throws -> Scheduled? {
        switch entry {
        case .skipped(let path, let reason):
            report.skipped.append((path, reason))
            return nil
        case .file(let file):
            guard loader.canRead(file) else {
                report.skipped.append((file.path, .unsupportedFormat(file.pathExtension)))
                return nil
            }
            let stored = try writer.storedFile(path: file.path)
            if let stored { state.seen.insert(stored.id) }
            if let stored, stored.size == file.size, stored.modificationTime == file.modificationTime {
                report.unchanged += 1
                filesDone += 1
                return nil
            }
            return (file, stored)
        }
    }

    /// Step 2: starts loading `batch` and writes the oldest loading batches past
    /// ``Indexer/Options/batchesAhead``; with `last`, writes them all.
    private mutating func schedule(_ batch: [Scheduled], into state: inout RootState, last: Bool = false) throws {
        if !batch.isEmpty { loading.start(batch) }
        while loading.count > (last ? 0 : options.batchesAhead) {
            let (files, loaded) = loading.takeOldest()
            try write(files, loaded, into: &state)
        }
    }

    /// Step 3: stores one loaded batch, commits when the transaction is large or old enough, and
    /// reports progress.
    private mutating func write(_ files: [Scheduled], _ loaded: [Result<LoadAhead.LoadedFile, SkipReason>], into state: inout RootState)
        throws
    {
        for ((file, stored), outcome) in zip(files, loaded) {
            switch outcome {
            case .success(let result):
                let written = try writer.write(
                    file: file, articles: Array(zip(result.loaded.articles, result.hashes)), bytes: result.loaded.bytes,
                    rootID: state.rootID, replacing: stored, tags: result.tags, tokens: result.tokens,
                    sketches: result.sketches)
                state.seen.insert(written.fileID)
                report.articlesWritten += written.articlesAdded
                report.duplicates += written.articlesReused
                report.wireCopies += written.wireCopies
                report.passagesWritten += written.passagesAdded
                if result.loaded.truncated { report.truncated.append(file.path) }
                if result.loaded.pagesWithoutText > 0 {
                    report.pagesWithoutText += result.loaded.pagesWithoutText
                    report.filesWithScans += 1
                }
                report.warnings += result.loaded.warnings.map { "\(file.path): \($0)" }
                report.bytesRead += result.loaded.bytes
                if let stored {
                    // Touched but identical: read and hashed, nothing re-tokenized.
                    if stored.hash == written.fileHash { report.unchanged += 1 } else { report.changed += 1 }
                } else {
                    report.new += 1
                    state.newFiles[written.fileHash, default: []].append(written.articlesReused)
                }
            case .failure(let reason):
                if let stored { try writer.remove(fileID: stored.id) }
                report.skipped.append((file.path, reason))
                if case .noText(let pages) = reason, pages > 0 {
                    report.pagesWithoutText += pages
                    report.filesWithScans += 1
                }
            }
        }
        filesDone += files.count
        if report.bytesRead - bytesAtCommit >= options.commitBytes || clock.seconds - lastCommit >= options.commitSeconds {
            try writer.commit()
            bytesAtCommit = report.bytesRead
            lastCommit = clock.seconds
        }
        progress?(Indexer.Progress(filesDone: filesDone, bytesDone: report.bytesRead, elapsed: clock.seconds))
    }

    /// Step 4: removes the root's files that the walk did not see.
    private mutating func sweep(_ state: inout RootState) throws {
        for stored in try writer.storedFiles(rootID: state.rootID) where !state.seen.contains(stored.id) {
            try writer.remove(fileID: stored.id)
            if var reused = state.newFiles[stored.hash], !reused.isEmpty {
                // Gone here, new elsewhere with the same content: a move or rename. The new path
                // reused this file's articles, which are therefore not duplicates.
                report.duplicates -= reused.removeFirst()
                state.newFiles[stored.hash] = reused
                report.new -= 1
                report.moved += 1
            } else {
                report.removed += 1
            }
        }
        try writer.commit()
    }
}
