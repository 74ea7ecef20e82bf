import Foundation

/// Chooses a web page's title, publication date and author among the candidates its markup offers,
/// by a fixed precedence (documented in `docs/formats.md`).
///
/// - Title: a heading (`<h1>`–`<h3>`, the article's first) that agrees with the page's own title
///   (JSON-LD `headline`, `og:title` or `<title>`, without the site's name, or a part of it); else
///   JSON-LD `headline`, `og:title` or `twitter:title`, the article's `<h1>`, `<title>`; a site
///   name is cut from `og:title` and `<title>`, and a title that is only the site's name is passed over.
/// - Date: JSON-LD `datePublished`, `article:published_time` and the other publication metas, a
///   `<time>` or element marked `itemprop="datePublished"`, the article's first `<time datetime>`,
///   a date in the URL (`/2023/11/06/`), a dateline near the headline. Dates with a time zone keep
///   the calendar day and time as written (converting to UTC could move the day).
/// - Author: JSON-LD authors that are people (an `@id` reference read from the `@graph`), byline
///   markup (`rel="author"`, `itemprop="author"`, a class `byline` or `author`), `meta
///   name="author"` and its relatives unless they name the site, a link to an author's page
///   (`/author/…`), JSON-LD authors that are organisations, a `By …` line. Several authors are joined by `; `.
struct PageMetadata {
    var title: String?
    var date: String?
    var author: String?

    // MARK: Title

    /// Separators between a page's title and its site's name.
    static let titleSeparators = [" | ", " – ", " — ", " - ", " • ", " · ", " :: ", " » ", " « ", " ~ ", " / "]

    /// A heading of the page (`<h1>`–`<h3>`) offered as the article's title.
    struct Heading: Equatable {
        var text: String
        /// 1 for `<h1>`, 2 for `<h2>`, 3 for `<h3>`.
        var level: Int
        /// True when the heading stands in the extracted article.
        var inContent: Bool
        /// True when its class or `itemprop` names a title (`entry-title`, `headline`).
        var marked: Bool = false
    }

    /// The title by the precedence above. `h1` is the article's headline; `h1InContent` says whether
    /// it stands in the extracted article (an `<h1>` elsewhere is often the site's logo).
    static func title(
        headline: String?, metaTitle: String?, h1: String?, h1InContent: Bool = true, titleElement: String?, siteName: String?
    )
        -> String?
    {
        let headings = h1.map { [Heading(text: $0, level: 1, inContent: h1InContent)] } ?? []
        return title(headline: headline, metaTitle: metaTitle, headings: headings, titleElement: titleElement, siteName: siteName)
    }

