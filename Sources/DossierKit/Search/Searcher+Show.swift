import DossierModel
import DossierSQLite

/// An article, or some of its passages, read back from the index for `dossier show`.
public struct ShownArticle: Sendable, Equatable {
    /// The location as asked for (`Corpus/x.txt:5`, `report.pdf:p14:3`, `report.pdf:p14`, or a path).
    public var location: String
    /// The passage asked for, or nil when the whole article (or a whole page) was.
    public var focus: Int?
    /// The article's passage count.
    public var passageCount: Int
    /// The passages shown, in order, each as a hit without rank or score; its snippet is empty, or
    /// with a highlight query the whole passage with the matches marked.
    public var passages: [Hit]
    /// The page asked for (`report.pdf:p14`, `report.pdf:p14:3`), or nil.
    public var page: Int? = nil
}

extension Searcher {
    /// The article at `location` as `search` prints it: `PATH:PASSAGE` gives that passage and up to
    /// `context` passages on each side, `PATH` the whole article. In an article with pages (a PDF),
    /// `PATH:pPAGE:PASSAGE` is the same passage as `PATH:PASSAGE` (the page must be the passage's) and
    /// `PATH:pPAGE` gives every passage of that page. A path that itself ends in `:digits` or
    /// `:pdigits` is found as a path first.
    /// - throws: ``SearchError/unknownLocation(_:hint:)`` for a path the index does not have or a
    ///   passage the article does not have; ``IndexError`` for storage failures.
    /// With `highlight`, each passage's ``Hit/snippet`` is its whole text with the matches of that
    /// request's query marked (words and topic names, as `search` highlights them).
    public func show(_ location: String, context: Int = 0, highlight: SearchRequest? = nil) throws -> ShownArticle {
        let plan = try highlight.map { try self.plan($0) }
        let matcher = try plan.map { _ in try self.matcher() }
        do {
            return try db.readTransaction {
                defer { resetCached() }
                let articleOf = try cached("SELECT article_id FROM article_paths WHERE path = ?")
                func article(_ path: String) throws -> Int64? {
                    try articleOf.bind([path])
                    defer { articleOf.reset() }
                    return try articleOf.step() ? articleOf.int64(0) : nil
                }
                var path = location
                var focus: Int?
                var page: Int?
                var id = try article(location)
                if id == nil, let (rest, n) = Self.splitNumber(location, prefix: "") {
                    path = rest
                    focus = n
                    id = try article(path)
                    if id == nil, let (before, p) = Self.splitNumber(rest, prefix: "p") {
                        path = before
                        page = p
                        id = try article(path)
                    }
                }
                if id == nil, focus == nil, let (rest, p) = Self.splitNumber(location, prefix: "p") {
                    path = rest
                    page = p
                    id = try article(path)
                }
                guard let id else {
                    throw SearchError.unknownLocation(
                        "no indexed article at \"\(path)\"", hint: "give a path as `dossier search` prints it, or PATH:PASSAGE")
                }
                let count = try db.scalar("SELECT passage_count FROM articles WHERE id = ?", [id], as: Int.self) ?? 0
                var range = 1...max(count, 1)
                if let focus {
                    guard (1...max(count, 1)).contains(focus) else {
                        throw SearchError.unknownLocation(
                            "\"\(path)\" has no passage \(focus)", hint: "its passages are 1 to \(count)")
                    }
                    range = max(1, focus - max(context, 0))...min(count, focus + max(context, 0))
                }
                if let page {
                    let pageOf = try cached("SELECT page FROM passages WHERE article_id = ? AND ordinal = ?")
                    defer { pageOf.reset() }
                    if let focus {
                        try pageOf.bind([id, focus])
                        let found = try pageOf.step() && !pageOf.isNull(0) ? pageOf.int(0) : nil
                        guard found == page else {
                            throw SearchError.unknownLocation(
                                "passage \(focus) of \"\(path)\" is not on page \(page)",
                                hint: found.map { "it is on page \($0): \(path):p\($0):\(focus)" } ?? "\"\(path)\" has no pages")
                        }
                    } else {
                        let onPage = try cached("SELECT min(ordinal), max(ordinal) FROM passages WHERE article_id = ? AND page = ?")
                        defer { onPage.reset() }
                        try onPage.bind([id, page])
                        guard try onPage.step(), !onPage.isNull(0) else {
                            throw SearchError.unknownLocation(
                                "\"\(path)\" has no text on page \(page)",
                                hint: "pages without text (scans) and missing pages have no passages")
                        }
                        range = onPage.int(0)...onPage.int(1)
                    }
                }
                let ids = try cached("SELECT id FROM passages WHERE article_id = ? AND ordinal BETWEEN ? AND ? ORDER BY ordinal")
                try ids.bind([id, range.lowerBound, range.upperBound])
                var rowids: [Int64] = []
                while try ids.step() { rowids.append(ids.int64(0)) }
                ids.reset()
                let reader = try HitReader(on: self)
                var marks: SnippetSource?
                if let plan, let matcher { marks = try SnippetSource(plan, matcher: matcher, on: self, wholePassages: true) }
                var passages: [Hit] = []
                for rowid in rowids {
                    guard let record = try reader.read(rowid) else { continue }
                    let marked = try marks?.snippet(rowid: rowid, text: record.text).snippet ?? ""
                    var hit = record.hit(rank: 0, score: 0, snippet: marked)
                    hit.path = path
                    passages.append(hit)
                }
                return ShownArticle(location: location, focus: focus, passageCount: count, passages: passages, page: page)
            }
        } catch let error as SearchError {
            throw error
        } catch {
            throw Self.wrap(error, path: self.path)
        }
    }

    /// `location` split at its last colon when what follows is `prefix` and digits: (`x.pdf:p14`, 3)
    /// for `x.pdf:p14:3` with no prefix, (`x.pdf`, 14) for `x.pdf:p14` with prefix `p`.
    static func splitNumber(_ location: String, prefix: String) -> (String, Int)? {
        guard let colon = location.lastIndex(of: ":") else { return nil }
        let tail = location[location.index(after: colon)...]
        guard tail.hasPrefix(prefix) else { return nil }
        let digits = tail.dropFirst(prefix.count)
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(digits) else { return nil }
        return (String(location[..<colon]), n)
    }
}
