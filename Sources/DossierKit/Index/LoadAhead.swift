import Dispatch
import DossierIngest
import DossierSQLite
import DossierSupport
import DossierTopics

/// Batches of files loading on background threads while the writer stores earlier ones.
///
/// Batches load one after the other on a serial queue (each loading thread owns a tagger and a
/// tokenizer, so only one batch may use them at a time), each spread over ``jobs`` threads; they
/// are taken back in the order they were started. Loading several batches ahead rather than one
/// keeps the writer busy after a batch of slow files, and the loaders busy after a slow batch to write.
final class LoadAhead {
    /// A loaded file with what the writer needs from it, all computed on the loading thread.
    struct LoadedFile: Sendable {
        var loaded: ArticleLoader.Loaded
        /// The content hash of each article.
        var hashes: [String]
        /// Topic tags of each article.
        var tags: [ArticleTags]?
        /// FTS5's tokens of each passage of each article (see ``FTS5TokenReplay``).
        var tokens: [[FTS5Tokens?]]?
        /// The wire-copy sketch of each article, made from its tokens (nil without tokens).
        var sketches: [CopySketch?]?
    }

    typealias Outcome = Result<LoadedFile, SkipReason>

    private let loader: ArticleLoader
    private let taggers: [TopicTagger]
    private let tokenizers: [FTS5Tokenizer]
    private let jobs: Int
    private let queue = DispatchQueue(label: "dossier.index.load")
    private var pending: [(files: [IndexRun.Scheduled], task: BackgroundTask<[Outcome]>)] = []

    /// Loads with `loader` on `jobs` threads; `taggers` and `tokenizers` hold one per thread, or are
    /// empty when the writer tags or tokenizes itself.
    init(loader: ArticleLoader, taggers: [TopicTagger], tokenizers: [FTS5Tokenizer], jobs: Int) {
        self.loader = loader
        self.taggers = taggers
        self.tokenizers = tokenizers
        self.jobs = max(1, jobs)
    }

    deinit { cancel() }

    /// Batches started and not yet taken.
    var count: Int { pending.count }

    /// Starts loading `files` after the batches already started.
    func start(_ files: [IndexRun.Scheduled]) {
        let sources = files.map(\.file)
        let (loader, taggers, tokenizers, jobs) = (loader, taggers, tokenizers, jobs)
        pending.append(
            (files, BackgroundTask(on: queue) { Self.load(sources, loader: loader, taggers: taggers, tokenizers: tokenizers, jobs: jobs) }))
    }

    /// Waits for the oldest batch and returns it with its outcomes, in input order.
    func takeOldest() -> (files: [IndexRun.Scheduled], loaded: [Outcome]) {
        let next = pending.removeFirst()
        return (next.files, next.task.value())
    }

    /// Waits for every started batch and drops them (after an error: no load outlives its run).
    func cancel() {
        for batch in pending { _ = batch.task.value() }
        pending.removeAll()
    }

    /// Loads, hashes, tokenizes and tags `files` on `jobs` threads; outcomes come back in input order.
    static func load(_ files: [SourceFile], loader: ArticleLoader, taggers: [TopicTagger], tokenizers: [FTS5Tokenizer], jobs: Int)
        -> [Outcome]
    {
        let results = UnsafeResults<Outcome>(count: files.count)
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
                    let sketches = tokens?.map { passages in
                        passages.allSatisfy { $0 != nil } ? CopySketch(passageTokens: passages.map { $0! }) : nil
                    }
                    results.set(
                        i,
                        .success(
                            LoadedFile(
                                loaded: loaded, hashes: loaded.articles.map(ContentHash.of), tags: tags, tokens: tokens, sketches: sketches)
                        ))
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