    /// The title among the page's own titles (JSON-LD `headline`, `og:title`, `<title>`) and its
    /// headings, in document order.
    ///
    /// A visible heading wins when one of the page's titles agrees with it: equal to the title
    /// without the site's name, or (an `<h1>` or a heading marked as a title) to the title as
    /// written or most of it, or equal to one of its parts between separators (a blog's post title
    /// is often an `<h2>` below the blog's name). A heading that holds the whole title and more (a
    /// kicker before it) gives way to the title. Headings equal to the site's name are passed over,
    /// and so are titles that are only the site's name. Without agreement: the `<h1>` kept in the
    /// article, else the page's only `<h1>` (judged titles follow the visible headline), a heading
    /// equal to a part of a title, JSON-LD `headline`, `og:title`, a heading in the article marked
    /// as a title, `<title>`.
    static func title(headline: String?, metaTitle: String?, headings: [Heading], titleElement: String?, siteName: String?) -> String? {
        let headline = nonEmpty(headline.map(decodingEntities))
        let metaTitle = nonEmpty(metaTitle.map(decodingEntities))
        let titleElement = nonEmpty(titleElement.map(decodingEntities))
        let site = nonEmpty(siteName).map(comparable)
        func isSite(_ text: String) -> Bool { comparable(text) == site }
        let headings = headings.compactMap { heading -> Heading? in
            var heading = heading
            heading.text = Whitespace.collapse(heading.text)
            guard !heading.text.isEmpty, heading.text.count <= 300, !isSite(heading.text) else { return nil }
            return heading
        }
        // The page's titles as written and without the site's name, and the parts between their
        // separators (after a colon only when long: `Kicker: Headline`).
        var written: [String] = []
        var cores: [(key: String, text: String)] = []
        var parts: [String] = []
        for candidate in [headline, metaTitle, titleElement].compactMap({ $0 }) {
            if !isSite(candidate) { written.append(comparable(candidate)) }
            let core = candidate == headline ? candidate : withoutSiteName(candidate, siteName: siteName)
            if !isSite(core) { cores.append((comparable(core), core)) }
            if let separator = titleSeparators.first(where: { candidate.contains($0) }) {
                parts += candidate.components(separatedBy: separator).filter { $0.count >= 2 && !isSite($0) }.map(comparable)
            }
            parts += candidate.components(separatedBy: ": ").dropFirst().filter { $0.count >= 12 }.map(comparable)
        }
        // `<h1>` before `<h2>` before `<h3>`, the article's own first.
        let ordered = headings.enumerated().sorted {
            ($0.element.level, $0.element.inContent ? 0 : 1, $0.offset) < ($1.element.level, $1.element.inContent ? 0 : 1, $1.offset)
        }.map(\.element)
        for heading in ordered where cores.contains(where: { $0.key == comparable(heading.text) }) { return heading.text }
        for heading in ordered where heading.level == 1 || heading.marked {
            if written.contains(comparable(heading.text)) { return heading.text }
        }
        // The headline, most of a title; or a title with a kicker before it.
        for heading in ordered where heading.level == 1 || heading.marked {
            let key = comparable(heading.text)
            for core in cores where core.key.count >= 8 {
                if written.contains(where: { $0.contains(key) }), key.count * 2 >= core.key.count { return heading.text }
                if core.key.contains(key), key.count * 2 >= core.key.count { return heading.text }
                if key.contains(core.key), core.key.count * 2 >= key.count { return core.text }
            }
        }
        let key = ordered.map { comparable($0.text) }
        for (n, heading) in ordered.enumerated() where heading.level == 1 || heading.marked || heading.inContent {
            if parts.contains(key[n]) { return heading.text }
        }
        // No agreement: the article's visible headline, a heading equal to a part of a title, the page's titles.
        let article = ordered.filter(\.inContent)
        if let heading = article.first(where: { $0.level == 1 }) { return heading.text }
        let h1 = ordered.filter { $0.level == 1 }
        if h1.count == 1 || (h1.count > 1 && h1.allSatisfy({ $0.text == h1[0].text })) { return h1[0].text }
        for (n, heading) in ordered.enumerated() where parts.contains(key[n]) { return heading.text }
        if let headline, !isSite(headline) { return headline }
        if let meta = metaTitle.map({ withoutSiteName($0, siteName: siteName) }), !isSite(meta) { return meta }
        if let heading = article.first(where: \.marked) { return heading.text }
        if let title = titleElement.map({ withoutSiteName($0, siteName: siteName) }), !isSite(title) { return title }
        return article.first?.text ?? titleElement ?? metaTitle ?? headline
    }

