import Foundation

/// Recognises a file's format from its first bytes, for files whose extension is missing or lies.
///
/// Rules, tried in this order on the start of the file (after a byte-order mark and white space):
/// 1. **mbox**: the file starts with a `From ` line and a header line follows it.
/// 2. **HTML**: it starts with `<!DOCTYPE html`, `<html`, `<head`, `<body`, `<title`, `<meta`,
///    `<script`, `<style`, `<p`, `<div`, `<h1`, `<table`, `<a`, `<b`, `<br`, `<font`, `<iframe` or `<!--`
///    (the WHATWG MIME-sniffing list), or with an XML declaration followed by `<html`.
/// 3. **RTF**: it starts with `{\rtf`.
/// 4. **JSON**: it starts with `{` or `[`, and either its first line is a whole JSON object
///    (JSON Lines) or the whole file parses as JSON.
/// 5. **E-mail**: it starts with an RFC 822 header block (every line up to the first blank line is a
///    `Name: value` header or a folded continuation) holding `From:` and `Subject:` or `Date:`.
///
/// Binary containers are told by their first bytes before any of that (``isZip(_:)``, ``isOLE(_:)``):
/// a zip is then read as an office document or e-book when its members say it is one
/// (``DocumentPackageReader``), an OLE compound file is a legacy or encrypted Office file.
///
/// ```swift
/// FormatSniffer.sniff(Array("<!doctype html><p>Hi".utf8))  // .html
/// ```
public enum FormatSniffer {
    /// A format content sniffing can recognise.
    public enum Format: String, Sendable, CaseIterable {
        case html, email, mbox, json, rtf
    }

