import DossierModel
import Foundation

/// Reads scraper dumps and news-API responses: `.json` (one object, an array of objects, or an object
/// wrapping such an array, like NewsAPI's `{"articles": [...]}` or a JSON Feed's `{"title": …, "items": [...]}`)
/// and `.jsonl` / `.ndjson` (one object a line).
///
/// Each object is an article; its fields are found through a ``JSONFieldMap``. An object in an array
/// or a JSON Lines file gets the path `file#n`: `n` is the object's 1-based position in the array, or
/// its line number in a JSON Lines file. A lone object keeps the file's path.
///
/// Problems that leave the rest readable are warnings, not failures: a malformed line (with its
/// line number), an array element that is not an object, an object with neither title nor text.
/// A `.json` file that does not parse as a whole is read as JSON Lines when its lines parse.
///
/// Text values may be strings, arrays of strings (paragraphs), or objects holding the text under
/// `rendered`, `text`, `value` or `content` (WordPress's `{"rendered": "<p>…"}`); text that holds
/// HTML markup is converted to plain paragraphs by ``HTMLReader``. Dates may be strings (see
/// ``DateParser``) or Unix times in seconds or milliseconds.
public struct JSONArticleReader: ByteArticleReader {
    /// `json`.
    public let format = "json"
    /// Splits the extracted text into passages.
    public var splitter: PassageSplitter
    /// Which keys hold which article field.
    public var fields: JSONFieldMap

    /// Creates a reader whose articles are split by `splitter` and whose fields are found with `fields`.
    public init(splitter: PassageSplitter = PassageSplitter(), fields: JSONFieldMap = JSONFieldMap()) {
        self.splitter = splitter
        self.fields = fields
    }

    public func read(_ file: SourceFile, bytes: [UInt8], truncated: Bool) throws -> (articles: [Article], warnings: [String]) {
        let text = TextDecoder.decode(bytes)?.text ?? TextDecoder.decode(bytes, charset: nil)
        let utf8 = Array(text.utf8)
        let lineFormat = ["jsonl", "ndjson", "jsonlines"].contains(file.pathExtension)
        if !lineFormat {
            if let whole = try? JSONSerialization.jsonObject(with: Data(utf8), options: [.fragmentsAllowed]) {
                return try readDocument(whole, file: file)
            }
        }
        var (articles, warnings, objects) = readLines(utf8, file: file, truncated: truncated)
        if !lineFormat && objects == 0 {
            throw SkipReason.malformed(truncated ? "not JSON (cut at the size limit)" : "not JSON")
        }
        if articles.isEmpty && warnings.isEmpty { throw SkipReason.empty }
        if articles.isEmpty && objects == 0 && lineFormat { throw SkipReason.malformed(warnings.first ?? "no JSON object") }
        if !lineFormat { warnings.insert("not one JSON document; read as JSON Lines", at: 0) }
        return (articles, warnings)
    }

    /// A whole `.json` document.
    func readDocument(_ json: Any, file: SourceFile) throws -> (articles: [Article], warnings: [String]) {
        var warnings: [String] = []
        if let object = json as? [String: Any] {
            // One article, unless the object only wraps a list of them (a feed's own title is not an article).
            let record = Record(object)
            let list = record.has(fields.keys[.text] ?? []) ? nil : Self.articleList(in: object)
            if let list { return (try readArray(list, file: file, warnings: &warnings), warnings) }
            guard record.has(fields.keys[.title] ?? []) || record.has(fields.keys[.text] ?? []) else {
                throw SkipReason.malformed("no article fields (keys: \(Self.keyList(object)); see --json-fields)")
            }
            if let article = article(record, path: file.path) { return ([article], []) }
            throw SkipReason.empty
        }
        if let array = json as? [Any] {
            return (try readArray(array, file: file, warnings: &warnings), warnings)
        }
        throw SkipReason.malformed("the JSON is neither an object nor an array")
    }

