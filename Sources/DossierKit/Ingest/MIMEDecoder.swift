/// Decodes Internet messages (RFC 5322 with MIME): header blocks, encoded words, transfer
/// encodings and multipart bodies. Works on bytes; text is decoded with each part's charset.
enum MIMEDecoder {
    /// One header field: the lower-cased name and the unfolded value, with encoded words decoded.
    struct Field: Equatable {
        var name: String
        var value: String
    }

    /// A message or body part: its header fields and its (still encoded) body.
    struct Entity {
        var fields: [Field]
        var body: ArraySlice<UInt8>

        /// The first value of the field `name` (lower case).
        func value(_ name: String) -> String? {
            fields.first { $0.name == name }?.value
        }
    }

    /// Parts nested deeper than this are not read (a guard against hostile messages).
    static let maxDepth = 8

    // MARK: Header block

    /// Splits `bytes` into its header fields and body. Header lines run to the first blank line; a
    /// line that is neither a header nor a folded continuation also ends them (and starts the body).
    /// A leading mbox `From ` line is skipped.
    static func parse(_ bytes: ArraySlice<UInt8>) -> Entity {
        var fields: [Field] = []
        var rawFields: [(name: String, value: [UInt8])] = []
        var i = bytes.startIndex
        if bytes.starts(with: Array("From ".utf8)) {
            i = lineEnd(bytes, from: i).next
        }
        while i < bytes.endIndex {
            let (end, next) = lineEnd(bytes, from: i)
            let line = bytes[i..<end]
            if line.isEmpty {
                i = next
                break
            }
            if line.first == UInt8(ascii: " ") || line.first == UInt8(ascii: "\t") {
                if rawFields.isEmpty { break }  // a continuation with nothing to continue: body
                rawFields[rawFields.count - 1].value += [UInt8(ascii: " ")] + trimmed(line)
                i = next
                continue
            }
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > line.startIndex,
                line[line.startIndex..<colon].allSatisfy({ $0 > 32 && $0 < 127 })
            else { break }
            let name = String(decoding: line[line.startIndex..<colon], as: UTF8.self).lowercased()
            rawFields.append((name, Array(trimmed(line[(colon + 1)...]))))
            i = next
        }
        for raw in rawFields {
            // Raw 8-bit header bytes: UTF-8 when they are, else Windows-1252.
            let text = TextDecoder.decode(raw.value, charset: nil)
            fields.append(Field(name: raw.name, value: Whitespace.collapse(decodeEncodedWords(text))))
        }
        return Entity(fields: fields, body: bytes[i...])
    }

    /// The end of the line starting at `start` (before CR LF, LF or a lone CR) and the start of the next.
    static func lineEnd(_ bytes: ArraySlice<UInt8>, from start: Int) -> (end: Int, next: Int) {
        var j = start
        while j < bytes.endIndex {
            let b = bytes[j]
            if b == UInt8(ascii: "\n") { return (j, j + 1) }
            if b == UInt8(ascii: "\r") {
                if j + 1 < bytes.endIndex, bytes[j + 1] == UInt8(ascii: "\n") { return (j, j + 2) }
                return (j, j + 1)
            }
            j += 1
        }
        return (j, j)
    }

