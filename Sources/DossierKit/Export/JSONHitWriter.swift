/// Hits as JSON: one object per line (JSON Lines), or one array of objects.
///
/// Each object has the keys of ``HitColumns/names`` plus `paths` (every path of the article), with
/// numbers as numbers, `topics` as an array and missing values as `null`. Documented in README.
public final class JSONHitWriter: HitWriter {
    let sink: OutputSink
    let array: Bool
    private var count = 0

    public init(sink: OutputSink, array: Bool) {
        self.sink = sink
        self.array = array
    }

    public func write(_ hit: Hit) throws {
        try write(leading: JSONObject(), hit: hit)
    }

    /// Writes one object: the fields of `leading` first (used by `export` for `query_id` and `query`), then the hit's.
    public func write(leading: JSONObject, hit: Hit) throws {
        let out = Self.object(leading: leading, hit: hit)
        if array {
            try sink.write(count == 0 ? "[\n" : ",\n")
            try sink.write(out.text)
        } else {
            try sink.write(out.text + "\n")
        }
        count += 1
    }

    /// The JSON object of `hit`, after the fields of `leading`.
    public static func object(leading: JSONObject = JSONObject(), hit: Hit) -> JSONObject {
        var out = leading
        let m = hit.metadata
        out.add("rank", number: String(hit.rank))
        out.add("score", number: HitColumns.score(hit.score))
        out.add("path", hit.path)
        out.add("paths", strings: hit.paths)
        out.add("title", hit.title)
        out.add("date", m.date)
        out.add("author", m.author)
        out.add("source", m.source)
        out.add("url", m.url)
        out.add("format", m.format)
        out.add("language", m.language)
        out.add("passage", number: String(hit.passage))
        out.add("start", number: String(hit.start))
        out.add("end", number: String(hit.end))
        out.add("topics", strings: hit.topics)
        out.add("snippet", hit.snippet(open: HitColumns.matchOpen, close: HitColumns.matchClose))
        out.add("text", hit.text)
        return out
    }

    public func finish() throws {
        if array { try sink.write(count == 0 ? "[]\n" : "\n]\n") }
        try sink.flush()
    }
}

/// Builds one JSON object, keys in the order added.
public struct JSONObject {
    private var body = ""

    public init() {}

    public var text: String { "{" + body + "}" }

    public mutating func add(_ key: String, _ value: String?) {
        field(key, value.map(JSONObject.quote) ?? "null")
    }

    public mutating func add(_ key: String, number: String) {
        field(key, number)
    }

    public mutating func add(_ key: String, strings: [String]) {
        field(key, "[" + strings.map(JSONObject.quote).joined(separator: ",") + "]")
    }

    public mutating func add(_ key: String, raw: String) {
        field(key, raw)
    }

    private mutating func field(_ key: String, _ json: String) {
        if !body.isEmpty { body += "," }
        body += JSONObject.quote(key) + ":" + json
    }

    /// `text` as a JSON string literal.
    public static func quote(_ text: String) -> String {
        var out = "\""
        out.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
