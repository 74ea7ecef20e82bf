/// The Porter stemmer exactly as SQLite's FTS5 `porter` tokenizer applies it.
///
/// It works on the bytes of an already case-folded token, as FTS5 does: tokens shorter than 3 or
/// longer than 64 bytes pass through, bytes that are not ASCII vowels count as consonants, and the
/// rules are tried in FTS5's order (within a step, the first rule whose suffix matches is the only
/// one tried). Topic matching stems with this so that a word the index stores as `munit` is the
/// word the matcher sees as `munit`.
///
/// ```swift
/// PorterStemmer.stem("munitions")  // "munit"
/// PorterStemmer.stem("dpicms")     // "dpicm"
/// ```
public enum PorterStemmer {
    /// The stem of a folded (lower-case, diacritics removed) word.
    public static func stem(_ word: String) -> String {
        var bytes = Array(word.utf8)
        stem(&bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Stems `word` in place.
    public static func stem(_ word: inout [UInt8]) {
        let n = word.count
        guard n >= 3, n <= 64 else { return }
        var count = n
        stemInPlace(&word, &count)
        if count < word.count { word.removeLast(word.count - count) }
    }

    /// The steps, on `b[0..<count]` (bytes past `count` are scratch).
    static func stemInPlace(_ b: inout [UInt8], _ count: inout Int) {
        step1A(&b, &count)
        if apply(step1B, &b, &count) {
            if !apply(step1B2, &b, &count) {
                let c = b[count - 1]
                if !isVowel(c, false) && c != l && c != s && c != z && count >= 2 && c == b[count - 2] {
                    count -= 1
                } else if measureIs1(b, count) && endsCVC(b, count) {
                    if count < b.count { b[count] = e } else { b.append(e) }
                    count += 1
                }
            }
        }
        // Step 1c.
        if b[count - 1] == y && hasVowel(b, count - 1) { b[count - 1] = i }
        _ = apply(step2, &b, &count)
        _ = apply(step3, &b, &count)
        _ = apply(step4, &b, &count)
        // Step 5a.
        if b[count - 1] == e, measureAbove1(b, count - 1) || (measureIs1(b, count - 1) && !endsCVC(b, count - 1)) {
            count -= 1
        }
        // Step 5b.
        if count > 1, b[count - 1] == l, b[count - 2] == l, measureAbove1(b, count - 1) {
            count -= 1
        }
    }

    // MARK: Rules

    enum Condition { case none, m0, m1, m1ST, vowel }

    struct Rule {
        let suffix: [UInt8]
        let replacement: [UInt8]
        let condition: Condition
        /// True for the step 1b rules that report success (so that step 1b2 runs).
        let reports: Bool
        init(_ suffix: String, _ replacement: String, _ condition: Condition, reports: Bool = false) {
            self.suffix = Array(suffix.utf8)
            self.replacement = Array(replacement.utf8)
            self.condition = condition
            self.reports = reports
        }
    }

    static let step1B: [Rule] = [Rule("eed", "ee", .m0), Rule("ed", "", .vowel, reports: true), Rule("ing", "", .vowel, reports: true)]
    static let step1B2: [Rule] = [Rule("at", "ate", .none), Rule("bl", "ble", .none), Rule("iz", "ize", .none)]
    static let step2: [Rule] = [
        Rule("ational", "ate", .m0), Rule("tional", "tion", .m0), Rule("enci", "ence", .m0), Rule("anci", "ance", .m0),
        Rule("izer", "ize", .m0), Rule("logi", "log", .m0), Rule("bli", "ble", .m0), Rule("alli", "al", .m0),
        Rule("entli", "ent", .m0), Rule("eli", "e", .m0), Rule("ousli", "ous", .m0), Rule("ization", "ize", .m0),
        Rule("ation", "ate", .m0), Rule("ator", "ate", .m0), Rule("alism", "al", .m0), Rule("iveness", "ive", .m0),
        Rule("fulness", "ful", .m0), Rule("ousness", "ous", .m0), Rule("aliti", "al", .m0), Rule("iviti", "ive", .m0),
        Rule("biliti", "ble", .m0),
    ]
    static let step3: [Rule] = [
        Rule("ical", "ic", .m0), Rule("ness", "", .m0), Rule("icate", "ic", .m0), Rule("iciti", "ic", .m0),
        Rule("ful", "", .m0), Rule("ative", "", .m0), Rule("alize", "al", .m0),
    ]
    static let step4: [Rule] = [
        Rule("al", "", .m1), Rule("ance", "", .m1), Rule("ence", "", .m1), Rule("er", "", .m1), Rule("ic", "", .m1),
        Rule("able", "", .m1), Rule("ible", "", .m1), Rule("ant", "", .m1), Rule("ement", "", .m1), Rule("ment", "", .m1),
        Rule("ent", "", .m1), Rule("ion", "", .m1ST), Rule("ou", "", .m1), Rule("ism", "", .m1), Rule("ate", "", .m1),
        Rule("iti", "", .m1), Rule("ous", "", .m1), Rule("ive", "", .m1), Rule("ize", "", .m1),
    ]

    /// Applies the first rule of `rules` whose suffix ends the word (leaving at least one byte),
    /// if its condition holds. Returns true when that rule reports success.
    static func apply(_ rules: [Rule], _ b: inout [UInt8], _ count: inout Int) -> Bool {
        guard count >= 2 else { return false }
        let penultimate = b[count - 2]
        for rule in rules {
            let k = rule.suffix.count
            guard count > k, rule.suffix[k - 2] == penultimate, endsWith(b, count, rule.suffix) else { continue }
            let stemLength = count - k
            let holds: Bool
            switch rule.condition {
            case .none: holds = true
            case .m0: holds = measureAbove0(b, stemLength)
            case .m1: holds = measureAbove1(b, stemLength)
            case .m1ST: holds = (b[stemLength - 1] == s || b[stemLength - 1] == t) && measureAbove1(b, stemLength)
            case .vowel: holds = hasVowel(b, stemLength)
            }
            guard holds else { return false }
            for (offset, byte) in rule.replacement.enumerated() {
                if stemLength + offset < b.count { b[stemLength + offset] = byte } else { b.append(byte) }
            }
            count = stemLength + rule.replacement.count
            return rule.reports || rule.condition == .none
        }
        return false
    }

    static func step1A(_ b: inout [UInt8], _ count: inout Int) {
        let n = count
        guard b[n - 1] == s else { return }
        if b[n - 2] == e {
            if (n > 4 && b[n - 4] == s && b[n - 3] == s) || (n > 3 && b[n - 3] == i) {
                count = n - 2
            } else {
                count = n - 1
            }
        } else if b[n - 2] != s {
            count = n - 1
        }
    }

    // MARK: Conditions, as FTS5 computes them

    static func endsWith(_ b: [UInt8], _ count: Int, _ suffix: [UInt8]) -> Bool {
        let start = count - suffix.count
        for k in 0..<suffix.count where b[start + k] != suffix[k] { return false }
        return true
    }

    static func isVowel(_ c: UInt8, _ yIsVowel: Bool) -> Bool {
        c == a || c == e || c == i || c == o || c == u || (yIsVowel && c == y)
    }

    /// Skips one vowel run then one consonant; returns the offset after it (relative to `from`), or 0.
    static func gobbleVC(_ b: [UInt8], from: Int, to: Int, previousConsonant: Bool) -> Int {
        var consonant = previousConsonant
        var k = from
        while k < to {
            consonant = !isVowel(b[k], consonant)
            if !consonant { break }
            k += 1
        }
        k += 1
        while k < to {
            consonant = !isVowel(b[k], consonant)
            if consonant { return k + 1 - from }
            k += 1
        }
        return 0
    }

    static func measureAbove0(_ b: [UInt8], _ n: Int) -> Bool {
        gobbleVC(b, from: 0, to: n, previousConsonant: false) != 0
    }

    static func measureAbove1(_ b: [UInt8], _ n: Int) -> Bool {
        let first = gobbleVC(b, from: 0, to: n, previousConsonant: false)
        return first != 0 && gobbleVC(b, from: first, to: n, previousConsonant: true) != 0
    }

    static func measureIs1(_ b: [UInt8], _ n: Int) -> Bool {
        let first = gobbleVC(b, from: 0, to: n, previousConsonant: false)
        return first != 0 && gobbleVC(b, from: first, to: n, previousConsonant: true) == 0
    }

    /// `*o`: the stem ends consonant-vowel-consonant, the last not w, x or y.
    static func endsCVC(_ b: [UInt8], _ n: Int) -> Bool {
        let last = b[n - 1]
        if last == w || last == x || last == y { return false }
        var mask = 0
        var consonant = false
        for k in 0..<n {
            consonant = !isVowel(b[k], consonant)
            mask = (mask << 1) &+ (consonant ? 1 : 0)
        }
        return (mask & 7) == 5
    }

    static func hasVowel(_ b: [UInt8], _ n: Int) -> Bool {
        for k in 0..<n where isVowel(b[k], k > 0) { return true }
        return false
    }

    private static let a = UInt8(ascii: "a"), e = UInt8(ascii: "e"), i = UInt8(ascii: "i"), o = UInt8(ascii: "o")
    private static let u = UInt8(ascii: "u"), y = UInt8(ascii: "y"), l = UInt8(ascii: "l"), s = UInt8(ascii: "s")
    private static let t = UInt8(ascii: "t"), w = UInt8(ascii: "w"), x = UInt8(ascii: "x"), z = UInt8(ascii: "z")
}
