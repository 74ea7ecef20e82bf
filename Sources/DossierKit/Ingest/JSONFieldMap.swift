/// Which keys of a JSON object hold an article's title, text, date, URL, author and source.
///
/// The defaults cover the common field names of scrapers and news APIs (NewsAPI, the Guardian,
/// the New York Times, WordPress, news-please, trafilatura, GDELT-style dumps). Keys match without
/// regard to case, `_` or `-` (`published_at` matches `publishedAt`); a dotted key (`fields.bodyText`)
/// looks inside nested objects. For each field the first key present with a usable value wins.
///
/// Custom keys come first and the defaults still apply after them:
///
/// ```swift
/// let map = try JSONFieldMap(parsing: "text=story,title=hed,date=meta.pubDate")
/// ```
public struct JSONFieldMap: Sendable, Equatable {
    /// An article field a JSON key can fill.
    public enum Field: String, Sendable, CaseIterable {
        case title, text, date, url, author, source
    }

    /// Keys tried for each field, in order.
    public var keys: [Field: [String]]

    /// The default keys for each field, in the order they are tried.
    public static let defaultKeys: [Field: [String]] = [
        .title: ["title", "headline", "heading", "hed", "webTitle", "name", "subject"],
        .text: [
            "text", "body", "content", "article", "articleBody", "bodyText", "fields.bodyText", "content_text", "content_html",
            "maintext", "fullText",
            "full_text", "story", "selftext", "message", "html", "description", "summary", "abstract", "lead_paragraph",
            "snippet",
        ],
        .date: [
            "date", "published", "publishedAt", "published_at", "publishedDate", "publicationDate", "datePublished",
            "date_publish", "pubDate", "pub_date", "webPublicationDate", "firstPublishDate", "created_at", "createdAt",
            "created", "created_utc", "timestamp", "time", "seendate", "date_modify", "updated", "modified",
        ],
        .url: ["url", "link", "href", "permalink", "webUrl", "web_url", "canonical_url", "canonicalUrl", "uri", "sourceurl"],
        .author: ["author", "authors", "byline", "byline.original", "creator", "by", "writer", "dc:creator"],
        .source: [
            "source", "source.name", "source_name", "sourceName", "site", "site_name", "siteName", "publisher", "domain", "outlet", "feed",
        ],
    ]

    /// The default map.
    public init() {
        keys = Self.defaultKeys
    }

    /// Custom keys for some fields, tried before the defaults.
    public init(custom: [Field: [String]]) {
        keys = Self.defaultKeys
        for (field, extra) in custom {
            keys[field] = extra + (keys[field] ?? []).filter { !extra.contains($0) }
        }
    }

    /// Parses the `--json-fields` syntax: comma-separated `field=key` pairs, `field` one of
    /// `title`, `text`, `date`, `url`, `author`, `source`; repeat a field to give several keys in order.
    /// - throws: ``ParseError`` for an unknown field or a pair without `=`.
    public init(parsing mapping: String) throws {
        var custom: [Field: [String]] = [:]
        for pair in mapping.split(separator: ",") {
            let trimmedPair = pair.trimmingCharacters(in: .whitespaces)
            if trimmedPair.isEmpty { continue }
            guard let eq = trimmedPair.firstIndex(of: "=") else { throw ParseError.missingEquals(trimmedPair) }
            let name = Substring(trimmedPair[..<eq]).trimmingCharacters(in: .whitespaces).lowercased()
            let key = Substring(trimmedPair[trimmedPair.index(after: eq)...]).trimmingCharacters(in: .whitespaces)
            guard let field = Field(rawValue: name) else { throw ParseError.unknownField(name) }
            guard !key.isEmpty else { throw ParseError.emptyKey(name) }
            custom[field, default: []].append(key)
        }
        self.init(custom: custom)
    }

    /// Why a `--json-fields` mapping was rejected.
    public enum ParseError: Error, Equatable, CustomStringConvertible {
        case missingEquals(String)
        case unknownField(String)
        case emptyKey(String)

        public var description: String {
            let fields = Field.allCases.map(\.rawValue).joined(separator: ", ")
            switch self {
            case .missingEquals(let pair): return "'\(pair)' is not field=key (e.g. text=story)"
            case .unknownField(let name): return "unknown field '\(name)' (use \(fields))"
            case .emptyKey(let name): return "no key given for '\(name)'"
            }
        }
    }

    /// A key reduced for matching: lower-cased, without `_` and `-`.
    static func fold(_ key: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(key.utf8.count)
        for byte in key.utf8 {
            if byte >= 0x80 {  // not ASCII: the general path
                return String(key.lowercased().unicodeScalars.filter { $0 != "_" && $0 != "-" }.map(Character.init))
            }
            if byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") { continue }
            out.append(byte >= 65 && byte <= 90 ? byte + 32 : byte)
        }
        return String(decoding: out, as: UTF8.self)
    }
}
