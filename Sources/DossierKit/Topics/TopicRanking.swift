import DossierSupport

/// How a topic scores in a passage. Every topic weight lives here (text weights: ``RankingProfile``).
///
/// A topic is scored as one search term whose occurrences are all of its names, on bm25's scale so
/// that a topic and the free-text words of the same query add up fairly:
///
///     idf × [ m·(k1+1)/(m+k1)  +  names·min(d−1, maxExtraNames)  +  title·T  +  focus·F ]
///
/// - `idf = ln((N − n + 0.5)/(n + 0.5))` with N passages and n tagged passages (floored as FTS5
///   floors it): a rare topic weighs more than a common one, like a rare word.
/// - `m` mentions in the passage, saturating with bm25's own `k1`: the third mention adds less
///   than the second. Passages are bounded windows (PassageSplitter), so there is no length term
///   but the one text scores have too: the whole is multiplied by ``ShortPassage/factor(characters:floor:full:)``,
///   so that a title or heading naming the topic does not rank with the paragraph about it.
/// - `d` distinct names used: a passage that says "DPICM" *and* "cluster munitions" is about
///   them, not passing by; capped so a list of names cannot outrank real discussion.
/// - `T` = 1 when the article's title names the topic, with the text title weight (0.3): a title
///   is context, as it is for words.
/// - `F` = the share of the article's passages that name the topic: a passage of an article about
///   the topic ranks above a passing mention in an article about something else.
/// Several topics in one query add up, so passages where the queried topics co-occur rank first.
public struct TopicRanking: Sendable, Equatable {
    /// bm25's term-frequency saturation (FTS5 uses 1.2).
    public var k1 = 1.2
    /// Bonus per distinct name beyond the first.
    public var names = 0.25
    /// Distinct names beyond the first that count.
    public var maxExtraNames = 2
    /// Bonus when the article's title names the topic.
    public var title = 0.3
    /// Bonus times the share of the article's passages that name the topic.
    public var focus = 0.5

    public init() {}

    /// The default weights.
    public static let standard = TopicRanking()

    /// FTS5's idf for a term in `hits` of `rows` rows.
    public static func idf(hits: Int, rows: Int) -> Double {
        let value = log((Double(rows) - Double(hits) + 0.5) / (Double(hits) + 0.5))
        return value <= 0 ? 1e-6 : value
    }

    /// The parts of a topic's score in one passage (all already multiplied by idf).
    public struct Parts: Sendable, Equatable {
        public var mentions = 0.0
        public var names = 0.0
        public var title = 0.0
        public var focus = 0.0
        public var total: Double { mentions + names + title + focus }
    }

    /// The score of a topic with `idf`, named `mentions` times by `distinctNames` names in a
    /// passage, `inTitle` when the title names it, `share` of the article's passages naming it.
    public func parts(idf: Double, mentions: Int, distinctNames: Int, inTitle: Bool, share: Double) -> Parts {
        var parts = Parts()
        if mentions > 0 {
            let m = Double(mentions)
            parts.mentions = idf * m * (k1 + 1) / (m + k1)
            parts.names = idf * names * Double(min(max(distinctNames - 1, 0), maxExtraNames))
        }
        parts.title = inTitle ? idf * title : 0
        parts.focus = idf * focus * share
        return parts
    }

    /// A topic's score in a passage divided by its idf: what the index stores per passage tag
    /// (`passage_topics.weight`, made with ``standard``), so that a topic's best passages are read
    /// in order from the table's key and a search scores them as `idf × weight`.
    public func weight(mentions: Int, distinctNames: Int, inTitle: Bool, share: Double, characters: Int) -> Double {
        ShortPassage.factor(characters: characters)
            * parts(idf: 1, mentions: mentions, distinctNames: distinctNames, inTitle: inTitle, share: share).total
    }

    /// The same score as an SQL expression over columns `m` (mentions), `d` (distinct names),
    /// `t` (0/1 title) and `f` (share), with `idf` bound to `:idf`-style parameter `idfParameter`.
    /// Values are bound, never spliced; only the weights (numbers of this struct) are written in.
    /// `c` is the passage's length in characters (``ShortPassage``).
    package func sql(idfParameter p: String, mentions m: String, names d: String, title t: String, share f: String, characters c: String)
        -> String
    {
        let mentions =
            "(CASE WHEN coalesce(\(m), 0) > 0 THEN \(m) * \(k1 + 1) / (\(m) + \(k1)) "
            + "+ \(names) * min(max(\(d) - 1, 0), \(maxExtraNames)) ELSE 0 END)"
        let length = ShortPassage.sql(
            characters: c, floor: "\(ShortPassage.floor)", slope: "\((1 - ShortPassage.floor) / ShortPassage.fullCharacters)")
        return "\(p) * (\(length) * (\(mentions) + \(title) * coalesce(\(t), 0) + \(focus) * coalesce(\(f), 0)))"
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
