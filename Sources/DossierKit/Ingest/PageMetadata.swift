import Foundation

/// Chooses a web page's title, publication date and author among the candidates its markup offers,
/// by a fixed precedence (documented in `docs/formats.md`).
///
/// - Title: the article's `<h1>` when the page's own title (JSON-LD `headline`, `og:title` or
///   `<title>`) contains it (the visible headline, without the site's name); else JSON-LD
///   `headline`, `og:title` or `twitter:title`, the article's `<h1>`, `<title>`; a site name is cut
///   from `og:title` and `<title>`.
/// - Date: JSON-LD `datePublished`, `article:published_time` and the other publication metas, a
///   `<time>` or element marked `itemprop="datePublished"`, the article's first `<time datetime>`,
///   a date in the URL (`/2023/11/06/`), a dateline near the headline. Dates with a time zone keep
///   the calendar day and time as written (converting to UTC could move the day).
/// - Author: JSON-LD authors that are people, byline markup (`rel="author"`, `itemprop="author"`,
///   a class `byline` or `author`), `meta name="author"` and its relatives unless they name the
///   site, JSON-LD authors that are organisations, a `By …` line. Several authors are joined by `; `.
struct PageMetadata {
    var title: String?
    var date: String?
    var author: String?

    // MARK: Title

    /// Separators between a page's title and its site's name.
    static let titleSeparators = [" | ", " – ", " — ", " - ", " • ", " · ", " :: ", " » ", " « ", " ~ ", " / "]

    /// The title by the precedence above. `h1` is the article's headline; `h1InContent` says whether
    /// it stands in the extracted article (an `<h1>` elsewhere is often the site's logo).
    static func title(
        headline: String?, metaTitle: String?, h1: String?, h1InContent: Bool = true, titleElement: String?, siteName: String?
    )
        -> String?
    {
        let headline = nonEmpty(headline.map(decodingEntities))
        let metaTitle = nonEmpty(metaTitle.map(decodingEntities))
        let titleElement = nonEmpty(titleElement.map(decodingEntities))
        let h1 = h1.map(Whitespace.collapse).flatMap { $0.isEmpty || $0.count > 300 ? nil : $0 }
        if let h1 {
            let lowered = h1.lowercased()
            for candidate in [headline, metaTitle, titleElement].compactMap({ $0 }) {
                // The headline must be most of the title, not the site's name left in it.
                let core = withoutSiteName(candidate, siteName: siteName).lowercased()
                if candidate.lowercased().contains(lowered), lowered.count * 2 >= core.count { return h1 }
            }
        }
        if let headline { return headline }
        if let meta = metaTitle { return withoutSiteName(meta, siteName: siteName) }
        if let h1, h1InContent { return h1 }
        return titleElement.map { withoutSiteName($0, siteName: siteName) }
    }

