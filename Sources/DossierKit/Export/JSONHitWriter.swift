import DossierModel

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

    /// The fields of `hit`, in the documented order of the JSON Lines schema (README).
    static func addFields(of hit: Hit, to out: inout JSONBytes) {
        out.add("rank", number: hit.rank)
        out.add("score", score: hit.score)
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
        out.add("snippet", snippet: hit.snippet, open: matchOpen, close: matchClose)
        out.add("text", hit.text)
        out.add("date_source", hit.metadata.dateSource)
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

    /// `text` as a JSON string literal: `"`, `\\` and control characters escaped (`\n`, `\r`, `\t`,
    /// else `\u00XX`), and U+2028 and U+2029 as `\u2028` and `\u2029`, so each object stays on one line
    /// for every JSON and JavaScript reader. Works on UTF-8 bytes, with one allocation.
    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    public static func quote(_ text: String) -> String {
        var copy = text
        let escaped: String? = copy.withUTF8 { source -> String? in
            // Size of the output: 2 quotes plus each byte's escape.
            var size = source.count + 2
            var i = 0
            while i < source.count {
                let b = source[i]
                if b < 0x20 {
                    size += (b == 0x0A || b == 0x0D || b == 0x09) ? 1 : 5
                } else if b == 0x22 || b == 0x5C {
                    size += 1
                } else if b == 0xE2, i + 2 < source.count, source[i + 1] == 0x80, source[i + 2] == 0xA8 || source[i + 2] == 0xA9 {
                    size += 3  // 3 bytes become the 6 of \u2028
                }
                i += 1
            }
            if size == source.count + 2 { return nil }  // nothing to escape: no copy through a buffer
            return String(unsafeUninitializedCapacity: size) { out in
                var o = 0
                out[o] = 0x22
                o += 1
                var i = 0
                while i < source.count {
                    let b = source[i]
                    switch b {
                    case 0x22, 0x5C:
                        out[o] = 0x5C
                        out[o + 1] = b
                        o += 2
                    case 0x0A, 0x0D, 0x09:
                        out[o] = 0x5C
                        out[o + 1] = b == 0x0A ? 0x6E : b == 0x0D ? 0x72 : 0x74
                        o += 2
                    case 0..<0x20:
                        for (k, c) in [0x5C, 0x75, 0x30, 0x30, hexDigits[Int(b >> 4)], hexDigits[Int(b & 0x0F)]].enumerated() { out[o + k] = c }
                        o += 6
                    case 0xE2 where i + 2 < source.count && source[i + 1] == 0x80 && (source[i + 2] == 0xA8 || source[i + 2] == 0xA9):
                        for (k, c) in [0x5C, 0x75, 0x32, 0x30, 0x32, source[i + 2] == 0xA8 ? 0x38 : 0x39].enumerated() { out[o + k] = UInt8(c) }
                        o += 6
                        i += 2
                    default:
                        out[o] = b
                        o += 1
                    }
                    i += 1
                }
                out[o] = 0x22
                return o + 1
            }
        }
        if let escaped { return escaped }
        var out = "\""
        out.reserveCapacity(text.utf8.count + 2)
        out.append(text)
        out.append("\"")
        return out
    }
}
