import DossierModel

/// Reads e-mail and Usenet messages: `.eml` (one message) and `.mbox` (many).
///
/// Headers are metadata, never body text: `Subject` is the title, `From` the author
/// (`Name <address>`), `Date` the date (RFC 2822, two-digit years and obsolete zones included; see
/// ``DateParser``), `Archived-At` the URL. Folded headers are unfolded and RFC 2047 encoded words
/// decoded. The body is decoded with ``MIMEDecoder``: quoted-printable and base64 undone, each part's
/// charset honoured, text/plain preferred over text/html in `multipart/alternative`, the inline text
/// parts of other multiparts joined, attachments left out, HTML parts converted by ``HTMLReader``.
///
/// The article's text is the subject as its first paragraph, then the decoded body; passage offsets
/// refer to that text.
///
/// mbox: a message starts at a line beginning `From ` that opens the file or follows a blank line
/// and is followed by a header line;
/// `>From ` lines in bodies are unescaped (mboxrd). Each message gets the path `file#n` (1-based).
/// A file holding one message that is not named `.mbox` keeps its own path.
public struct EmailReader: ByteArticleReader {
    /// `email`.
    public let format = "email"
    /// Splits the extracted text into passages.
    public var splitter: PassageSplitter

    /// Creates a reader whose articles are split by `splitter`.
    public init(splitter: PassageSplitter = PassageSplitter()) {
        self.splitter = splitter
    }

    public func read(_ file: SourceFile, bytes raw: [UInt8], truncated: Bool) throws -> (articles: [Article], warnings: [String]) {
        // Messages are bytes in an ASCII-compatible encoding; a byte-order mark (an editor's doing) is removed.
        var bytes = raw
        if raw.starts(with: [0xEF, 0xBB, 0xBF]) {
            bytes = Array(raw.dropFirst(3))
        } else if raw.starts(with: [0xFF, 0xFE]) || raw.starts(with: [0xFE, 0xFF]), let decoded = TextDecoder.decode(raw) {
            bytes = Array(decoded.text.utf8)
        }
        let messages = Self.mboxMessages(bytes)
        let numbered = messages.count > 1 || ["mbox", "mbx"].contains(file.pathExtension)
        var articles: [Article] = []
        var warnings: [String] = []
        for (index, range) in messages.enumerated() {
            let path = numbered ? file.path + "#\(index + 1)" : file.path
            let message = numbered ? Self.unescapeFromLines(bytes[range]) : bytes[range]
            if let article = article(MIMEDecoder.parse(message), path: path) {
                articles.append(article)
            } else if numbered {
                warnings.append("message \(index + 1): no subject and no text")
            }
        }
        if truncated, numbered, !messages.isEmpty {
            warnings.append("message \(messages.count): cut at the size limit")
        }
        guard !articles.isEmpty else { throw SkipReason.empty }
        return (articles, warnings)
    }

    /// The article of one parsed message, or nil when it has neither subject nor text.
    func article(_ message: MIMEDecoder.Entity, path: String) -> Article? {
        let subject = message.value("subject").flatMap { $0.isEmpty ? nil : $0 }
        let body = MIMEDecoder.bodyText(message).map { part in
            part.isHTML ? HTMLReader.extract(html: part.text, keepBoilerplate: true).paragraphs.joined(separator: "\n\n") : part.text
        }.joined(separator: "\n\n")
        let (text, passages) = HTMLReader.assemble(title: subject, body: body, splitter: splitter)
        guard !passages.isEmpty else { return nil }
        var metadata = ArticleMetadata(format: format)
        metadata.author = message.value("from").flatMap(Self.author)
        if let raw = message.value("date"), let date = DateParser.normalize(raw) {
            metadata.date = date
            metadata.dateSource = "content"
        }
        if let archived = message.value("archived-at") {
            let url = Substring(archived).trimmingCharacters(in: .whitespaces).filter { $0 != "<" && $0 != ">" }
            if !url.isEmpty { metadata.url = url }
        }
        return Article(
            path: path, title: subject ?? TitleChooser.title(passages: passages, text: text), metadata: metadata, text: text,
            passages: passages)
    }