    func readArray(_ array: [Any], file: SourceFile, warnings: inout [String]) throws -> [Article] {
        var articles: [Article] = []
        for (index, element) in array.enumerated() {
            guard let object = element as? [String: Any] else {
                warnings.append("item \(index + 1): not a JSON object")
                continue
            }
            if let article = article(Record(object), path: file.path + "#\(index + 1)") {
                articles.append(article)
            } else {
                warnings.append("item \(index + 1): no title or text (keys: \(Self.keyList(object)))")
            }
        }
        if articles.isEmpty && warnings.isEmpty { throw SkipReason.empty }
        return articles
    }

    /// JSON Lines: each non-blank line an object. Returns the articles, the warnings and how many lines held an object.
    func readLines(_ utf8: [UInt8], file: SourceFile, truncated: Bool) -> ([Article], [String], Int) {
        var articles: [Article] = []
        var warnings: [String] = []
        var objects = 0
        var lineNumber = 0
        var start = 0
        while start < utf8.count {
            lineNumber += 1
            var end = start
            while end < utf8.count, utf8[end] != UInt8(ascii: "\n") { end += 1 }
            let line = utf8[start..<end]
            let isLast = end >= utf8.count
            start = end + 1
            guard line.contains(where: { $0 != 32 && $0 != 9 && $0 != 13 }) else { continue }
            guard let json = try? JSONSerialization.jsonObject(with: Data(line), options: [.fragmentsAllowed]) else {
                warnings.append(isLast && truncated ? "line \(lineNumber): cut at the size limit" : "line \(lineNumber): malformed JSON")
                continue
            }
            guard let object = json as? [String: Any] else {
                warnings.append("line \(lineNumber): not a JSON object")
                continue
            }
            objects += 1
            if let article = article(Record(object), path: file.path + "#\(lineNumber)") {
                articles.append(article)
            } else {
                warnings.append("line \(lineNumber): no title or text (keys: \(Self.keyList(object)))")
            }
        }
        return (articles, warnings, objects)
    }

    /// The article an object holds, or nil when it has neither title nor text.
    func article(_ record: Record, path: String) -> Article? {
        var title = record.firstText(fields.keys[.title] ?? []).map(Whitespace.collapse).flatMap { $0.isEmpty ? nil : $0 }
        if let markup = title,
            markup.utf8.contains(UInt8(ascii: "<")) || (markup.utf8.contains(UInt8(ascii: "&")) && markup.utf8.contains(UInt8(ascii: ";")))
        {
            // An HTML title (WordPress's "title": {"rendered": "Winter &amp; the market"}).
            title = Whitespace.collapse(HTMLReader.extract(html: markup, keepBoilerplate: true).paragraphs.joined(separator: " "))
            if title?.isEmpty == true { title = nil }
        }
        var body = record.firstText(fields.keys[.text] ?? []) ?? ""
        if HTMLReader.looksLikeMarkup(body) {
            body = HTMLReader.extract(html: body, keepBoilerplate: true).paragraphs.joined(separator: "\n\n")
        }
        body = TextDecoder.normalizeLineEnds(body)
        let (text, passages) = HTMLReader.assemble(title: title, body: body, splitter: splitter)
        guard !passages.isEmpty else { return nil }
        var metadata = ArticleMetadata(format: format)
        metadata.author = record.firstName(fields.keys[.author] ?? [])
        metadata.url = record.firstText(fields.keys[.url] ?? []).map(Whitespace.collapse).flatMap { $0.isEmpty ? nil : $0 }
        metadata.source = record.firstName(fields.keys[.source] ?? [])
        if let date = record.firstDate(fields.keys[.date] ?? []) {
            metadata.date = date
            metadata.dateSource = "content"
        }
        return Article(
            path: path, title: title ?? TitleChooser.title(passages: passages, text: text), metadata: metadata, text: text,
            passages: passages)
    }

    /// The array of objects an API response wraps (`articles`, `items`, `results`, `response.docs`…):
    /// the first value, up to two levels down, that is a non-empty array of objects.
    static func articleList(in object: [String: Any], depth: Int = 0) -> [Any]? {
        for key in object.keys.sorted() {
            if let array = object[key] as? [Any], !array.isEmpty, array.allSatisfy({ $0 is [String: Any] }) { return array }
        }
        guard depth < 1 else { return nil }
        for key in object.keys.sorted() {
            if let inner = object[key] as? [String: Any], let found = articleList(in: inner, depth: depth + 1) { return found }
        }
        return nil
    }

