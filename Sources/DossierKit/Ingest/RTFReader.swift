import DossierModel

/// Reads Rich Text Format files (`.rtf`; also RTF saved as `.doc`, and RTF found by content). Written
/// here because no Debian library reads RTF into text (unrtf is a program, not a library).
///
/// A small, careful parser of RTF 1.9's syntax: groups, control words with their parameters, control
/// symbols. Text, in order: each `\par`, `\sect`, `\page` ends a paragraph, `\line` is a line break,
/// a table row (`\cell` … `\row`) is one paragraph, cells separated by ` · `; footnotes
/// (`{\footnote …}`) are read after the body. Characters: `\uN` Unicode escapes (negative N for
/// code points above 32767, surrogate pairs joined), skipping the `\ucN` fallback characters after
/// each; `\'hh` bytes decoded with the code page of the current font's `\fcharset`, else the
/// document's `\ansicpg` (double-byte code pages too), else Windows-1252; `\~`, `\_`, `\emdash`,
/// `\endash`, the curly quotes and `\bullet` as the characters they name; `\binN` data skipped unread.
///
/// Dropped: font, colour, style, list and revision tables, pictures (`\pict`), objects, headers and
/// footers, field instructions (a field's visible result is kept), hidden text (`\v`), deleted
/// revisions, and every destination marked `\*` that is not one of those above. Metadata from
/// `{\info …}`: title `\title`, author `\author`, date `\creatim` (`\yr`, `\mo`, `\dy`, `\hr`, `\min`).
public struct RTFReader: ByteArticleReader {
    /// `rtf`.
    public let format = "rtf"
    /// Splits the text into passages.
    public var splitter: PassageSplitter

    public init(splitter: PassageSplitter = PassageSplitter()) {
        self.splitter = splitter
    }

    public func read(_ file: SourceFile, bytes: [UInt8], truncated: Bool) throws -> (articles: [Article], warnings: [String]) {
        var parser = RTFParser(bytes)
        parser.run()
        var document = OfficeArticle()
        for paragraph in parser.paragraphs + parser.footnotes { document.add(paragraph) }
        document.title = parser.info["title"]
        document.author = parser.info["author"]
        document.date = parser.createdDate
        return ([try document.article(for: file, format: format, splitter: splitter)], [])
    }
}

/// The state machine behind ``RTFReader``: one pass over the bytes, groups on a stack of bounded depth.
struct RTFParser {
    /// Where the text of a group goes.
    enum Destination: Equatable {
        case text, skip, footnote
        case info(String)
    }

    /// What a group changes and `}` gives back.
    struct State {
        var destination = Destination.text
        var unicodeSkip = 1  // \ucN
        var codePage: Int? = nil  // of the current font
        var hidden = false
        var inFontTable = false
    }

    /// Groups nested deeper than this are parsed but not stacked (a hostile file cannot grow memory).
    static let maxDepth = 1024

    let bytes: [UInt8]
    var i = 0
    var state = State()
    var stack: [State] = []
    var overflow = 0
    var ansiCodePage = 1252
    var fontCodePages: [Int: Int] = [:]
    var currentFont: Int? = nil
    var pendingSkip = 0  // fallback characters still to skip after a \u
    var pendingBytes: [UInt8] = []  // \'hh bytes waiting to be decoded together (double-byte code pages)
    var highSurrogate: UInt32? = nil
    var paragraph = ""
    var row: [String] = []
    var paragraphs: [String] = []
    var footnote = ""
    var footnotes: [String] = []
    var info: [String: String] = [:]
    var created: [String: Int] = [:]
    var inCreated = false
    var inTable = false  // \intbl until \pard: paragraphs are inside a table cell

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// `\creatim` as an ISO 8601 date (and time when given), or nil.
    var createdDate: String? {
        guard let year = created["yr"], (1000...9999).contains(year) else { return nil }
        let month = created["mo"] ?? 1
        let day = created["dy"] ?? 1
        guard (1...12).contains(month), (1...31).contains(day) else { return nil }
        let date = padded(year, 4) + "-" + padded(month, 2) + "-" + padded(day, 2)
        guard let hour = created["hr"], (0...23).contains(hour) else { return date }
        return date + "T" + padded(hour, 2) + ":" + padded(min(max(created["min"] ?? 0, 0), 59), 2) + ":00"
    }

    /// Destinations whose content is never text.
    static let skippedDestinations: Set<String> = [
        "fonttbl", "colortbl", "stylesheet", "listtable", "listoverridetable", "revtbl", "rsidtbl", "generator", "pict",
        "object", "header", "headerl", "headerr", "headerf", "footer", "footerl", "footerr", "footerf", "fldinst", "xmlnstbl",
        "themedata", "colorschememapping", "latentstyles", "datastore", "mmathPr", "pgdsctbl", "filetbl", "nonshppict",
        "bkmkstart", "bkmkend", "annotation", "atnid", "atnauthor", "private", "userprops", "docvar", "formfield", "listtext",
        "pntext", "pntxta", "pntxtb", "wgrffmtfilter", "xe", "tc", "template", "keywords", "comment", "operator",
    ]