    /// `Jane Doe <jane@example.org>` from the forms `"Doe, Jane" <jane@example.org>`,
    /// `jane@example.org (Jane Doe)` and a bare address; several addresses are joined with ", ".
    static func author(_ from: String) -> String? {
        var result: [String] = []
        for mailbox in splitAddresses(from) {
            var text = Substring(mailbox).trimmingCharacters(in: .whitespaces)
            var name = ""
            var address = ""
            if let open = text.lastIndex(of: "<"), let close = text[open...].firstIndex(of: ">") {
                address = String(text[text.index(after: open)..<close])
                name = String(text[..<open])
            } else if let open = text.firstIndex(of: "("), let close = text.lastIndex(of: ")"), open < close {
                name = String(text[text.index(after: open)..<close])
                address = String(text[..<open])
            } else {
                address = text
            }
            name = Substring(name).trimmingCharacters(in: .whitespaces)
            if name.count >= 2, name.first == "\"", name.last == "\"" { name = String(name.dropFirst().dropLast()) }
            name = Whitespace.collapse(name.replacing("\\\"", with: "\""))
            address = Substring(address).trimmingCharacters(in: .whitespaces)
            text = name.isEmpty ? address : (address.isEmpty ? name : name + " <" + address + ">")
            if !text.isEmpty { result.append(text) }
        }
        return result.isEmpty ? nil : result.joined(separator: ", ")
    }

    /// Splits an address list at commas outside quotes, angle brackets and comments.
    static func splitAddresses(_ list: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var quoted = false
        var angle = 0
        var comment = 0
        for c in list {
            switch c {
            case "\"": quoted.toggle()
            case "<" where !quoted: angle += 1
            case ">" where !quoted: angle = max(0, angle - 1)
            case "(" where !quoted: comment += 1
            case ")" where !quoted: comment = max(0, comment - 1)
            case "," where !quoted && angle == 0 && comment == 0:
                parts.append(current)
                current = ""
                continue
            default: break
            }
            current.append(c)
        }
        parts.append(current)
        return parts.filter { !$0.allSatisfy(\.isWhitespace) }
    }

    /// The byte ranges of the messages of an mbox file; a file that does not start with `From ` is one message.
    static func mboxMessages(_ bytes: [UInt8]) -> [Range<Int>] {
        let from = Array("From ".utf8)
        guard bytes.starts(with: from) else { return [0..<bytes.count] }
        var starts = [0]
        var i = 0
        var previousBlank = false
        while i < bytes.count {
            var end = i
            while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
            let blank = end == i || (end == i + 1 && bytes[i] == UInt8(ascii: "\r"))
            if i > 0, previousBlank, bytes[i..<end].starts(with: from), Self.headerLineFollows(bytes, after: end) { starts.append(i) }
            previousBlank = blank
            i = end + 1
        }
        return zip(starts, starts.dropFirst() + [bytes.count]).map { $0..<$1 }
    }

    /// True when the line after the line ending at `end` is a `Name: value` header: a `From ` line
    /// that starts a message is followed by its headers, one in a body ("From here on…") is not.
    static func headerLineFollows(_ bytes: [UInt8], after end: Int) -> Bool {
        var i = end + 1
        let start = i
        while i < bytes.count, i - start <= 76 {
            let b = bytes[i]
            if b == UInt8(ascii: ":") { return i > start }
            if b <= 32 || b >= 127 { return false }
            i += 1
        }
        return false
    }

    /// mboxrd: a body line `>From ` (or `>>From `…) loses one `>`.
    static func unescapeFromLines(_ message: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        let from = Array("From ".utf8)
        var escaped = false
        var k = message.startIndex
        while k < message.endIndex, !escaped {  // any line starting ">…>From "?
            if message[k] == UInt8(ascii: ">"), k == message.startIndex || message[k - 1] == UInt8(ascii: "\n") {
                var j = k
                while j < message.endIndex, message[j] == UInt8(ascii: ">") { j += 1 }
                escaped = message[j...].starts(with: from)
            }
            k += 1
        }
        guard escaped else { return message }
        var out: [UInt8] = []
        out.reserveCapacity(message.count)
        var lineStart = true
        var i = message.startIndex
        while i < message.endIndex {
            if lineStart, message[i] == UInt8(ascii: ">") {
                var j = i
                while j < message.endIndex, message[j] == UInt8(ascii: ">") { j += 1 }
                if message[j...].starts(with: from) {
                    i += 1  // drop one ">"
                }
            }
            lineStart = message[i] == UInt8(ascii: "\n")
            out.append(message[i])
            i += 1
        }
        return out[...]
    }
}