    static func keyList(_ object: [String: Any]) -> String {
        let keys = object.keys.sorted()
        return keys.prefix(8).joined(separator: ", ") + (keys.count > 8 ? ", …" : "")
    }

    /// One JSON object with keys looked up by their folded form (see ``JSONFieldMap``).
    struct Record {
        let object: [String: Any]
        let folded: [String: Any]

        init(_ object: [String: Any]) {
            self.object = object
            var folded: [String: Any] = [:]
            for key in object.keys.sorted() where folded[JSONFieldMap.fold(key)] == nil {
                folded[JSONFieldMap.fold(key)] = object[key]
            }
            self.folded = folded
        }

        /// The value at `key`: an exact key first, else a folded one, else a dotted path.
        func value(_ key: String) -> Any? {
            if let exact = object[key] { return exact }
            if let loose = folded[JSONFieldMap.fold(key)] { return loose }
            guard key.utf8.contains(UInt8(ascii: ".")) else { return nil }
            var current: Any? = object
            for part in key.split(separator: ".") {
                guard let dictionary = current as? [String: Any] else { return nil }
                current = Record(dictionary).value(String(part))
            }
            return current
        }

        func has(_ keys: [String]) -> Bool {
            keys.contains { key in value(key).map { !($0 is NSNull) } ?? false }
        }

        func firstText(_ keys: [String]) -> String? {
            for key in keys {
                if let text = Self.text(value(key)), !text.allSatisfy(\.isWhitespace) { return text }
            }
            return nil
        }

        func firstName(_ keys: [String]) -> String? {
            for key in keys {
                if let name = Self.name(value(key)), !name.isEmpty { return name }
            }
            return nil
        }

        func firstDate(_ keys: [String]) -> String? {
            for key in keys {
                guard let raw = value(key) else { continue }
                if let number = raw as? NSNumber, !(raw is Bool) {
                    if let date = Self.epoch(number.doubleValue) { return date }
                } else if let string = Self.text(raw) {
                    let trimmed = Whitespace.collapse(string)
                    if !trimmed.isEmpty, trimmed.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }), let number = Double(trimmed),
                        trimmed.count >= 9, let date = Self.epoch(number)
                    {
                        return date
                    }
                    if let date = DateParser.normalize(trimmed) { return date }
                }
            }
            return nil
        }

        /// Unix time in seconds, or in milliseconds when it is too large for seconds.
        static func epoch(_ value: Double) -> String? {
            guard value > 0 else { return nil }
            return DateParser.iso(epochSeconds: value > 1e11 ? value / 1000 : value)
        }

        /// Text from a string, an array of strings (paragraphs), or an object's `rendered`/`text`/`value`/`content`.
        static func text(_ value: Any?, depth: Int = 0) -> String? {
            guard depth < 4, let value else { return nil }
            if let string = value as? String { return string }
            if let array = value as? [Any] {
                let parts = array.compactMap { text($0, depth: depth + 1) }.filter { !$0.isEmpty }
                return parts.isEmpty ? nil : parts.joined(separator: "\n\n")
            }
            if let object = value as? [String: Any] {
                for key in ["rendered", "text", "value", "content", "#text", "$t", "body", "original", "name", "main"] {
                    if let found = text(object[key], depth: depth + 1) { return found }
                }
            }
            return nil
        }

        /// A display name from a string, an object's `name`/`title`, or a list of either (joined with ", ").
        static func name(_ value: Any?, depth: Int = 0) -> String? {
            guard depth < 3, let value else { return nil }
            if let string = value as? String {
                let collapsed = Whitespace.collapse(string)
                return collapsed.isEmpty ? nil : collapsed
            }
            if let array = value as? [Any] {
                let names = array.compactMap { name($0, depth: depth + 1) }
                return names.isEmpty ? nil : names.joined(separator: ", ")
            }
            if let object = value as? [String: Any] {
                for key in ["name", "title", "original", "display_name", "displayName", "id"] {
                    if let found = name(object[key], depth: depth + 1) { return found }
                }
            }
            return nil
        }
    }
}
