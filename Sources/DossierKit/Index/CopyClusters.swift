import DossierSQLite

/// The clusters of wire copies in an index, kept up to date as articles come and go.
///
/// Each article with a ``CopySketch`` stores it (`articles.sketch`) and its band keys
/// (`article_bands`). A new article looks up the articles sharing a band with it, keeps those
/// whose estimated similarity reaches ``CopySketch/estimateFloor``, and checks one per cluster
/// exactly (the stored text is tokenized again) against ``CopySketch/threshold``. Matching
/// articles share a `cluster_id` (the smallest article id the cluster had when it was made);
/// an article in no cluster has NULL. Clusters join transitively: a new article matching two
/// clusters merges them. When an article leaves and one member is left, the cluster ends.
///
/// New band keys wait in memory and are stored sorted when the writer commits (or when
/// ``pendingLimit`` are waiting): keys inserted one article at a time land all over the table and
/// cost most of the clustering's time; sorted, they are appended page after page.
///
/// Used on the ``IndexWriter``'s connection, inside its transaction.
final class CopyClusters {
    /// Band lookups read at most this many candidates: beyond, the article's cluster has been met.
    static let candidateLimit = 24
    /// The most band keys waiting to be stored (about 16 MiB with the table around them).
    static let pendingLimit = 1 << 18

    private let db: Connection
    /// The band keys stored since this writer opened the index; consulted only while the index held
    /// no keys before (a first run, or a rebuild), when it knows every stored key.
    private var stored = BandFilter()
    private var storedBeforeRun: Bool
    /// Band keys not stored yet, with their articles, in the order they came; by key, the first
    /// article with it and any others (few keys have two), and the articles removed meanwhile.
    private var pending: [(band: Int64, article: Int64)] = []
    private var firstWith: [Int64: Int64] = [:]
    private var othersWith: [Int64: [Int64]] = [:]
    private var removedPending = Set<Int64>()
    /// Rows per statement when waiting keys are stored.
    private static let rowsPerInsert = 32
    private let insertBands: Statement
    private let tokenizer: FTS5Tokenizer
    private let findCandidates, insertBand, deleteBand, candidateOf, textOf, memberCount, loneMember, clearCluster: Statement

    init(db: Connection) throws {
        self.db = db
        tokenizer = try FTS5Tokenizer(definition: IndexSchema.tokenizer)
        let slots = Array(repeating: "?", count: CopySketch.bandCount).joined(separator: ", ")
        findCandidates = try db.prepare(
            "SELECT DISTINCT article_id FROM article_bands WHERE band IN (\(slots)) LIMIT \(Self.candidateLimit)", persistent: true)
        insertBand = try db.prepare("INSERT OR IGNORE INTO article_bands(band, article_id) VALUES (?, ?)", persistent: true)
        let rows = Array(repeating: "(?, ?)", count: Self.rowsPerInsert).joined(separator: ", ")
        insertBands = try db.prepare("INSERT OR IGNORE INTO article_bands(band, article_id) VALUES \(rows)", persistent: true)
        deleteBand = try db.prepare("DELETE FROM article_bands WHERE band = ? AND article_id = ?", persistent: true)
        candidateOf = try db.prepare("SELECT sketch, cluster_id FROM articles WHERE id = ?", persistent: true)
        textOf = try db.prepare("SELECT text FROM passages WHERE article_id = ? ORDER BY ordinal", persistent: true)
        memberCount = try db.prepare("SELECT count(*) FROM articles WHERE cluster_id = ?", persistent: true)
        loneMember = try db.prepare("UPDATE articles SET cluster_id = NULL WHERE cluster_id = ?", persistent: true)
        clearCluster = try db.prepare("UPDATE articles SET cluster_id = ? WHERE cluster_id = ?", persistent: true)
        storedBeforeRun = try db.scalar("SELECT EXISTS(SELECT 1 FROM article_bands)", as: Int.self) == 1
    }

    /// Files the stored article `id` (whose sketch is already in its row) under its bands, and into
    /// the cluster of the stored articles it copies, if any. Returns true when it copies one.
    /// Articles in `replaced` (the earlier versions of the file being written) are not copied from:
    /// a file's new version is not a copy of its old one.
    @discardableResult
    func add(articleID id: Int64, sketch: CopySketch, replaced: [Int64] = []) throws -> Bool {
        let bands = sketch.bands
        var candidates: [Int64] = []
        // Most articles copy nothing: when the index knows every stored key, it skips the lookup.
        if storedBeforeRun || stored.mayContain(any: bands) {
            try findCandidates.bind(bands.map { $0 as any Bindable })
            while try findCandidates.step() {
                let candidate = findCandidates.int64(0)
                if candidate != id, !replaced.contains(candidate) { candidates.append(candidate) }
            }
            findCandidates.reset()
        }
        for band in bands {
            if let first = firstWith[band] {
                // The first few only, as the stored lookup: a key shared by thousands of articles
                // (one template in a whole folder) must not make each new one read them all.
                let others = othersWith[band]?.prefix(Self.candidateLimit - 1) ?? []
                for waiting in [first] + others where !replaced.contains(waiting) && !removedPending.contains(waiting) {
                    candidates.append(waiting)
                }
                othersWith[band, default: []].append(id)
            } else {
                firstWith[band] = id
            }
            pending.append((band, id))
        }
        stored.insert(bands)
        if pending.count >= Self.pendingLimit { try flush() }
        guard !candidates.isEmpty else { return false }
        // The best-estimated candidate of each cluster (an unclustered article is its own).
        var best: [Int64: (article: Int64, estimate: Double)] = [:]
        var clustered = Set<Int64>()
        for candidate in Set(candidates).sorted().prefix(Self.candidateLimit) {
            try candidateOf.bind([candidate])
            defer { candidateOf.reset() }
            guard try candidateOf.step(), !candidateOf.isNull(0), let stored = CopySketch(bytes: candidateOf.blob(0)) else { continue }
            let estimate = sketch.estimatedSimilarity(to: stored)
            guard estimate >= CopySketch.estimateFloor else { continue }
            let cluster = candidateOf.isNull(1) ? candidate : candidateOf.int64(1)
            if !candidateOf.isNull(1) { clustered.insert(cluster) }
            if let known = best[cluster], known.estimate >= estimate { continue }
            best[cluster] = (candidate, estimate)
        }
        var joined: [Int64] = []  // cluster ids (or lone article ids) this article copies
        for (cluster, candidate) in best.sorted(by: { $0.key < $1.key }) {
            let sure = candidate.estimate >= CopySketch.sureEstimate
            if try sure || CopySketch.similarity(sketch.words, words(ofArticle: candidate.article)) >= CopySketch.threshold {
                joined.append(cluster)
            }
        }
        guard let target = joined.min() else { return false }
        for key in joined {
            if clustered.contains(key) {
                if key != target {
                    try clearCluster.bind([target, key])
                    try clearCluster.run()
                }
            } else {
                try db.run("UPDATE articles SET cluster_id = ? WHERE id = ?", [target, key])
            }
        }
        try db.run("UPDATE articles SET cluster_id = ? WHERE id = ?", [target, id])
        return true
    }