    /// Character references left in attribute values that were escaped twice (`&amp;#8211;`), and
    /// the named ones common in titles, decoded.
    static func decodingEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        let named: [String: String] = [
            "amp": "&", "quot": "\"", "apos": "'", "lt": "<", "gt": ">", "nbsp": " ", "bull": "•", "ndash": "–", "mdash": "—",
            "hellip": "…", "laquo": "«", "raquo": "»", "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "middot": "·",
        ]
        var out = ""
        var rest = text[...]
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            guard let semicolon = after.prefix(10).firstIndex(of: ";") else {
                out += "&"
                rest = after
                continue
            }
            let name = after[..<semicolon]
            var decoded: String? = named[String(name)]
            if name.hasPrefix("#") {
                let digits = name.dropFirst()
                let value = digits.hasPrefix("x") || digits.hasPrefix("X") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
                decoded = value.flatMap(Unicode.Scalar.init).map { String(Character($0)) }
            }
            if let decoded {
                out += decoded
                rest = after[after.index(after: semicolon)...]
            } else {
                out += "&"
                rest = after
            }
        }
        return out + rest
    }

    /// `title` without the site's name: a part equal to `siteName` goes; else the parts after the
    /// first separator go when they are short (three words or fewer), as sites append their name.
    static func withoutSiteName(_ title: String, siteName: String?) -> String {
        var parts: [String] = [title]
        var separator = ""
        for candidate in titleSeparators where title.contains(candidate) {
            parts = title.components(separatedBy: candidate)
            separator = candidate
            break
        }
        guard parts.count > 1 else { return title }
        if let site = nonEmpty(siteName)?.lowercased() {
            let remaining = parts.filter { Whitespace.collapse($0).lowercased() != site }
            if remaining.count < parts.count, !remaining.isEmpty { return Whitespace.collapse(remaining.joined(separator: separator)) }
        }
        // The longest part, with the short parts that follow it dropped and the others kept.
        while parts.count > 1, let last = parts.last, last.split(separator: " ").count <= 3 {
            parts.removeLast()
        }
        while parts.count > 1, let first = parts.first, first.split(separator: " ").count <= 2,
            parts.dropFirst().joined().split(separator: " ").count > 3
        {
            parts.removeFirst()
        }
        let result = Whitespace.collapse(parts.joined(separator: separator))
        return result.isEmpty ? title : result
    }

    static func nonEmpty(_ text: String?) -> String? {
        guard let text else { return nil }
        let collapsed = Whitespace.collapse(text)
        return collapsed.isEmpty ? nil : collapsed
    }

    // MARK: Date

    /// The first candidate that is a date, normalised; zoned times keep their local day and time.
    static func date(_ candidates: [String?]) -> String? {
        for candidate in candidates {
            guard let text = nonEmpty(candidate) else { continue }
            if let date = localDate(text) { return date }
        }
        return nil
    }

    /// `text` as a date: an ISO date and time keeps its local day and time (the zone is dropped),
    /// other forms are normalised by ``DateParser``.
    static func localDate(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        if bytes.count >= 19, isDigits(bytes[0..<4]), bytes[4] == 0x2D, isDigits(bytes[5..<7]), bytes[7] == 0x2D,
            isDigits(bytes[8..<10]), bytes[10] == 0x54 || bytes[10] == 0x20, isDigits(bytes[11..<13]), bytes[13] == 0x3A
        {
            if let local = DateParser.normalize(String(decoding: bytes[0..<19], as: UTF8.self)) { return local }
            if let day = DateParser.normalize(String(decoding: bytes[0..<10], as: UTF8.self)) { return day }
        }
        return DateParser.normalize(text)
    }

    static func isDigits(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// A date in a URL's path: `/2023/11/06/`, `/2023-11-06`, `/20231106/`; a year and month alone
    /// are not a day and give nil.
    static func date(inURL url: String?) -> String? {
        guard let url else { return nil }
        let bytes = Array(url.utf8)
        var i = 0
        while i + 8 <= bytes.count {
            guard bytes[i] == 0x2F || bytes[i] == 0x2D || bytes[i] == 0x5F else {
                i += 1
                continue
            }
            let rest = bytes[(i + 1)...]
            func number(_ from: Int, _ count: Int) -> Int? {
                let start = rest.startIndex + from
                guard start + count <= rest.endIndex, isDigits(rest[start..<start + count]) else { return nil }
                return Int(String(decoding: rest[start..<start + count], as: UTF8.self))
            }
            func separator(_ at: Int) -> Bool {
                let index = rest.startIndex + at
                return index < rest.endIndex && (rest[index] == 0x2F || rest[index] == 0x2D || rest[index] == 0x5F)
            }
            func boundary(_ at: Int) -> Bool {
                let index = rest.startIndex + at
                return index >= rest.endIndex || !(rest[index] >= 0x30 && rest[index] <= 0x39)
            }
            if let year = number(0, 4), (1990...2099).contains(year) {
                if separator(4), let month = number(5, 2), separator(7), let day = number(8, 2), boundary(10),
                    let date = DateParser.validate(DateParser.DateParts(year: year, month: month, day: day))
                {
                    return DateParser.format(date)
                }
                if let month = number(4, 2), let day = number(6, 2), boundary(8),
                    let date = DateParser.validate(DateParser.DateParts(year: year, month: month, day: day))
                {
                    return DateParser.format(date)
                }
            }
            i += 1
        }
        return nil
    }

    // MARK: Author

    /// Words that introduce a byline, cut from its start.
    static let bylinePrefixes = [
        "written by", "posted by", "published by", "geschrieben von", "verfasst von", "ein beitrag von", "von", "by", "par",
        "por", "di", "door", "autor:", "autorin:", "author:", "auteur :", "auteur:", "text:", "texto:", "tekst:", "autor",
    ]

    static let weekdays: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "montag", "dienstag", "mittwoch", "donnerstag",
        "freitag", "samstag", "sonntag", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    ]

    /// Words of the labels around bylines, which are not names on their own.
    static let bylineLabels: Set<String> = [
        "by", "von", "par", "por", "posted", "published", "publiziert", "veröffentlicht", "erstellt", "geschrieben", "am", "on", "um",
        "autor", "autorin", "author", "authors", "auteur", "auteurs", "autoren", "stand", "aktualisiert", "updated", "publié", "publicado",
        "le", "el", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "montag", "dienstag", "mittwoch",
        "donnerstag", "freitag", "samstag", "sonntag", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    ]

    /// The name in a byline: its prefix (`By`, `Von`, `Par`…) cut, nil when what is left does not
    /// look like names (too long, a sentence, a link label).
    static func name(inByline text: String) -> String? {
        var name = Whitespace.collapse(text)
        // `Posted on 3 May 2021 by Ann Reed`: the name follows the last `by`.
        for word in [" by ", " von ", " par ", " por "] {
            if let found = name.range(of: word, options: [.caseInsensitive, .backwards]) {
                name = String(name[found.upperBound...])
                break
            }
        }
        let lowered = name.lowercased()
        if ["foto:", "photo:", "bild:", "image:", "credit:"].contains(where: { lowered.hasPrefix($0) }) { return nil }
        for prefix in bylinePrefixes where lowered.hasPrefix(prefix + " ") || (prefix.hasSuffix(":") && lowered.hasPrefix(prefix)) {
            name = Whitespace.collapse(String(name.dropFirst(prefix.count)))
            break
        }
        name = name.trimmingCharacters(in: CharacterSet(charactersIn: " :|,·•-–—"))
        guard name.count >= 2, name.count <= 80, name.split(separator: " ").count <= 8 else { return nil }
        guard !name.unicodeScalars.contains(where: { "→←»«@".unicodeScalars.contains($0) }) else { return nil }
        // A date or time beside the name, and a role in parentheses, go.
        if let open = name.firstIndex(of: "("), let close = name[open...].firstIndex(of: ")") {
            name = String(name[..<open] + name[name.index(after: close)...])
        }
        if name.contains(where: \.isNumber) {
            // The date's own words go with its numbers (`12. März 2021`, `Monday, May 3, 2021`).
            name = name.split(separator: " ").filter { word in
                let bare = word.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ".,:;"))
                return !word.contains(where: \.isNumber) && DatelineFinder.months[bare] == nil && !weekdays.contains(bare)
            }.joined(separator: " ")
        }
        name = Whitespace.collapse(name).trimmingCharacters(in: CharacterSet(charactersIn: " :|,·•-–—/@"))
        let loweredName = name.lowercased()
        for label in ["redaktion:", "text:", "autor:", "autorin:", "author:"] where loweredName.hasPrefix(label) {
            name = Whitespace.collapse(String(name.dropFirst(label.count)))
        }
        guard name.count >= 2 else { return nil }
        guard !name.unicodeScalars.contains(where: { "*()[]{}?!".unicodeScalars.contains($0) }) else { return nil }
        // Labels and dates without a name: `Veröffentlicht am`, `Posted on September`, `Autor`.
        let words = name.lowercased().split(whereSeparator: { $0 == " " || $0 == "," || $0 == "." || $0 == ":" })
        if words.allSatisfy({ bylineLabels.contains(String($0)) || DatelineFinder.months[String($0)] != nil }) { return nil }
        if let last = words.last, ["am", "on", "le", "el", "il", "um"].contains(String(last)) { return nil }
        return name
    }

    /// The name in a line that is a byline by its first words (`By Ann Reed`, `Von Ann Reed`,
    /// `Text: Ann Reed`, `Blog post by Ann Reed`), or nil.
    static func name(inBylineLine line: String) -> String? {
        guard line.utf8.count <= 160, !line.utf8.contains(0x0A) else { return nil }
        let words = line.split(separator: " ", maxSplits: 4)
        // The introducing word may follow a word or two (`Ein Beitrag von`, `Blog post by`).
        for (index, word) in words.prefix(3).enumerated() {
            let lowered = word.lowercased()
            guard ["by", "von", "par", "por", "autor:", "autorin:", "author:", "text:", "texto:", "tekst:", "auteur:"].contains(lowered)
            else { continue }
            let rest = words[(index + 1)...].joined(separator: " ")
            guard let first = rest.unicodeScalars.first, first.properties.isUppercase else { return nil }
            return name(inByline: rest)
        }
        // `11.12.2019 - Ann Reed`: a dateline with a name of two to four capitalised words.
        if line.utf8.count <= 80, DatelineFinder.date(in: line) != nil, let rest = name(inByline: line) {
            let parts = rest.split(separator: " ")
            if (2...4).contains(parts.count), parts.allSatisfy({ $0.unicodeScalars.first?.properties.isUppercase == true }),
                !parts.contains(where: { DatelineFinder.months[$0.lowercased()] != nil || bylineLabels.contains($0.lowercased()) })
            {
                return rest
            }
        }
        return nil
    }

    /// A user name used as a display name (`ann.reed`, `ann_reed`) with spaces for its separators.
    static func spacedUserName(_ name: String) -> String {
        guard !name.contains(" "), name.contains(".") || name.contains("_"), !name.contains("@"),
            name.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || $0 == "." || $0 == "_" || $0 == "-" })
        else { return name }
        return name.replacingOccurrences(of: ".", with: " ").replacingOccurrences(of: "_", with: " ")
    }

    /// The first author among the candidates, in precedence order; a meta author that is the site's
    /// own name (or its publisher's) is skipped while a person is still to come.
    static func author(
        people: [String], bylines: [String], metas: [String], organisations: [String], siteNames: [String], bylineText: String?
    )
        -> String?
    {
        let sites = Set(siteNames.map { $0.lowercased() })
        if !people.isEmpty { return people.joined(separator: "; ") }
        if let byline = bylines.lazy.compactMap(name(inByline:)).first { return byline }
        if let meta = metas.first(where: { !sites.contains($0.lowercased()) }) { return spacedUserName(meta) }
        if let meta = metas.first { return spacedUserName(meta) }
        if !organisations.isEmpty { return organisations.joined(separator: "; ") }
        return bylineText
    }
}