    /// Control words that stand for a character.
    static let characters: [String: String] = [
        "emdash": "—", "endash": "–", "lquote": "‘", "rquote": "’", "ldblquote": "“", "rdblquote": "”", "bullet": "•",
        "emspace": " ", "enspace": " ", "qmspace": " ", "tab": " ", "zwj": "", "zwnj": "",
    ]

    mutating func run() {
        while i < bytes.count {
            let byte = bytes[i]
            switch byte {
            case UInt8(ascii: "{"):
                flushBytes()
                pendingSkip = 0
                if stack.count < Self.maxDepth { stack.append(state) } else { overflow += 1 }
                i += 1
            case UInt8(ascii: "}"):
                flushBytes()
                pendingSkip = 0
                endGroup()
                i += 1
            case UInt8(ascii: "\\"):
                i += 1
                control()
            case 0x0D, 0x0A:
                i += 1
            default:
                i += 1
                if pendingSkip > 0 {
                    pendingSkip -= 1
                    continue
                }
                if byte < 0x80 {
                    flushBytes()
                    emit(String(UnicodeScalar(byte)))
                } else {
                    pendingBytes.append(byte)
                }
            }
        }
        flushBytes()
        endParagraph()
        if !row.isEmpty { paragraphs.append(row.joined(separator: " · ")) }
    }

    mutating func endGroup() {
        let leaving = state
        if overflow > 0 {
            overflow -= 1
            return
        }
        guard let previous = stack.popLast() else { return }
        state = previous
        if case .footnote = leaving.destination, leaving.destination != state.destination {
            let text = footnote.trimmingSpaces()
            if !text.isEmpty { footnotes.append(text) }
            footnote = ""
        }
        if case .info(let field) = leaving.destination, leaving.destination != state.destination, field == "creatim" {
            inCreated = false
        }
        if leaving.inFontTable, !state.inFontTable { currentFont = nil }
    }

    /// Reads a control word or symbol after its backslash.
    mutating func control() {
        guard i < bytes.count else { return }
        let first = bytes[i]
        let isLetter = { (b: UInt8) in (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) }
        guard isLetter(first) else {
            i += 1
            symbol(first)
            return
        }
        let start = i
        while i < bytes.count, i - start < 32, isLetter(bytes[i]) { i += 1 }
        let word = String(decoding: bytes[start..<i], as: UTF8.self)
        var parameter: Int? = nil
        var negative = false
        if i < bytes.count, bytes[i] == UInt8(ascii: "-") {
            negative = true
            i += 1
        }
        let digits = i
        var value = 0
        while i < bytes.count, i - digits < 10, bytes[i] >= 0x30, bytes[i] <= 0x39 {
            value = value * 10 + Int(bytes[i] - 0x30)
            i += 1
        }
        if i > digits { parameter = negative ? -value : value }
        if i < bytes.count, bytes[i] == 0x20 { i += 1 }  // the delimiting space belongs to the word
        controlWord(word, parameter)
    }

