/// Turns the dates found in articles into normalised ISO 8601.
///
/// Output forms:
/// - a date and time with a known zone becomes UTC: `1993-04-29T15:32:10Z`;
/// - a date and time without a zone stays as written, without a zone: `1993-04-29T17:30:25`;
/// - a date alone: `1993-04-29`.
///
/// Recognised inputs:
/// - ISO 8601 and its common relatives: `2023-07-06`, `2023-07-06T10:00:00.123+02:00`,
///   `2023-07-06 10:00:00Z`, `20230706T100000Z`, `2023/07/06`;
/// - RFC 2822 and RFC 822 e-mail dates, with or without the weekday, two-digit years (00–49 are
///   20xx, 50–99 are 19xx), a missing seconds field, numeric zones and the obsolete zone names
///   (`UT`, `GMT`, `EST`…`PDT`, military letters, which count as UTC), and a trailing comment
///   such as `(PDT)`;
/// - `ctime` (`Thu Apr 29 17:30:25 1993`) and prose dates such as `April 29, 1993 5:30 PM` or
///   `29 April 1993`;
/// - numeric dates `29.04.1993` (day first) and `04/29/1993` only when the day and month cannot be
///   confused (one of them is above 12).
///
/// Anything else gives nil rather than a guess.
///
/// ```swift
/// DateParser.normalize("Thu, 29 Apr 93 15:32:10 GMT")  // "1993-04-29T15:32:10Z"
/// ```
public enum DateParser {
    /// Normalises `text` to ISO 8601, or returns nil when it is not a date this parser understands.
    public static func normalize(_ text: String) -> String? {
        let trimmed = Whitespace.collapse(text)
        guard !trimmed.isEmpty, trimmed.utf8.count <= 100 else { return nil }
        if let iso = iso8601(Array(trimmed.utf8)) { return iso }
        return freeForm(trimmed)
    }

    /// Seconds since 1970 as ISO 8601 UTC, to the second: `1993-04-29T15:32:10Z`.
    public static func iso(epochSeconds: Double) -> String? {
        guard epochSeconds.isFinite, abs(epochSeconds) < 1e13 else { return nil }
        let seconds = Int64(epochSeconds.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let rest = Int(seconds - days * 86_400)
        let (y, m, d) = civil(fromDays: days)
        guard (1...9999).contains(y) else { return nil }
        return format(DateParts(year: y, month: m, day: d, hour: rest / 3600, minute: rest / 60 % 60, second: rest % 60, offset: 0))
    }

    /// The parts of a parsed date; `hour` nil for a date alone, `offset` (minutes east of UTC) nil when the zone is unknown.
    struct DateParts: Equatable {
        var year: Int
        var month: Int
        var day: Int
        var hour: Int? = nil
        var minute = 0
        var second = 0
        var offset: Int? = nil
    }

    // MARK: ISO 8601

    /// `YYYY-MM-DD`, `YYYY/MM/DD`, `YYYYMMDD`, each optionally followed by `T` or a space and a time.
    static func iso8601(_ b: [UInt8]) -> String? {
        var i = 0
        func digits(_ count: Int) -> Int? {
            guard i + count <= b.count else { return nil }
            var value = 0
            for k in i..<(i + count) {
                guard b[k] >= 48, b[k] <= 57 else { return nil }
                value = value * 10 + Int(b[k] - 48)
            }
            i += count
            return value
        }
        guard let year = digits(4) else { return nil }
        var separator: UInt8? = nil
        if i < b.count, b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "/") || b[i] == UInt8(ascii: ".") {
            separator = b[i]
            i += 1
        }
        guard let month = digits(2) else { return nil }
        if let separator {
            guard i < b.count, b[i] == separator else { return nil }
            i += 1
        }
        guard let day = digits(2) else { return nil }
        var parts = DateParts(year: year, month: month, day: day)
        if i == b.count { return validate(parts).map(format) }
        guard b[i] == UInt8(ascii: "T") || b[i] == UInt8(ascii: "t") || b[i] == UInt8(ascii: " ") else { return nil }
        i += 1
        guard let hour = digits(2) else { return nil }
        let colon = i < b.count && b[i] == UInt8(ascii: ":")
        if colon { i += 1 }
        guard let minute = digits(2) else { return nil }
        parts.hour = hour
        parts.minute = minute
        if i < b.count, (colon && b[i] == UInt8(ascii: ":")) || (!colon && b[i] >= 48 && b[i] <= 57) {
            if colon { i += 1 }
            guard let second = digits(2) else { return nil }
            parts.second = second
            if i < b.count, b[i] == UInt8(ascii: ".") || b[i] == UInt8(ascii: ",") {
                i += 1
                while i < b.count, b[i] >= 48, b[i] <= 57 { i += 1 }
            }
        }
        while i < b.count, b[i] == UInt8(ascii: " ") { i += 1 }
        if i == b.count { return validate(parts).map(format) }
        let rest = String(decoding: b[i...], as: UTF8.self)
        guard let offset = zoneOffset(rest) else { return nil }
        parts.offset = offset
        return validate(parts).map(format)
    }

