import DossierModel
import DossierSQLite

/// Reads what a hit shows from the index: its passage, its article's fields, every path of the
/// article and the passage's topics, by passage row id. Made per search from the searcher's cached
/// statements.
struct HitReader {
    /// A passage and its article, as a hit carries them (without rank, score or snippet yet).
    struct Record {
        var articleID: Int64
        var path: String
        var paths: [String]
        var title: String
        var metadata: ArticleMetadata
        var passage: Int
        var start: Int
        var end: Int
        var text: String
        var topics: [String]
        var copies: [String]
        var copyCount: Int
        var copyCluster: Int64?
        var page: Int?

        /// The hit this record makes at `rank` with `score` and `snippet`.
        func hit(rank: Int, score: Double, snippet: String) -> Hit {
            var hit = Hit(
                rank: rank, score: score, path: path, paths: paths, title: title, metadata: metadata, passage: passage, start: start,
                end: end, text: text, snippet: snippet, topics: topics)
            hit.copies = copies
            hit.copyCount = copyCount
            hit.copyCluster = copyCluster
            hit.page = page
            return hit
        }
    }

    private let details: Statement
    private let pathsOf: Statement
    private let topicsOf: Statement
    private let copiesOf: Statement

    init(on searcher: Searcher) throws {
        details = try searcher.cached(
            """
            SELECT p.ordinal, p.start, p."end", p.text, a.id, a.path, a.title, a.author, a.date, a.date_source,
                a.url, a.source, a.format, a.language, a.cluster_id, p.page
            FROM passages AS p JOIN articles AS a ON a.id = p.article_id WHERE p.id = ?
            """)
        pathsOf = try searcher.cached("SELECT path FROM article_paths WHERE article_id = ? ORDER BY path")
        topicsOf = try searcher.cached("SELECT topic_id FROM passage_topics WHERE passage_id = ? ORDER BY topic_id")
        copiesOf = try searcher.cached(Searcher.copiesSQL)
    }

    /// The passage with row id `rowid` and its article, or nil when it is gone.
    func read(_ rowid: Int64) throws -> Record? {
        try details.bind([rowid])
        defer { details.reset() }
        guard try details.step() else { return nil }
        let articleID = details.int64(4)
        try pathsOf.bind([articleID])
        var paths: [String] = []
        while try pathsOf.step() { paths.append(pathsOf.string(0)) }
        try topicsOf.bind([rowid])
        var topics: [String] = []
        while try topicsOf.step() { topics.append(topicsOf.string(0)) }
        let cluster = details.isNull(14) ? nil : details.int64(14)
        let copies = try cluster.map { try Searcher.copies(copiesOf, cluster: $0, article: articleID) } ?? (paths: [], count: 0)
        let path = details.string(5)
        let metadata = ArticleMetadata(
            author: details.optionalString(7), date: details.optionalString(8), dateSource: details.optionalString(9),
            url: details.optionalString(10), source: details.optionalString(11), format: details.string(12),
            language: details.optionalString(13))
        return Record(
            articleID: articleID, path: path, paths: paths.isEmpty ? [path] : paths, title: details.string(6), metadata: metadata,
            passage: details.int(0), start: details.int(1), end: details.int(2), text: details.string(3), topics: topics,
            copies: copies.paths, copyCount: copies.count, copyCluster: cluster, page: details.isNull(15) ? nil : details.int(15))
    }

}