    /// Forgets the stored article `id` (before its row is deleted): its bands, and its cluster
    /// when it leaves one member alone.
    func remove(articleID id: Int64) throws {
        try candidateOf.bind([id])
        var sketch: CopySketch?
        var cluster: Int64?
        if try candidateOf.step() {
            if !candidateOf.isNull(0) { sketch = CopySketch(bytes: candidateOf.blob(0)) }
            if !candidateOf.isNull(1) { cluster = candidateOf.int64(1) }
        }
        candidateOf.reset()
        if !pending.isEmpty { removedPending.insert(id) }
        for band in sketch?.bands ?? [] {
            try deleteBand.bind([band, id])
            try deleteBand.run()
        }
        guard let cluster else { return }
        try db.run("UPDATE articles SET cluster_id = NULL WHERE id = ?", [id])
        try memberCount.bind([cluster])
        let left = try memberCount.step() ? memberCount.int(0) : 0
        memberCount.reset()
        if left == 1 {
            try loneMember.bind([cluster])
            try loneMember.run()
        }
    }

    /// Stores the waiting band keys, in key order (before the writer commits).
    func flush() throws {
        guard !pending.isEmpty else { return }
        var rows = pending.filter { !removedPending.contains($0.article) }
        rows.sort { $0.band != $1.band ? $0.band < $1.band : $0.article < $1.article }
        var i = 0
        while i + Self.rowsPerInsert <= rows.count {
            insertBands.reset()
            for k in 0..<Self.rowsPerInsert {
                try insertBands.bind(rows[i + k].band, at: Int32(2 * k + 1))
                try insertBands.bind(rows[i + k].article, at: Int32(2 * k + 2))
            }
            try insertBands.run()
            i += Self.rowsPerInsert
        }
        for row in rows[i...] {
            try insertBand.bind([row.band, row.article])
            try insertBand.run()
        }
        pending.removeAll(keepingCapacity: true)
        firstWith.removeAll(keepingCapacity: true)
        othersWith.removeAll(keepingCapacity: true)
        removedPending.removeAll()
    }

    /// The sketch of an article's passages, tokenized here (when the loading threads did not).
    func sketch(of passages: [String]) -> CopySketch? {
        var words: [UInt64] = []
        for text in passages {
            if let tokens = FTS5Tokens.record(text, with: tokenizer) { CopySketch.appendWords(of: tokens, to: &words) }
        }
        return CopySketch(words: words)
    }

    /// Clusters every stored article again, in id order (after an upgrade, or when the
    /// ``CopySketch`` parameters changed): sketches, bands and clusters are made anew.
    func rebuild(progress: ((Int, Int) -> Void)?) throws {
        try db.execute(
            "DELETE FROM article_bands; UPDATE articles SET sketch = NULL, cluster_id = NULL WHERE sketch IS NOT NULL OR cluster_id IS NOT NULL"
        )
        (stored, storedBeforeRun) = (BandFilter(), false)
        let ids = try db.prepare("SELECT id FROM articles ORDER BY id")
        var all: [Int64] = []
        while try ids.step() { all.append(ids.int64(0)) }
        let store = try db.prepare("UPDATE articles SET sketch = ? WHERE id = ?")
        for (done, id) in all.enumerated() {
            if let sketch = CopySketch(words: try words(ofArticle: id)) {
                try store.bind([Blob(sketch.bytes), id])
                try store.run()
                try add(articleID: id, sketch: sketch)
            }
            if done % 1000 == 999 { progress?(done + 1, all.count) }
        }
        try flush()
        try db.run("INSERT OR REPLACE INTO meta(key, value) VALUES('copy_sketch', ?)", [IndexSchema.copySketchVersion])
    }

    /// The word hashes of a stored article's passages, as ``CopySketch`` makes them.
    private func words(ofArticle id: Int64) throws -> [UInt64] {
        try textOf.bind([id])
        defer { textOf.reset() }
        var words: [UInt64] = []
        while try textOf.step() {
            if let tokens = FTS5Tokens.record(textOf.string(0), with: tokenizer) { CopySketch.appendWords(of: tokens, to: &words) }
        }
        return words
    }
}