    // MARK: Free-form dates (RFC 2822, ctime, prose)

    static let months: [String: Int] = [
        "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4, "may": 5,
        "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9,
        "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
    ]

    static let weekdays: Set<String> = [
        "mon", "monday", "tue", "tues", "tuesday", "wed", "wednesday", "thu", "thur", "thurs", "thursday",
        "fri", "friday", "sat", "saturday", "sun", "sunday",
    ]

    /// Zone names and their offsets in minutes east of UTC: RFC 822's names plus common ones
    /// that are not ambiguous. Ambiguous names (`IST`, `CST` of China) are read as RFC 822 says.
    static let zones: [String: Int] = [
        "ut": 0, "utc": 0, "gmt": 0, "z": 0, "wet": 0,
        "est": -300, "edt": -240, "cst": -360, "cdt": -300, "mst": -420, "mdt": -360, "pst": -480, "pdt": -420,
        "akst": -540, "akdt": -480, "hst": -600, "ast": -240, "adt": -180, "nst": -210, "ndt": -150,
        "bst": 60, "west": 60, "cet": 60, "met": 60, "mez": 60, "cest": 120, "mest": 120, "mesz": 120,
        "eet": 120, "eest": 180, "msk": 180, "msd": 240, "jst": 540, "kst": 540, "hkt": 480, "sgt": 480,
        "awst": 480, "acst": 570, "aest": 600, "aedt": 660, "nzst": 720, "nzdt": 780,
    ]

    private enum Token {
        case number(Int, digits: Int)
        case time(hour: Int, minute: Int, second: Int)
        case word(String)
        case offset(Int)
        case separator(Character)
    }

    /// Dates with named months, ctime, and numeric day-month-year forms.
    static func freeForm(_ text: String) -> String? {
        guard let tokens = tokenize(text) else { return nil }
        var month: Int? = nil
        var numbers: [(value: Int, digits: Int)] = []
        var numericSeparators: [Character] = []
        var time: (hour: Int, minute: Int, second: Int)? = nil
        var offset: Int? = nil
        var pm: Bool? = nil
        for token in tokens {
            switch token {
            case .number(let value, let digits):
                numbers.append((value, digits))
            case .time(let h, let m, let s):
                guard time == nil else { return nil }
                time = (h, m, s)
            case .offset(let minutes):
                offset = minutes
            case .separator(let c):
                numericSeparators.append(c)
            case .word(let word):
                if let m = months[word] {
                    guard month == nil else { return nil }
                    month = m
                } else if weekdays.contains(word) || word == "at" || word == "of" || word == "the" || word == "on" {
                    continue
                } else if word == "am" || word == "a.m" {
                    pm = false
                } else if word == "pm" || word == "p.m" {
                    pm = true
                } else if let zone = zones[word] {
                    offset = zone
                } else if word.count == 1, let c = word.unicodeScalars.first, c.value >= 97, c.value <= 122, c != "j" {
                    offset = 0  // RFC 2822: military zones are read as UTC ("-0000")
                } else if word == "st" || word == "nd" || word == "rd" || word == "th" {
                    continue
                } else {
                    return nil
                }
            }
        }
        var parts: DateParts
        if let month {
            guard numbers.count == 2 else { return nil }
            let (day, year): ((value: Int, digits: Int), (value: Int, digits: Int))
            if numbers[0].digits >= 3 {
                (year, day) = (numbers[0], numbers[1])
            } else {
                (day, year) = (numbers[0], numbers[1])
            }
            guard day.digits <= 2 else { return nil }
            parts = DateParts(year: fullYear(year.value, digits: year.digits), month: month, day: day.value)
        } else {
            guard numbers.count == 3, Set(numericSeparators).count == 1, numericSeparators.count == 2 else { return nil }
            let separator = numericSeparators[0]
            let (a, b, c) = (numbers[0], numbers[1], numbers[2])
            guard c.digits == 4 || c.digits == 2, a.digits <= 2, b.digits <= 2 else { return nil }
            let year = fullYear(c.value, digits: c.digits)
            if separator == "." || separator == "-" {
                parts = DateParts(year: year, month: b.value, day: a.value)  // 29.04.1993: day first
            } else if a.value > 12, b.value <= 12 {
                parts = DateParts(year: year, month: b.value, day: a.value)
            } else if b.value > 12, a.value <= 12 {
                parts = DateParts(year: year, month: a.value, day: b.value)
            } else {
                return nil  // 04/05/2023: day and month cannot be told apart
            }
        }
        if let time {
            var hour = time.hour
            if let pm {
                guard (1...12).contains(hour) else { return nil }
                hour = hour % 12 + (pm ? 12 : 0)
            }
            parts.hour = hour
            parts.minute = time.minute
            parts.second = time.second
            parts.offset = offset
        }
        return validate(parts).map(format)
    }