    /// `text` as titles are compared: lowercased, white space collapsed, typographic quotes,
    /// dashes and ellipses as their ASCII forms (a `<title>` often has `-` where the heading has `–`).
    static func comparable(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.lowercased().unicodeScalars {
            switch scalar {
            case "\u{2018}", "\u{2019}", "\u{201A}", "\u{2032}", "`", "´": out.append("'")
            case "\u{201C}", "\u{201D}", "\u{201E}", "«", "»", "\u{2033}": out.append("\"")
            case "\u{2013}", "\u{2014}", "\u{2012}", "\u{2212}": out.append("-")
            case "\u{2026}": out.append("...")
            case "\u{00A0}": out.append(" ")
            default: out.unicodeScalars.append(scalar)
            }
        }
        return Whitespace.collapse(out).trimmingCharacters(in: CharacterSet(charactersIn: " \"'"))
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

    /// The first candidate that is a date, as ``date(_:)`` reads it, with its day made local when it
    /// is a time in UTC.
    ///
    /// A UTC time's calendar day is not always the day the page was published where it was written:
    /// `2022-05-04T00:44:52Z` is the evening of 3 May in Brazil. So when the chosen candidate is in
    /// UTC, the page's other dates say which zone it was written in, most trusted first:
    /// - a later candidate or a `<time>` on the page with its own offset (`-03:00`): the UTC time is
    ///   moved to that offset, since a site writes all its times in one zone;
    /// - one without a zone whose time is the UTC time moved by whole quarter hours (`21:44:52`);
    /// - a day alone in a later candidate, the URL or a dateline by the headline (`days`), when a
    ///   zone within 10 hours of UTC reaches it from the UTC time and none of them names the UTC
    ///   day itself (a masthead may show today's date).
    /// A day alone in a page's dated elements is not trusted: sidebars and comments are dated too.
    /// Without such evidence, a UTC time of exactly 22:00:00 or 23:00:00 is read as the next day: it
    /// is how a date without a time, stored as midnight in a zone one or two hours east of UTC (most
    /// of Europe), comes out of a system that writes UTC.
    static func publishedDate(_ candidates: [String?], days: () -> [String?], times: () -> [String]) -> String? {
        guard let index = candidates.firstIndex(where: { nonEmpty($0).flatMap(localDate) != nil }) else { return nil }
        let chosen = localDate(nonEmpty(candidates[index])!)!
        guard let instant = utcSeconds(nonEmpty(candidates[index])!) else { return chosen }
        let later = candidates[(index + 1)...].compactMap { nonEmpty($0) }
        for text in later + times() {
            guard let local = localDate(text), local.utf8.count > 10, let zoned = DateParser.normalize(text) else { continue }
            let localSeconds = DateParser.seconds(of: local)!
            if zoned.hasSuffix("Z"), let utc = DateParser.seconds(of: zoned), localSeconds != utc {
                return DateParser.local(seconds: instant + localSeconds - utc)
            }
            let shift = localSeconds - instant
            if !zoned.hasSuffix("Z"), shift != 0, shift % 900 == 0, abs(shift) <= 14 * 3600 { return local }
        }
        let day = DateParser.dayNumber(of: chosen)!
        let reachable =
            DateParser.dayNumber(of: DateParser.local(seconds: instant - 10 * 3600))!...DateParser.dayNumber(
                of: DateParser.local(seconds: instant + 10 * 3600))!
        let shown = (later + days().compactMap { nonEmpty($0) }).compactMap(localDate).filter { $0.utf8.count == 10 }
        if !shown.contains(where: { DateParser.dayNumber(of: $0) == day }),
            let other = shown.first(where: { reachable.contains(DateParser.dayNumber(of: $0)!) })
        {
            return other
        }
        let time = chosen.dropFirst(10).prefix(9)
        if time == "T22:00:00" || time == "T23:00:00" { return DateParser.date(dayNumber: day + 1) }
        return chosen
    }

    /// Seconds since 1970 of `raw` when it is a date and time in UTC (`Z`, `+00:00`, `GMT`), else nil.
    static func utcSeconds(_ raw: String) -> Int64? {
        guard let read = localDate(raw), read.utf8.count > 10, let zoned = DateParser.normalize(raw), zoned.hasSuffix("Z"),
            read == zoned || read + "Z" == zoned
        else { return nil }
        return DateParser.seconds(of: zoned)
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

    /// Words that say a date in a line is the publication date, in several languages.
    static let publishedLabels = [
        "published", "posted", "veröffentlicht", "erschienen", "publiziert", "erstellt", "publié", "publie le", "publicado", "publicada",
        "pubblicato", "opublikowano", "postado", "gepubliceerd", "datum:", "date:", "fecha:",
    ]
    /// Words that say a date in a line is when the page was last changed.
    static let updatedLabels = [
        "updated", "last edited", "last modified", "aktualisiert", "letzte änderung", "stand:", "stand ", "mis à jour", "actualizado",
        "aggiornato", "zaktualizowano", "bijgewerkt",
    ]

    /// A written date that opens one of the article's `lines` (`27.1.2022 - The council…`, a
    /// dateline), else the first short line of the page (`elsewhere`) that holds a date after one
    /// of `labels` (`Erschienen am: 01.11.2023`, `Published 3 May 2021`).
    static func date(inLines lines: [String], elsewhere: [String], labels: [String] = publishedLabels) -> String? {
        for line in lines.prefix(40) {
            let head = String(line.prefix(24))
            guard let first = head.unicodeScalars.first, first.properties.numericType != nil else { continue }
            if let date = DatelineFinder.date(in: head) { return date }
        }
        for line in elsewhere.prefix(600) where line.utf8.count <= 160 {
            let lowered = line.lowercased()
            guard let label = labels.lazy.compactMap({ lowered.range(of: $0) }).first else { continue }
            if let date = DatelineFinder.date(in: String(lowered[label.upperBound...])) { return date }
        }
        return nil
    }

    /// A date in a URL's path: `/2023/11/06/`, `/2023-11-06`, `/20231106/`, `/06-11-2023`; a year and month alone
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
            // `/29-10-2021`: day first, unless only the second number can be a day.
            if let first = number(0, 2), separator(2), let second = number(3, 2), separator(5), let year = number(6, 4), boundary(10),
                (1990...2099).contains(year)
            {
                let (day, month) = first <= 12 && second > 12 ? (second, first) : (first, second)
                if let date = DateParser.validate(DateParser.DateParts(year: year, month: month, day: day)) {
                    return DateParser.format(date)
                }
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
                return !word.contains(where: \.isNumber) && DatelineFinder.months[bare] == nil && !weekdays.contains(bare) && bare != "uhr"
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
        people: [String], bylines: [String], metas: [String], authorLinks: [String] = [], organisations: [String], siteNames: [String],
        bylineText: String?
    )
        -> String?
    {
        let sites = Set(siteNames.map { $0.lowercased() })
        let people = people.filter { !isPlaceholder($0) }
        if !people.isEmpty { return people.joined(separator: "; ") }
        if let byline = bylines.lazy.compactMap(name(inByline:)).first(where: { !isPlaceholder($0) }) { return byline }
        let metas = metas.filter { !isPlaceholder($0) }
        if let meta = metas.first(where: { !sites.contains($0.lowercased()) }) { return spacedUserName(meta) }
        if let link = authorLinks.lazy.compactMap(name(inByline:)).first(where: { !isPlaceholder($0) }) { return link }
        if !organisations.isEmpty { return organisations.joined(separator: "; ") }
        // A visible `By …` line before the site's own name.
        if let bylineText, !isPlaceholder(bylineText) { return bylineText }
        return metas.first.map(spacedUserName)
    }

    /// Names that content systems put where no author was given (`admin`, `No Author`) and
    /// labels read as names (`Follow`, `Stand: Uhr`).
    static func isPlaceholder(_ name: String) -> Bool {
        let lowered = Whitespace.collapse(name).lowercased()
        if ["admin", "administrator", "wordpressadmin", "webmaster", "no author", "follow", "folgen", "author"]
            .contains(lowered)
        {
            return true
        }
        let words = lowered.split(whereSeparator: { $0 == " " || $0 == ":" || $0 == "," || $0 == "." })
        return words.contains { ["uncategorized"].contains(String($0)) }
    }
}
