import DossierSQLite

/// Folds the hits of wire copies into the copy that ranks first: given hits in rank order, it
/// keeps every hit of the first article met of each copy cluster and drops the hits of the
/// cluster's other articles (which that article's hits name in ``Hit/copies``). Articles in no
/// cluster always pass.
package struct CopyCollapse {
    private let clusterOf: Statement
    /// The article shown for each cluster met so far.
    private var shown: [Int64: Int64] = [:]
    /// Each passage looked up so far, with its article and cluster: a wider page ranks the same
    /// passages again, and they are not looked up twice.
    private var known: [Int64: (article: Int64, cluster: Int64?)] = [:]

    /// A collapse for `request` on `searcher`, or nil when nothing can fold: the request asks for
    /// every copy, or the index has no copy clusters.
    package init?(_ request: SearchRequest, on searcher: Searcher) throws {
        guard !request.allCopies, try searcher.hasCopyClusters() else { return nil }
        clusterOf = try searcher.cached(
            "SELECT p.article_id, a.cluster_id FROM passages AS p JOIN articles AS a ON a.id = p.article_id WHERE p.id = ?")
    }

    /// True when the passage with row id `rowid` is shown: its article is in no cluster, or is the
    /// first article met of its cluster.
    package mutating func keeps(_ rowid: Int64) throws -> Bool {
        if let (article, cluster) = known[rowid] { return cluster.map { keeps(article: article, cluster: $0) } ?? true }
        try clusterOf.bind([rowid])
        defer { clusterOf.reset() }
        guard try clusterOf.step() else { return true }
        let (article, cluster) = (clusterOf.int64(0), clusterOf.isNull(1) ? nil : clusterOf.int64(1))
        known[rowid] = (article, cluster)
        return cluster.map { keeps(article: article, cluster: $0) } ?? true
    }

    /// True when `article` of `cluster` is shown (see ``keeps(_:)``).
    package mutating func keeps(article: Int64, cluster: Int64) -> Bool {
        if let first = shown[cluster] { return first == article }
        shown[cluster] = article
        return true
    }

    /// Forgets the clusters met, to run again over the same hits.
    package mutating func restart() {
        shown.removeAll(keepingCapacity: true)
    }
}

extension Searcher {
    /// The most copies a hit names (``Hit/copies``); ``Hit/copyCount`` counts them all. A folder of
    /// one template can make a cluster of thousands, and every hit would carry their paths.
    public static let namedCopies = 50

    /// The first paths of the other articles of a copy cluster (bind the cluster, then the article),
    /// one more than ``namedCopies`` to tell whether there are more, and their count.
    package static let copiesSQL =
        "SELECT path, (SELECT count(*) - 1 FROM articles WHERE cluster_id = ?1) FROM articles WHERE cluster_id = ?1 AND id <> ?2 ORDER BY path LIMIT \(namedCopies)"

    /// The first ``namedCopies`` paths of the articles of `cluster` other than `article`, in byte
    /// order, and how many there are, with a statement of ``copiesSQL``.
    package static func copies(_ statement: Statement, cluster: Int64, article: Int64) throws -> (paths: [String], count: Int) {
        try statement.bind([cluster, article])
        defer { statement.reset() }
        var out: [String] = []
        var count = 0
        while try statement.step() {
            out.append(statement.string(0))
            count = statement.int(1)
        }
        return (out, max(count, out.count))
    }
}