    /// RFC 2822 §4.3: two-digit years 00–49 are 2000–2049, 50–99 are 1950–1999; three digits add 1900.
    static func fullYear(_ value: Int, digits: Int) -> Int {
        switch digits {
        case 1, 2: return value < 50 ? 2000 + value : 1900 + value
        case 3: return 1900 + value
        default: return value
        }
    }

    private static func tokenize(_ text: String) -> [Token]? {
        var tokens: [Token] = []
        let s = Array(text.lowercased().unicodeScalars)
        var i = 0
        func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 48 && c.value <= 57 }
        while i < s.count {
            let c = s[i]
            if c == " " || c == "," || c == "\t" {
                i += 1
            } else if c == "(" {  // a comment such as "(PDT)"
                while i < s.count, s[i] != ")" { i += 1 }
                i += 1
            } else if c == "+" || c == "-", i + 1 < s.count, isDigit(s[i + 1]),
                tokens.contains(where: { if case .time = $0 { return true } else { return false } })
            {
                var j = i + 1
                var digits = ""
                while j < s.count, isDigit(s[j]) || s[j] == ":" {
                    if s[j] != ":" { digits.unicodeScalars.append(s[j]) }
                    j += 1
                }
                guard digits.count == 4 || digits.count == 2, let value = Int(digits) else { return nil }
                let minutes = digits.count == 4 ? value / 100 * 60 + value % 100 : value * 60
                tokens.append(.offset(c == "+" ? minutes : -minutes))
                i = j
            } else if isDigit(c) {
                var j = i
                while j < s.count, isDigit(s[j]) { j += 1 }
                let first = Int(String(String.UnicodeScalarView(s[i..<j])))!
                let count = j - i
                if j < s.count, s[j] == ":" {
                    var fields = [first]
                    while j < s.count, s[j] == ":" {
                        var k = j + 1
                        while k < s.count, isDigit(s[k]) { k += 1 }
                        guard k - (j + 1) == 2, fields.count < 3 else { return nil }
                        fields.append(Int(String(String.UnicodeScalarView(s[(j + 1)..<k])))!)
                        j = k
                    }
                    if j < s.count, s[j] == "." {  // fractional seconds
                        j += 1
                        while j < s.count, isDigit(s[j]) { j += 1 }
                    }
                    guard count <= 2 else { return nil }
                    tokens.append(.time(hour: fields[0], minute: fields[1], second: fields.count > 2 ? fields[2] : 0))
                } else {
                    guard count <= 4 else { return nil }
                    tokens.append(.number(first, digits: count))
                }
                i = j
            } else if c == "." || c == "/" || c == "-" {
                tokens.append(.separator(Character(c)))
                i += 1
            } else if c.value >= 97 && c.value <= 122 {
                var j = i
                while j < s.count, (s[j].value >= 97 && s[j].value <= 122) || (s[j] == "." && j + 1 < s.count && s[j + 1] != " ") {
                    j += 1
                }
                var word = String(String.UnicodeScalarView(s[i..<j]))
                if j < s.count, s[j] == "." { j += 1 }  // "Sept." "a.m."
                if word.hasSuffix(".") { word.removeLast() }
                tokens.append(.word(word))
                i = j
            } else {
                return nil
            }
        }
        return tokens
    }

    // MARK: Validation and output

    static func validate(_ p: DateParts) -> DateParts? {
        guard (1...9999).contains(p.year), (1...12).contains(p.month), p.day >= 1, p.day <= daysIn(month: p.month, year: p.year)
        else { return nil }
        if let hour = p.hour {
            guard (0...24).contains(hour), (0...59).contains(p.minute), (0...60).contains(p.second) else { return nil }
            if hour == 24 && (p.minute != 0 || p.second != 0) { return nil }
        }
        if let offset = p.offset, abs(offset) > 18 * 60 { return nil }
        var q = p
        q.second = min(q.second, 59)  // a leap second is kept in its minute
        return q
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func format(_ p: DateParts) -> String {
        func pad(_ value: Int, _ width: Int = 2) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        guard let hour = p.hour else { return pad(p.year, 4) + "-" + pad(p.month) + "-" + pad(p.day) }
        guard let offset = p.offset else {
            return pad(p.year, 4) + "-" + pad(p.month) + "-" + pad(p.day) + "T" + pad(hour) + ":" + pad(p.minute) + ":" + pad(p.second)
        }
        // Convert to UTC through days since 1970.
        let total =
            days(year: p.year, month: p.month, day: p.day) * 86_400
            + Int64(hour * 3600 + p.minute * 60 + p.second) - Int64(offset * 60)
        let day = total >= 0 ? total / 86_400 : (total - 86_399) / 86_400
        let rest = Int(total - day * 86_400)
        let (y, m, d) = civil(fromDays: day)
        return pad(y, 4) + "-" + pad(m) + "-" + pad(d) + "T" + pad(rest / 3600) + ":" + pad(rest / 60 % 60) + ":" + pad(rest % 60) + "Z"
    }

    /// Minutes east of UTC for `Z`, `+02:00`, `+0200`, `+02`, `-0000`, or a zone name.
    static func zoneOffset(_ text: String) -> Int? {
        let t = text.lowercased()
        if let named = zones[t] { return named }
        let scalars = Array(t.unicodeScalars)
        guard let sign = scalars.first, sign == "+" || sign == "-" else { return nil }
        let digits = String(String.UnicodeScalarView(scalars.dropFirst().filter { $0 != ":" }))
        guard digits.count == 4 || digits.count == 2, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(digits) else {
            return nil
        }
        let minutes = digits.count == 4 ? value / 100 * 60 + value % 100 : value * 60
        return sign == "+" ? minutes : -minutes
    }

    /// Days since 1970-01-01 of the day a normalised date starts with (`2022-05-04…`), or nil.
    static func dayNumber(of normalized: String) -> Int64? {
        let b = Array(normalized.utf8.prefix(10))
        guard b.count == 10, b[4] == 0x2D, b[7] == 0x2D else { return nil }
        let digits = { (r: Range<Int>) in Int(String(decoding: b[r], as: UTF8.self)) }
        guard let y = digits(0..<4), let m = digits(5..<7), let d = digits(8..<10) else { return nil }
        return days(year: y, month: m, day: d)
    }

    /// Seconds since 1970 of a normalised date and time (`2022-05-04T00:44:52`, with or without `Z`),
    /// read as written; nil for a date alone.
    static func seconds(of normalized: String) -> Int64? {
        let b = Array(normalized.utf8)
        guard b.count >= 19, b[10] == 0x54, let day = dayNumber(of: normalized) else { return nil }
        let digits = { (r: Range<Int>) in Int(String(decoding: b[r], as: UTF8.self)) }
        guard let h = digits(11..<13), let m = digits(14..<16), let s = digits(17..<19) else { return nil }
        return day * 86_400 + Int64(h * 3600 + m * 60 + s)
    }

    /// Seconds since 1970 as a date and time without a zone: `2022-05-03T21:44:52`.
    static func local(seconds: Int64) -> String {
        let day = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let rest = Int(seconds - day * 86_400)
        let (y, m, d) = civil(fromDays: day)
        return format(DateParts(year: y, month: m, day: d, hour: rest / 3600, minute: rest / 60 % 60, second: rest % 60))
    }

    /// A day number of ``dayNumber(of:)`` as a date alone: `2022-05-03`.
    static func date(dayNumber: Int64) -> String {
        let (y, m, d) = civil(fromDays: dayNumber)
        return format(DateParts(year: y, month: m, day: d))
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func days(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = Int64((month + 9) % 12)
        let doy = (153 * mp + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The date of a number of days since 1970-01-01.
    static func civil(fromDays z0: Int64) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (Int(yoe + era * 400 + (m <= 2 ? 1 : 0)), Int(m), Int(d))
    }
}