    mutating func symbol(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "'"):
            guard i + 1 < bytes.count, let high = Self.hex(bytes[i]), let low = Self.hex(bytes[i + 1]) else { return }
            i += 2
            if pendingSkip > 0 {
                pendingSkip -= 1
                return
            }
            pendingBytes.append(high << 4 | low)
        case UInt8(ascii: "*"):
            // An optional destination: skipped unless the word after it is one read here.
            var j = i
            while j < bytes.count, bytes[j] == 0x20 || bytes[j] == 0x0D || bytes[j] == 0x0A { j += 1 }
            if j + 1 < bytes.count, bytes[j] == UInt8(ascii: "\\") {
                let name = bytes[(j + 1)...].prefix { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x41 && $0 <= 0x5A) }
                if String(decoding: name, as: UTF8.self) == "footnote" { return }
            }
            state.destination = .skip
        case 0x0D, 0x0A:
            flushBytes()
            endParagraph()
        default:
            flushBytes()
            if pendingSkip > 0 {
                pendingSkip -= 1
                return
            }
            switch byte {
            case UInt8(ascii: "~"): emit("\u{00A0}")
            case UInt8(ascii: "_"): emit("-")
            case UInt8(ascii: "\\"), UInt8(ascii: "{"), UInt8(ascii: "}"): emit(String(UnicodeScalar(byte)))
            default: break  // \- (optional hyphen), \| and others
            }
        }
    }

    mutating func controlWord(_ word: String, _ parameter: Int?) {
        if word != "u" { flushBytes() }
        if inCreated, ["yr", "mo", "dy", "hr", "min"].contains(word), let parameter {
            created[word] = parameter
            return
        }
        if state.inFontTable {
            switch word {
            case "f": currentFont = parameter
            case "fcharset":
                if let font = currentFont, let parameter, let page = Self.codePage(charset: parameter) { fontCodePages[font] = page }
            default: break
            }
            return
        }
        switch word {
        case "fonttbl":
            state.destination = .skip
            state.inFontTable = true
        case "ansicpg": if let parameter, parameter > 0 { ansiCodePage = parameter }
        case "mac": ansiCodePage = 10000
        case "pc": ansiCodePage = 437
        case "pca": ansiCodePage = 850
        case "f":
            if let parameter { state.codePage = fontCodePages[parameter] }
        case "uc": state.unicodeSkip = max(0, min(parameter ?? 1, 16))
        case "u":
            flushBytes()
            guard let parameter else { return }
            let unit = UInt32(truncatingIfNeeded: parameter) & 0xFFFF  // \u-10179 is U+D83D
            pendingSkip = state.unicodeSkip
            if (0xD800...0xDBFF).contains(unit) {
                highSurrogate = unit
                return
            }
            var scalarValue = unit
            if (0xDC00...0xDFFF).contains(unit) {
                guard let high = highSurrogate else { return }
                scalarValue = 0x10000 + ((high - 0xD800) << 10) + (unit - 0xDC00)
            }
            highSurrogate = nil
            if let scalar = Unicode.Scalar(scalarValue), scalarValue != 0 { emit(String(scalar)) }
        case "bin":
            // Binary data: skip its bytes unread.
            i = min(bytes.count, i + max(0, parameter ?? 0))
        case "par", "sect", "page": endParagraph()
        case "intbl": inTable = true
        case "pard": inTable = false
        case "line": emit("\n")
        case "cell", "nestcell":
            row.append(paragraph.trimmingSpaces())
            paragraph = ""
        case "row", "nestrow":
            let cells = row.filter { !$0.isEmpty }
            if !cells.isEmpty { paragraphs.append(cells.joined(separator: " · ")) }
            row = []
        case "v": state.hidden = parameter != 0
        case "deleted": state.hidden = parameter != 0
        case "footnote": state.destination = .footnote
        case "info": state.destination = .info("")
        case "title", "author":
            if case .info = state.destination { state.destination = .info(word) }
        case "creatim":
            if case .info = state.destination {
                state.destination = .info(word)
                inCreated = true
            }
        default:
            if let character = Self.characters[word] {
                if pendingSkip > 0 {
                    pendingSkip -= 1
                    return
                }
                emit(character)
            } else if Self.skippedDestinations.contains(word) {
                state.destination = .skip
            }
        }
    }

    mutating func emit(_ text: String) {
        guard !state.hidden else { return }
        switch state.destination {
        case .text: paragraph += text
        case .footnote: footnote += text == "\n" ? " " : text
        case .info(let field) where field == "title" || field == "author":
            info[field, default: ""] += text
        default: break
        }
    }

    mutating func endParagraph() {
        if case .footnote = state.destination {
            footnote += " "
            return
        }
        guard state.destination == .text else { return }
        if inTable {
            paragraph += " "  // a paragraph inside a cell: the cell goes on
        } else {
            paragraphs.append(paragraph)
            paragraph = ""
        }
    }

    /// Decodes the `\'hh` bytes waiting, with the current font's code page or the document's.
    mutating func flushBytes() {
        guard !pendingBytes.isEmpty else { return }
        let page = state.codePage ?? ansiCodePage
        let bytes = pendingBytes
        pendingBytes = []
        emit(TextDecoder.decode(bytes, charset: Self.charsetName(codePage: page)))
    }

    /// The iconv name of a Windows code page.
    static func charsetName(codePage: Int) -> String {
        switch codePage {
        case 10000: return "macintosh"
        case 437, 850, 852, 866: return "cp\(codePage)"
        case 932: return "cp932"
        case 936: return "gbk"
        case 949: return "cp949"
        case 950: return "big5"
        case 65001: return "utf-8"
        default: return "windows-\(codePage)"
        }
    }

    /// The code page of an `\fcharset` number, or nil for symbol and unknown charsets.
    static func codePage(charset: Int) -> Int? {
        let pages = [
            0: 1252, 77: 10000, 128: 932, 129: 949, 134: 936, 136: 950, 161: 1253, 162: 1254, 163: 1258, 177: 1255, 178: 1256,
            186: 1257, 204: 1251, 222: 874, 238: 1250, 254: 437,
        ]
        return pages[charset]
    }

    static func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: return byte - 0x30
        case 0x41...0x46: return byte - 0x41 + 10
        case 0x61...0x66: return byte - 0x61 + 10
        default: return nil
        }
    }
}

/// `7` → `07`; `2024` → `2024`.
private func padded(_ value: Int, _ width: Int) -> String {
    let text = "\(value)"
    return String(repeating: "0", count: max(0, width - text.count)) + text
}