    static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var s = bytes
        while let f = s.first, f == 32 || f == 9 { s = s.dropFirst() }
        while let l = s.last, l == 32 || l == 9 { s = s.dropLast() }
        return s
    }

    // MARK: Encoded words (RFC 2047)

    /// Decodes `=?charset?B?...?=` and `=?charset?Q?...?=` words; white space between two encoded words is dropped.
    static func decodeEncodedWords(_ text: String) -> String {
        guard text.utf8.firstRange(of: "=?".utf8) != nil else { return text }
        var out = ""
        var rest = Substring(text)
        var lastWasEncoded = false
        while let start = rest.firstRange(of: "=?") {
            let before = rest[..<start.lowerBound]
            let afterStart = rest[start.upperBound...]
            guard let word = encodedWord(afterStart) else {
                out += before + "=?"
                lastWasEncoded = false
                rest = afterStart
                continue
            }
            if !(lastWasEncoded && before.allSatisfy({ $0 == " " || $0 == "\t" })) {
                out += before
            }
            out += word.text
            lastWasEncoded = true
            rest = word.rest
        }
        out += rest
        return out
    }

    /// Decodes one encoded word whose `=?` has been consumed: `charset?enc?text?=`.
    private static func encodedWord(_ s: Substring) -> (text: String, rest: Substring)? {
        let parts = s.split(separator: "?", maxSplits: 3, omittingEmptySubsequences: false)
        guard parts.count == 4, parts[3].hasPrefix("="), !parts[0].isEmpty, parts[2].count < 2000 else { return nil }
        let charset = parts[0].split(separator: "*").first.map(String.init) ?? ""  // RFC 2231 language suffix
        let payload = Array(parts[2].utf8)
        let bytes: [UInt8]
        switch parts[1].lowercased() {
        case "b": bytes = decodeBase64(payload[...])
        case "q": bytes = decodeQuotedPrintable(payload[...], underscoreIsSpace: true)
        default: return nil
        }
        return (TextDecoder.decode(bytes, charset: charset), parts[3].dropFirst())
    }

    // MARK: Content-Type and friends

    /// A structured header value such as `text/plain; charset="utf-8"`: the lower-cased value before
    /// the first `;` and the parameters (names lower-cased, quotes removed).
    static func structured(_ value: String) -> (value: String, parameters: [String: String]) {
        var parameters: [String: String] = [:]
        var pieces: [String] = []
        var current = ""
        var quoted = false
        var escaped = false
        for c in value {
            if escaped {
                current.append(c)
                escaped = false
            } else if quoted && c == "\\" {
                escaped = true
            } else if c == "\"" {
                quoted.toggle()
            } else if c == ";" && !quoted {
                pieces.append(current)
                current = ""
            } else {
                current.append(c)
            }
        }
        pieces.append(current)
        let main = Substring(pieces[0]).trimmingCharacters(in: .whitespaces).lowercased()
        for piece in pieces.dropFirst() {
            guard let eq = piece.firstIndex(of: "=") else { continue }
            var name = Substring(piece[..<eq]).trimmingCharacters(in: .whitespaces).lowercased()
            var v = Substring(piece[piece.index(after: eq)...]).trimmingCharacters(in: .whitespaces)
            if name.hasSuffix("*") {  // RFC 2231: charset'language'percent-encoded
                name.removeLast()
                let fields = v.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
                if fields.count == 3 { v = TextDecoder.decode(percentDecoded(fields[2]), charset: String(fields[0])) }
            }
            if parameters[name] == nil { parameters[name] = v }
        }
        return (main, parameters)
    }

    static func percentDecoded(_ s: Substring) -> [UInt8] {
        var out: [UInt8] = []
        let b = Array(s.utf8)
        var i = 0
        while i < b.count {
            if b[i] == UInt8(ascii: "%"), i + 2 < b.count, let h = hexValue(b[i + 1]), let l = hexValue(b[i + 2]) {
                out.append(h << 4 | l)
                i += 3
            } else {
                out.append(b[i])
                i += 1
            }
        }
        return out
    }

    // MARK: Transfer encodings

    static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case 48...57: return b - 48
        case 65...70: return b - 55
        case 97...102: return b - 87
        default: return nil
        }
    }

    /// Base64, ignoring line breaks and any other byte outside the alphabet, stopping at `=`.
    static func decodeBase64(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 3 / 4)
        var accumulator: UInt32 = 0
        var bits = 0
        for b in bytes {
            let value: UInt32
            switch b {
            case 65...90: value = UInt32(b - 65)
            case 97...122: value = UInt32(b - 71)
            case 48...57: value = UInt32(b + 4)
            case 43, 45: value = 62  // + (and - of the URL-safe alphabet)
            case 47, 95: value = 63  // / (and _)
            case 61: return out  // padding
            default: continue
            }
            accumulator = accumulator << 6 | value
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
                accumulator &= (1 << UInt32(bits)) - 1
            }
        }
        return out
    }

    /// Quoted-printable: `=XX` bytes and `=` soft line breaks. A malformed `=` is kept as it is.
    static func decodeQuotedPrintable(_ bytes: ArraySlice<UInt8>, underscoreIsSpace: Bool = false) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let b = bytes[i]
            if b == UInt8(ascii: "=") {
                if i + 2 < bytes.endIndex, let h = hexValue(bytes[i + 1]), let l = hexValue(bytes[i + 2]) {
                    out.append(h << 4 | l)
                    i += 3
                    continue
                }
                // Soft line break: "=" then optional white space and a line end.
                var j = i + 1
                while j < bytes.endIndex, bytes[j] == 32 || bytes[j] == 9 { j += 1 }
                if j < bytes.endIndex, bytes[j] == UInt8(ascii: "\r") || bytes[j] == UInt8(ascii: "\n") {
                    i = lineEnd(bytes, from: j).next
                    continue
                }
                if j == bytes.endIndex {
                    i = j
                    continue
                }
            }
            out.append(underscoreIsSpace && b == UInt8(ascii: "_") ? 32 : b)
            i += 1
        }
        return out
    }

    /// The body of `entity` with its `Content-Transfer-Encoding` undone.
    static func decodedBody(_ entity: Entity) -> [UInt8] {
        switch structured(entity.value("content-transfer-encoding") ?? "").value {
        case "base64": return decodeBase64(entity.body)
        case "quoted-printable": return decodeQuotedPrintable(entity.body)
        default: return Array(entity.body)
        }
    }

    // MARK: Bodies

    /// The text of a body: plain text, or HTML (to be converted by the caller).
    struct BodyText {
        var text: String
        var isHTML: Bool
    }

    /// The readable text of `entity`: text/plain is preferred over text/html in
    /// multipart/alternative; in other multiparts the inline text parts are joined; attachments are left out.
    static func bodyText(_ entity: Entity, depth: Int = 0) -> [BodyText] {
        let (type, parameters) = structured(entity.value("content-type") ?? "text/plain")
        let disposition = structured(entity.value("content-disposition") ?? "").value
        if depth > 0 && disposition == "attachment" { return [] }
        if type.hasPrefix("multipart/") {
            guard depth < maxDepth, let boundary = parameters["boundary"], !boundary.isEmpty else {
                return [BodyText(text: TextDecoder.decode(decodedBody(entity), charset: parameters["charset"]), isHTML: false)]
            }
            let parts = multipartParts(entity.body, boundary: boundary).map { parse($0) }
            if type == "multipart/alternative" {
                let choices = parts.map { bodyText($0, depth: depth + 1) }.filter { !$0.isEmpty }
                return choices.first(where: { $0.allSatisfy { !$0.isHTML } }) ?? choices.first ?? []
            }
            if type == "multipart/related" {
                return parts.first.map { bodyText($0, depth: depth + 1) } ?? []
            }
            return parts.flatMap { bodyText($0, depth: depth + 1) }
        }
        if type == "message/rfc822" || type == "message/global" {
            guard depth < maxDepth else { return [] }
            return bodyText(parse(decodedBody(entity)[...]), depth: depth + 1)
        }
        // The message's own single body may have any text type (or none); inside a multipart only
        // text/plain and text/html count.
        let isHTML = type == "text/html" || type == "application/xhtml+xml"
        guard isHTML || type == "text/plain" || (depth == 0 && (type.hasPrefix("text/") || !type.contains("/"))) else { return [] }
        let text = TextDecoder.decode(decodedBody(entity), charset: parameters["charset"])
        return [BodyText(text: text, isHTML: isHTML)]
    }

    /// The parts of a multipart body between `--boundary` lines, up to `--boundary--`.
    static func multipartParts(_ body: ArraySlice<UInt8>, boundary: String) -> [ArraySlice<UInt8>] {
        let delimiter = Array(("--" + boundary).utf8)
        var parts: [ArraySlice<UInt8>] = []
        var partStart: Int? = nil
        var i = body.startIndex
        while i < body.endIndex {
            let (end, next) = lineEnd(body, from: i)
            if body[i] == UInt8(ascii: "-"), body[i..<end].starts(with: delimiter) {
                let after = trimmed(body[(i + delimiter.count)..<end])
                let closing = after.starts(with: [UInt8(ascii: "-"), UInt8(ascii: "-")])
                if after.isEmpty || closing {
                    if let start = partStart {
                        // The line break before the delimiter belongs to the delimiter.
                        var stop = i
                        if stop > start, body[stop - 1] == UInt8(ascii: "\n") { stop -= 1 }
                        if stop > start, body[stop - 1] == UInt8(ascii: "\r") { stop -= 1 }
                        parts.append(body[start..<max(start, stop)])
                    }
                    if closing { return parts }
                    partStart = next
                }
            }
            i = next
        }
        if let start = partStart, start < body.endIndex { parts.append(body[start...]) }  // no closing delimiter
        return parts
    }
}
