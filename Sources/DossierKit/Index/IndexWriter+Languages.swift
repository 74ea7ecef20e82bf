import DossierIngest
import DossierModel
import DossierSQLite
import DossierSupport

extension IndexWriter {
    /// What ``redetectLanguagesIfNeeded(batchSize:)`` did.
    public struct Redetection: Sendable, Equatable {
        /// Articles whose language was looked for again.
        public var articles = 0
        /// Seconds it took.
        public var seconds = 0.0
    }

    /// Finds the language of the articles an earlier detector (or none) stored, from their stored
    /// title and passages, when the index's languages were not found by this
    /// ``LanguageDetector/version`` (`meta` `language_detector`). Unchanged files are not read
    /// again by a run, so this is how an existing index gets languages without `--rebuild`.
    ///
    /// Only articles without a language or with a script name (`latin`, `cyrillic`…: what indexes
    /// held before languages were detected) are looked at: a language a source declared stays.
    /// Batches of `batchSize` articles, each its own transaction; the version is recorded last, so
    /// an interrupted run starts again. Returns nil when the languages were current.
    /// - throws: ``IndexError``.
    public func redetectLanguagesIfNeeded(batchSize: Int = 500) throws -> Redetection? {
        do {
            try commit()
            let stored = try db.scalar("SELECT value FROM meta WHERE key = 'language_detector'", as: String.self)
            guard stored != LanguageDetector.version else { return nil }
            let clock = Stopwatch()
            let scripts = LanguageDetector.scriptNames.sorted()
            let page = try db.prepare(
                """
                SELECT id, title FROM articles
                WHERE id > ? AND (language IS NULL OR language IN (\(scripts.map { _ in "?" }.joined(separator: ", "))))
                ORDER BY id LIMIT ?
                """)
            let passagesOf = try db.prepare("SELECT ordinal, start, \"end\", text FROM passages WHERE article_id = ? ORDER BY ordinal")
            let update = try db.prepare("UPDATE articles SET language = ? WHERE id = ?")
            var last: Int64 = 0
            var done = 0
            while true {
                let count: Int = try db.transaction {
                    try page.bind([last as (any Bindable)?] + scripts.map { $0 } + [batchSize])
                    var rows: [(id: Int64, title: String)] = []
                    while try page.step() { rows.append((page.int64(0), page.string(1))) }
                    for row in rows {
                        try passagesOf.bind([row.id])
                        var passages: [Passage] = []
                        var bytes = 0
                        while bytes < LanguageDetector.retrySampleBytes, try passagesOf.step() {
                            let text = passagesOf.string(3)
                            bytes += text.utf8.count + 1
                            passages.append(
                                Passage(
                                    ordinal: Int(passagesOf.int64(0)), start: Int(passagesOf.int64(1)), end: Int(passagesOf.int64(2)),
                                    text: text))
                        }
                        passagesOf.reset()
                        try update.bind([LanguageDetector.language(title: row.title, passages: passages, declared: nil), row.id])
                        try update.run()
                        last = row.id
                    }
                    return rows.count
                }
                done += count
                if count < batchSize { break }
            }
            try db.run("INSERT OR REPLACE INTO meta(key, value) VALUES('language_detector', ?)", [LanguageDetector.version])
            return Redetection(articles: done, seconds: clock.seconds)
        } catch {
            throw IndexError.wrap(error, path: path)
        }
    }
}
