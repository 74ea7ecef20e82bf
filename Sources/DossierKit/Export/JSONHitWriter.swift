import DossierModel

/// Rows as JSON: one object per line (JSON Lines), or one array of objects; for `search` and `export`.
///
/// Each object has the query's fields first when the writer has ``QueryColumns`` (`query_id`,
/// `query`, and `query_ids` when the row has them), then the keys of ``HitColumns/names`` plus
/// `paths` (every path of the article) and `copies` (the first path of each wire copy), with numbers as numbers, `topics` as an array and missing
/// values as `null`. Documented in docs/formats.md. Strings are escaped by ``JSONBytes``, the one JSON escaper.
public final class JSONHitWriter: RowWriter {
    let sink: OutputSink
    let array: Bool
    let queryColumns: QueryColumns
    private var count = 0

    public init(sink: OutputSink, array: Bool, queryColumns: QueryColumns = .none) {
        self.sink = sink
        self.array = array
        self.queryColumns = queryColumns
    }

    public func write(_ row: ExportRow) throws {
        if queryColumns == .none {
            try write(hit: row.hit.hit) { _ in }
        } else {
            try write(hit: row.hit.hit) { ExportRowWriters.addLeadingFields(row, to: &$0) }
        }
    }

    public func write(_ hit: Hit) throws {
        try write(hit: hit) { _ in }
    }

    /// Writes one object: the fields of `leading` first, then the hit's.
    public func write(leading: JSONObject, hit: Hit) throws {
        try write(hit: hit) { $0.fields(leading.body) }
    }

    /// Writes one object: the fields `leading` adds first, then the hit's; bytes, not strings.
    func write(hit: Hit, leading: (inout JSONBytes) -> Void) throws {
        // The buffer out of the object while it is filled: a local is checked for exclusive
        // access once, at compile time, not at run time for every field.
        var encoder = self.encoder
        self.encoder = JSONBytes(capacity: 0)
        defer { self.encoder = encoder }
        if array { encoder.raw(count == 0 ? "[\n" : ",\n") }
        encoder.begin()
        leading(&encoder)
        Self.addFields(of: hit, to: &encoder)
        encoder.end()
        if !array { encoder.raw("\n") }
        count += 1
        // Objects go to the sink in chunks: one call (hash update, buffer copy) per 64 KiB
        // instead of one per hit.
        if encoder.bytes.count >= Self.chunk {
            defer { encoder.clear() }
            try sink.write(bytes: encoder.bytes)
        }
    }

    private static let chunk = 64 * 1024

    /// Hands the objects not yet written to the sink.
    private func writePending() throws {
        guard !encoder.bytes.isEmpty else { return }
        defer { encoder.clear() }
        try sink.write(bytes: encoder.bytes)
    }

    private var encoder = JSONBytes()
    static let matchOpen = Array(HitColumns.matchOpen.utf8)
    static let matchClose = Array(HitColumns.matchClose.utf8)

    /// The fields of `hit`, in the documented order of the JSON Lines schema (docs/formats.md).
    /// A hit's fields; without `ranked`, no `rank` or `score`, and `snippet` only when there is one
    /// (`dossier show`, with `--highlight`).
    static func addFields(of hit: Hit, to out: inout JSONBytes, ranked: Bool = true) {
        if ranked {
            out.add("rank", number: hit.rank)
            out.add("score", score: hit.score)
        }
        out.add("path", hit.path)
        out.add("paths", strings: hit.paths)
        out.add("title", hit.title)
        out.add("date", hit.metadata.date)
        out.add("author", hit.metadata.author)
        out.add("source", hit.metadata.source)
        out.add("url", hit.metadata.url)
        out.add("format", hit.metadata.format)
        out.add("language", hit.metadata.language)
        out.add("passage", number: hit.passage)
        out.add("start", number: hit.start)
        out.add("end", number: hit.end)
        out.add("topics", strings: hit.topics)
        if ranked || !hit.snippet.isEmpty { out.add("snippet", snippet: hit.snippet, open: matchOpen, close: matchClose) }
        out.add("text", hit.text)
        out.add("date_source", hit.metadata.dateSource)
        out.add("copies", strings: hit.copies)
        out.add("copy_count", number: hit.copyCount)
        out.add("page", number: hit.page)
        if !hit.context.isEmpty {  // only with `search --context`
            out.key("context")
            out.raw("[")
            for (index, neighbour) in hit.context.enumerated() {
                if index > 0 { out.raw(",") }
                out.begin()
                out.add("passage", number: neighbour.passage)
                out.add("text", neighbour.text)
                out.end()
            }
            out.raw("]")
        }
    }

    public func finish() throws {
        try writePending()
        if array { try sink.write(count == 0 ? "[]\n" : "\n]\n") }
        try sink.flush()
    }
}

/// Builds one JSON object, keys in the order added.
public struct JSONObject {
    /// The fields, comma-separated, without the braces.
    private(set) var body = ""

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
        if !body.isEmpty { body.append(",") }
        body.append(JSONObject.quote(key))
        body.append(":")
        body.append(json)
    }

    /// `text` as a JSON string literal, escaped by ``JSONBytes/appendEscaped(_:to:)-(UnsafeBufferPointer<UInt8>,_)``
    /// (the one JSON escaper): `"`, `\\` and control characters escaped (`\n`, `\r`, `\t`, else
    /// `\u00XX`), and U+2028 and U+2029 as `\u2028` and `\u2029`, so each object stays on one line
    /// for every JSON and JavaScript reader.
    public static func quote(_ text: String) -> String {
        var out = JSONBytes(capacity: text.utf8.count + 8)
        out.string(text)
        return String(decoding: out.bytes, as: UTF8.self)
    }
}
