import CLanguageDetect
import DossierModel
import DossierSupport

/// Tells which language an article is written in, as an ISO 639-1 code (`en`, `uk`, `zh`…), with
/// Google's Compact Language Detector 2 (CLD2, Debian `libcld2-dev`).
///
/// CLD2 was chosen over libexttextcat by measurement (docs/languages.md): on one-sentence passages it
/// was right 98% of the time against textcat's 86%, it tells Ukrainian, Russian and Bulgarian apart,
/// it says when it is unsure, and it is 5–20× faster.
///
/// What is stored:
/// - the detected language when CLD2 is sure of it ("reliable") and the text is long enough
///   (``minimumTextBytes`` of letters); otherwise nil: an empty language is better than a guess;
/// - a language the source declares (an HTML page's `lang`) stays, normalised to its primary
///   subtag (`en-GB` becomes `en`), unless the text plainly contradicts it: CLD2, told of the
///   declaration as a hint, still finds another language reliably in at least
///   ``contradictionPercent`` percent of the text (templates often keep `lang="en"` on translated
///   pages).
///
/// Only the first ``sampleBytes`` bytes of an article (its title, then its passages) are read:
/// CLD2 is as accurate on them as on the whole article, and a longer sample would cost the
/// indexer measurably. When CLD2 is unsure of them and the article has more text, it is asked
/// again about the first ``retrySampleBytes`` (a page that opens with names, links or a table).
public enum LanguageDetector {
    /// What CLD2 said about a text.
    public struct Guess: Sendable, Equatable {
        /// The language's ISO 639-1 code, or nil when CLD2 does not know or the code has no ISO 639-1 form.
        public var language: String?
        /// Percent of the text in ``language``.
        public var percent: Int
        /// The runner-up, when a part of the text is in another language.
        public var second: String?
        public var secondPercent: Int
        /// The letter bytes CLD2 scored.
        public var textBytes: Int
        /// CLD2's judgement that ``language`` clearly beats the next language for this much text.
        public var reliable: Bool
    }

    /// The detector and its settings, stored in the index (`meta` `language_detector`): an index whose
    /// languages were found otherwise has them found again from its stored text (see the indexer).
    public static let version = "cld2-20141016-sample1024-retry4096-min40"

    /// How much of an article is read (bytes of UTF-8).
    public static let sampleBytes = 1024

    /// How much is read when the first ``sampleBytes`` leave CLD2 unsure.
    public static let retrySampleBytes = 4096

    /// Fewer letter bytes than this is too little text to name a language (a headline, a caption).
    public static let minimumTextBytes = 40

    /// A declared language gives way only when this share of the text is reliably in another one.
    public static let contradictionPercent = 80

    /// The values the indexer stored before it knew languages: the dominant script.
    public static let scriptNames: Set<String> = ["latin", "greek", "cyrillic", "hebrew", "arabic", "devanagari", "cjk"]

    /// CLD2's guess for `text` (only its first ``sampleBytes`` bytes are read); `declared` is an
    /// ISO 639-1 code the source gives, which makes that language more likely.
    public static func guess(_ text: String, declared: String? = nil) -> Guess {
        var bytes = Array(text.utf8.prefix(sampleBytes + 1))
        if bytes.count > sampleBytes { cutAtScalarBoundary(&bytes, limit: sampleBytes) }
        return guess(utf8: bytes, declared: declared)
    }

    /// The language of an article with this title and these passages, given the language its
    /// source declares (any BCP 47 tag or locale, or nil). See the type's rules.
    public static func language(title: String, passages: [Passage], declared: String?) -> String? {
        let declaredCode = declared.flatMap(code(declared:))
        let first = sample(title: title, passages: passages)
        var result = guess(utf8: first, declared: declaredCode)
        if !result.reliable && first.count >= sampleBytes {
            result = guess(utf8: sample(title: title, passages: passages, limit: retrySampleBytes), declared: declaredCode)
        }
        let detected = result.reliable && result.textBytes >= minimumTextBytes ? result.language : nil
        guard let declaredCode else { return detected }
        if let detected, detected != declaredCode, result.percent >= contradictionPercent { return detected }
        return declaredCode
    }

    /// The ISO 639-1 code of a declared language: `en-US`, `en_GB`, `EN` become `en`; CLD2's and
    /// the old ISO codes are mapped (`iw` to `he`, `in` to `id`, `ji` to `yi`). Nil for anything that
    /// is not two letters before its region or script (`und`, `x-klingon`, an empty attribute).
    public static func code(declared tag: String) -> String? {
        let primary = tag.trimmingSpaces().split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map { $0.lowercased() } ?? ""
        guard primary.utf8.count == 2, primary.utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return nil }
        return renamed[primary] ?? primary
    }

    /// Every ISO 639-1 code CLD2 can give, sorted: the codes `--language` accepts.
    public static let knownCodes: [String] = {
        var codes = Set<String>()
        for index in 0..<dossier_language_count() {
            guard let raw = dossier_language_code(index), let code = code(declared: String(cString: raw)), !notLanguages.contains(code)
            else { continue }
            codes.insert(code)
        }
        return codes.sorted()
    }()

    /// True when `code` is an ISO 639-1 code CLD2 knows.
    public static func isKnown(_ code: String) -> Bool {
        knownSet.contains(code)
    }

    private static let knownSet = Set(knownCodes)

    /// CLD2's "unknown" (`un`) and "some language in this script" (`xx-Cyrl`…).
    private static let notLanguages: Set<String> = ["un", "xx"]

    /// Old ISO 639 codes CLD2 still uses, and their current forms.
    private static let renamed = ["iw": "he", "in": "id", "ji": "yi", "jw": "jv"]

    /// The title and the passages, one a line, up to `limit` bytes.
    static func sample(title: String, passages: [Passage], limit: Int = sampleBytes) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(limit + 64)
        for text in CollectionOfOne(title) + passages.lazy.map(\.text) {
            if !bytes.isEmpty { bytes.append(0x0A) }
            bytes.append(contentsOf: text.utf8.prefix(limit + 1 - bytes.count))
            if bytes.count > limit {
                cutAtScalarBoundary(&bytes, limit: limit)
                break
            }
        }
        return bytes
    }

    /// Cuts `bytes` to at most `limit` bytes without splitting a UTF-8 sequence.
    static func cutAtScalarBoundary(_ bytes: inout [UInt8], limit: Int) {
        var end = min(limit, bytes.count)
        // Step back over continuation bytes to the lead byte of the sequence that straddles the limit.
        while end > 0, end < bytes.count, bytes[end] & 0xC0 == 0x80 { end -= 1 }
        bytes.removeSubrange(end...)
    }

    static func guess(utf8 bytes: [UInt8], declared: String?) -> Guess {
        let raw = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                if let declared {
                    return declared.withCString { dossier_detect_language(chars.baseAddress, Int32(chars.count), $0) }
                }
                return dossier_detect_language(chars.baseAddress, Int32(chars.count), nil)
            }
        }
        func iso(_ pointer: UnsafePointer<CChar>?) -> String? {
            guard let pointer, let code = code(declared: String(cString: pointer)), !notLanguages.contains(code) else { return nil }
            return code
        }
        let language = iso(raw.code)
        return Guess(
            language: language, percent: Int(raw.percent), second: raw.secondPercent > 0 ? iso(raw.secondCode) : nil,
            secondPercent: Int(raw.secondPercent), textBytes: Int(raw.textBytes), reliable: raw.reliable != 0 && language != nil)
    }
}
