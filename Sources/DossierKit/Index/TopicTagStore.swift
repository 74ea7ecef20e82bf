import DossierModel
import DossierSQLite
import DossierTopics

/// Writes topic tags into an index: for new passages as they are stored, and for every passage
/// again when the lexicon changes (from the stored passage text: no file is read).
///
/// The lexicon the tags were made with is stored in `meta` (`lexicon`, in ``Lexicon/compact`` form,
/// and `lexicon_hash`), so searches use the same lexicon as the tags even without `--lexicon`.
public final class TopicTagStore {
    /// What a re-tag did.
    public struct Retag: Sendable, Equatable {
        /// Passages whose tags were recomputed.
        public var passages = 0
        /// Seconds it took.
        public var seconds = 0.0
    }

    let db: Connection
    public let matcher: TopicMatcher
    private let tagger: TopicTagger
    /// SHA-256 of the lexicon's ``Lexicon/compact`` form.
    public let lexiconHash: String
    private let insertPassageTag, insertTitleTag: Statement

    /// Prepares to tag with `lexicon` on `db` (an index opened for writing).
    init(db: Connection, lexicon: Lexicon) throws {
        self.db = db
        self.matcher = TopicMatcher(lexicon: lexicon)
        self.tagger = TopicTagger(matcher: matcher)
        self.lexiconHash = Self.hash(lexicon)
        insertPassageTag = try db.prepare(
            "INSERT INTO passage_topics(passage_id, topic_id, mentions, names, weight) VALUES (?, ?, ?, ?, ?)", persistent: true)
        insertTitleTag = try db.prepare("INSERT OR IGNORE INTO title_topics(article_id, topic_id) VALUES (?, ?)", persistent: true)
    }

    /// The hash an index stores for `lexicon`.
    public static func hash(_ lexicon: Lexicon) -> String {
        ContentHash.sha256(Array(lexicon.compact.utf8))
    }

    /// The tags of an article's title and passages, for ``writeArticle(id:passageIDs:lengths:tags:)``
    /// when the loading threads did not make them.
    func tags(of article: Article) -> ArticleTags {
        tagger.tags(of: article)
    }

    /// Stores an article's tags, computed elsewhere by a ``TopicTagger`` of the same lexicon.
    ///
    /// Each passage tag carries its topic weight under ``TopicRanking/standard`` (everything of the
    /// topic's score but the idf, which changes as the index grows): it depends only on the article,
    /// which never changes once stored (articles are keyed by content), so it is computed once here
    /// and searches read the best passages of a topic in order from the table's key.
    /// `lengths` are the passages' lengths in characters (`end - start`), for the short-passage factor.
    func writeArticle(id articleID: Int64, passageIDs: [Int64], lengths: [Int], tags: ArticleTags) throws {
        var inTitle = Set<String>()
        for tag in tags.title {
            inTitle.insert(tag.topic)
            try insertTitleTag.bind([articleID, tag.topic])
            try insertTitleTag.run()
        }
        var passagesNaming: [String: Int] = [:]
        for passageTags in tags.passages {
            for tag in passageTags { passagesNaming[tag.topic, default: 0] += 1 }
        }
        let passageCount = max(passageIDs.count, 1)
        for (passageID, (length, passageTags)) in zip(passageIDs, zip(lengths, tags.passages)) {
            for tag in passageTags {
                let share = Double(passagesNaming[tag.topic] ?? 0) / Double(passageCount)
                let weight = TopicRanking.standard.weight(
                    mentions: tag.mentions, distinctNames: tag.names, inTitle: inTitle.contains(tag.topic), share: share,
                    characters: length)
                try insertPassageTag.bind([passageID, tag.topic, tag.mentions, tag.names, weight])
                try insertPassageTag.run()
            }
        }
    }

    /// True when the index's tags were made with this lexicon.
    func isCurrent() throws -> Bool {
        try db.scalar("SELECT value FROM meta WHERE key = 'lexicon_hash'", as: String.self) == lexiconHash
    }

    /// Recomputes every tag when the index's tags were made with another lexicon (or none), in
    /// batches of `batchSize` articles, each its own transaction. The new lexicon is recorded last,
    /// so an interrupted re-tag starts again on the next run. Returns nil when the tags were current.
    func retagIfNeeded(batchSize: Int = 200, progress: ((Int, Int) -> Void)? = nil) throws -> Retag? {
        guard try !isCurrent() else { return nil }
        let clock = Stopwatch()
        let total = try db.scalar("SELECT count(*) FROM passages", as: Int.self) ?? 0
        try db.transaction {
            try db.execute("DELETE FROM passage_topics; DELETE FROM title_topics; DELETE FROM topics")
            let insertTopic = try db.prepare("INSERT INTO topics(id, label, category) VALUES (?, ?, ?)")
            for topic in matcher.lexicon.topics {
                try insertTopic.bind([topic.id, topic.label, topic.category])
                try insertTopic.run()
            }
        }
        // Article by article: a passage's topic weight depends on its article's title and other passages.
        let page = try db.prepare("SELECT id, title FROM articles WHERE id > ? ORDER BY id LIMIT ?")
        let passagesOf = try db.prepare("SELECT id, text, \"end\" - start FROM passages WHERE article_id = ? ORDER BY ordinal")
        var last: Int64 = 0
        var done = 0
        while true {
            let count: Int = try db.transaction {
                try page.bind([last, batchSize])
                var articles = 0
                while try page.step() {
                    last = page.int64(0)
                    articles += 1
                    try passagesOf.bind([last])
                    var ids: [Int64] = []
                    var lengths: [Int] = []
                    var passageTags: [[TopicMatcher.Tag]] = []
                    while try passagesOf.step() {
                        ids.append(passagesOf.int64(0))
                        lengths.append(passagesOf.int(2))
                        passageTags.append(tagger.indexTags(in: passagesOf.string(1)))
                    }
                    done += ids.count
                    // Tagged as new articles are (from FTS5's tokens), so a re-tag and a fresh index agree.
                    try writeArticle(
                        id: last, passageIDs: ids, lengths: lengths,
                        tags: ArticleTags(title: tagger.indexTags(in: page.string(1)), passages: passageTags))
                }
                return articles
            }
            progress?(done, total)
            if count < batchSize { break }
        }
        try db.transaction {
            try db.run("INSERT OR REPLACE INTO meta(key, value) VALUES('lexicon', ?)", [matcher.lexicon.compact])
            try db.run("INSERT OR REPLACE INTO meta(key, value) VALUES('lexicon_hash', ?)", [lexiconHash])
        }
        return Retag(passages: done, seconds: clock.seconds)
    }
}
