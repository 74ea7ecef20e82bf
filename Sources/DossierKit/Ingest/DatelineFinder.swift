/// Finds a written date in a short line of text, such as an article's dateline (`6. November 2023`,
/// `November 6, 2023`, `6 de noviembre de 2023`, `06.11.2023`, `2023-11-06`).
///
/// Month names are read in English, German, French, Spanish, Italian, Portuguese, Dutch and Polish,
/// in full and in their usual abbreviations. Numeric dates with dots or dashes are read day first; numeric dates
/// with slashes only when the day is above 12 (otherwise day and month could be either).
enum DatelineFinder {
    /// English names as ``DateParser`` reads them, and the other languages' names and abbreviations.
    static let months: [String: Int] = {
        var table = DateParser.months
        let names: [[String]] = [
            ["januar", "jänner", "janvier", "enero", "gennaio", "janeiro", "januari", "stycznia", "styczeń"],
            ["februar", "février", "fevrier", "febrero", "febbraio", "fevereiro", "februari", "lutego", "luty", "févr"],
            ["märz", "maerz", "mars", "marzo", "março", "maart", "marca", "marzec", "mär"],
            ["avril", "abril", "aprile", "kwietnia", "kwiecień", "avr"],
            ["mai", "mayo", "maggio", "maio", "mei", "maja", "maj"],
            ["juni", "juin", "junio", "giugno", "junho", "czerwca", "czerwiec"],
            ["juli", "juillet", "julio", "luglio", "julho", "lipca", "lipiec", "juil"],
            ["août", "aout", "agosto", "augustus", "sierpnia", "sierpień"],
            ["septembre", "septiembre", "settembre", "setembro", "września", "wrzesień"],
            ["okt", "oktober", "octobre", "octubre", "ottobre", "outubro", "października", "październik"],
            ["novembre", "noviembre", "novembro", "listopada", "listopad"],
            ["dez", "dezember", "décembre", "decembre", "diciembre", "dicembre", "dezembro", "grudnia", "grudzień", "déc"],
        ]
        for (index, list) in names.enumerated() {
            for name in list { table[name] = index + 1 }
        }
        return table
    }()

    enum Token: Equatable {
        case number(Int, digits: Int)
        case word(String)
        case dot
        case slash
        case dash
    }

    /// The first date in `text`, as `YYYY-MM-DD`, or nil.
    static func date(in text: String) -> String? {
        let tokens = tokenize(text)
        var i = 0
        while i < tokens.count {
            if let date = match(tokens, at: i) { return date }
            i += 1
        }
        return nil
    }

    static func match(_ t: [Token], at i: Int) -> String? {
        func token(_ k: Int) -> Token? { i + k < t.count ? t[i + k] : nil }
        func number(_ k: Int) -> (Int, Int)? {
            if case .number(let v, let d) = token(k) { return (v, d) }
            return nil
        }
        func month(_ k: Int) -> Int? {
            if case .word(let w) = token(k) { return months[w] }
            return nil
        }
        func year(_ k: Int) -> Int? {
            guard let (v, d) = number(k), d == 4, (1990...2099).contains(v) else { return nil }
            return v
        }
        func make(_ y: Int, _ m: Int, _ d: Int) -> String? {
            DateParser.validate(DateParser.DateParts(year: y, month: m, day: d)).map(DateParser.format)
        }
        guard let first = token(0) else { return nil }
        switch first {
        case .number(let value, let digits):
            // 2023-11-06
            if digits == 4, let y = year(0), token(1) == .dash, let (m, _) = number(2), token(3) == .dash, let (d, _) = number(4) {
                return make(y, m, d)
            }
            guard digits <= 2 else { return nil }
            // 06.11.2023
            if token(1) == .dot, let (m, md) = number(2), md <= 2, token(3) == .dot, let y = year(4) { return make(y, m, value) }
            // 06-11-2023
            if token(1) == .dash, let (m, md) = number(2), md <= 2, token(3) == .dash, let y = year(4) { return make(y, m, value) }
            // 23/11/2023 (day above 12 only)
            if token(1) == .slash, let (m, md) = number(2), md <= 2, token(3) == .slash, let y = year(4), value > 12 {
                return make(y, m, value)
            }
            // 6. November 2023, 6 novembre 2023, 6 de noviembre de 2023
            var k = 1
            if token(k) == .dot { k += 1 }
            if case .word("de") = token(k) { k += 1 }
            if let m = month(k) {
                k += 1
                if token(k) == .dot { k += 1 }
                if case .word("de") = token(k) { k += 1 }
                if let y = year(k) { return make(y, m, value) }
            }
        case .word:
            // November 6, 2023
            if let m = month(0) {
                var k = 1
                if token(k) == .dot { k += 1 }
                if let (d, dd) = number(k), dd <= 2 {
                    k += 1
                    if case .word(let w) = token(k), ["st", "nd", "rd", "th"].contains(w) { k += 1 }
                    if let y = year(k) { return make(y, m, d) }
                }
            }
        default:
            break
        }
        return nil
    }

    /// Numbers, lowercased words, and the punctuation that dates use; commas and other marks vanish.
    static func tokenize(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var digits = ""
        var letters = ""
        func flush() {
            if !digits.isEmpty {
                tokens.append(.number(Int(digits.prefix(9)) ?? 0, digits: digits.count))
                digits = ""
            }
            if !letters.isEmpty {
                tokens.append(.word(letters.lowercased()))
                letters = ""
            }
        }
        for scalar in text.unicodeScalars.prefix(400) {
            if scalar.value >= 0x30, scalar.value <= 0x39 {
                if !letters.isEmpty { flush() }
                digits.unicodeScalars.append(scalar)
            } else if scalar.properties.isAlphabetic {
                if !digits.isEmpty { flush() }
                letters.unicodeScalars.append(scalar)
            } else {
                flush()
                switch scalar {
                case ".": tokens.append(.dot)
                case "/": tokens.append(.slash)
                case "-": tokens.append(.dash)
                default: break
                }
            }
        }
        flush()
        return tokens
    }
}