    /// True when `bytes` start as a zip file does (`PK` then a local file header, or the end record of an empty zip).
    public static func isZip(_ bytes: some Collection<UInt8>) -> Bool {
        bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06])
    }

    /// True when `bytes` start as a PDF file does (`%PDF-`).
    public static func isPDF(_ bytes: some Collection<UInt8>) -> Bool {
        bytes.starts(with: Array("%PDF-".utf8))
    }

    /// True when `bytes` start as an OLE compound file does (legacy Office files, encrypted OOXML).
    public static func isOLE(_ bytes: some Collection<UInt8>) -> Bool {
        bytes.starts(with: LegacyOfficeFile.magic)
    }

    /// How many bytes of the file the HTML, mbox and e-mail rules look at.
    static let window = 8192

    /// The format of a file starting with `bytes`, or nil when no rule matches.
    public static func sniff(_ bytes: [UInt8]) -> Format? {
        if cannotMatch(bytes) { return nil }
        let head = prefixText(bytes)
        let trimmed = head.drop(while: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
        if head.hasPrefix("From "), looksLikeMbox(head) { return .mbox }
        if looksLikeHTML(trimmed) { return .html }
        if trimmed.hasPrefix("{\\rtf") { return .rtf }
        if let first = trimmed.first, first == "{" || first == "[", looksLikeJSON(bytes) { return .json }
        if looksLikeEmail(head) { return .email }
        return nil
    }

    /// True when no rule can match, read from the raw bytes (most text files): the first
    /// character is not `<`, `{` or `[` (HTML, JSON), the file does not start with `From ` (mbox),
    /// and its first line has no `:` (a header line, e-mail). Anything unusual (a UTF-16 or UTF-32
    /// byte-order mark, a NUL byte) is left to the full rules.
    static func cannotMatch(_ bytes: [UInt8]) -> Bool {
        let end = min(bytes.count, window)
        var i = 0
        if end >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) { return false }
        if end >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
        let start = i
        if end - start >= 5, bytes[start..<(start + 5)].elementsEqual("From ".utf8) { return false }
        var sawColon = false
        var firstLine = true
        var first: UInt8? = nil
        while i < end {
            let byte = bytes[i]
            if byte == 0 { return false }
            if first == nil, byte != 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D { first = byte }
            if firstLine {
                if byte == 0x0A { firstLine = false } else if byte == UInt8(ascii: ":") { sawColon = true }
            }
            if !firstLine, first != nil { break }
            i += 1
        }
        guard let first else { return false }
        return first != UInt8(ascii: "<") && first != UInt8(ascii: "{") && first != UInt8(ascii: "[") && !sawColon
    }

    /// The first ``window`` bytes decoded as text (UTF-16 with a byte-order mark, else UTF-8 or Windows-1252).
    static func prefixText(_ bytes: [UInt8]) -> Substring {
        var prefix = Array(bytes.prefix(window))
        // Do not let the cut end inside a UTF-8 sequence: that would make the prefix look like Windows-1252.
        if bytes.count > window {
            var cut = prefix.count
            while cut > 0, cut > prefix.count - 4, prefix[cut - 1] & 0xC0 == 0x80 { cut -= 1 }
            if cut > 0, prefix[cut - 1] >= 0xC0 { prefix.removeSubrange((cut - 1)...) }
        }
        let text = TextDecoder.decode(prefix)?.text ?? String(decoding: prefix.filter { $0 != 0 }, as: UTF8.self)
        return Substring(text)
    }

    static let htmlStarts = [
        "<!doctype html", "<html", "<head", "<body", "<title", "<meta", "<script", "<style", "<p", "<div", "<h1", "<table",
        "<a", "<b", "<br", "<font", "<iframe", "<!--",
    ]

    static func looksLikeHTML(_ text: Substring) -> Bool {
        var start = text.prefix(512).lowercased()[...]
        if start.hasPrefix("<?xml"), let end = start.range(of: "?>") {
            start = start[end.upperBound...].drop(while: { $0.isWhitespace })
            if start.hasPrefix("<!doctype html") || start.hasPrefix("<html") { return true }
            return false
        }
        for tag in htmlStarts where start.hasPrefix(tag) {
            if tag == "<!--" { return true }
            // The tag name must end here: "<p>" or "<p " but not "<pre-release notes".
            let after = start.dropFirst(tag.count).first
            if after == nil || after == ">" || after == " " || after == "\t" || after == "\n" || after == "/" { return true }
        }
        return false
    }

    static func looksLikeJSON(_ bytes: [UInt8]) -> Bool {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        let firstLine = body.prefix(while: { $0 != UInt8(ascii: "\n") })
        if let object = try? JSONSerialization.jsonObject(with: Data(firstLine), options: [.fragmentsAllowed]), object is [String: Any] {
            return true
        }
        return (try? JSONSerialization.jsonObject(with: Data(body), options: [])) != nil
    }

    /// A `From ` line followed by at least one header line.
    static func looksLikeMbox(_ text: Substring) -> Bool {
        let lines = text.split(separator: "\n", maxSplits: 2, omittingEmptySubsequences: false)
        guard lines.count >= 2 else { return false }
        return headerName(lines[1]) != nil
    }

    /// An RFC 822 header block with `From:` and `Subject:` or `Date:`.
    static func looksLikeEmail(_ text: Substring) -> Bool {
        var names: Set<String> = []
        var lineCount = 0
        var rest = text
        while !rest.isEmpty {
            let end = rest.firstIndex(of: "\n") ?? rest.endIndex
            let rawLine = rest[..<end]
            let cutShort = end == rest.endIndex && text.endIndex == rest.endIndex
            rest = end == rest.endIndex ? rest[end...] : rest[rest.index(after: end)...]
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.isEmpty { break }
            if lineCount > 0, line.first == " " || line.first == "\t" { continue }  // folded header
            guard let name = headerName(line) else {
                if cutShort { break }  // only the last line of the window may be cut short
                return false
            }
            names.insert(name)
            lineCount += 1
        }
        return names.contains("from") && (names.contains("subject") || names.contains("date"))
    }

    /// The lower-cased field name of a `Name: value` header line, or nil when the line is not one.
    static func headerName(_ line: Substring) -> String? {
        guard let colon = line.firstIndex(of: ":"), colon != line.startIndex else { return nil }
        let name = line[..<colon]
        guard name.count <= 76, name.unicodeScalars.allSatisfy({ $0.value > 32 && $0.value < 127 }) else { return nil }
        return name.lowercased()
    }
}
