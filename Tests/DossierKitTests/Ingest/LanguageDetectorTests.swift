import DossierModel
import DossierTestSupport
import Foundation
import Testing

@testable import DossierIngest

/// ``LanguageDetector`` on sentences and articles written for these tests (Tests/Fixtures/languages).
struct LanguageDetectorTests {
    static let languages = ["ar", "de", "es", "fr", "ja", "ru", "uk", "zh"]

    static func lines(_ code: String) throws -> [String] {
        let url = Paths.fixture("languages/sentences/\(code).txt")
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    static func loadArticle(_ name: String) throws -> Article {
        let path = Paths.fixture("languages/articles/\(name)").path
        let loaded = try ArticleLoader().load(IngestFixtures.sourceFile(at: path))
        return loaded.articles[0]
    }

    @Test(arguments: languages)
    func nearlyEverySentenceIsItsLanguage(code: String) throws {
        let sentences = try Self.lines(code)
        #expect(sentences.count == 30)
        let right = sentences.filter { LanguageDetector.guess($0).language == code }.count
        // Measured: 28–30 of 30 for each language (docs/languages.md).
        #expect(right >= 27, "\(code): \(right) of \(sentences.count)")
    }

    @Test(arguments: languages)
    func aWholeTextIsItsLanguageReliably(code: String) throws {
        let text = try Self.lines(code).joined(separator: " ")
        let guess = LanguageDetector.guess(text)
        #expect(guess.language == code)
        #expect(guess.reliable)
    }

    @Test(arguments: ["ar", "de", "en", "es", "fr", "ru", "uk", "zh"])
    func eachFixtureArticleGetsItsLanguage(code: String) throws {
        #expect(try Self.loadArticle("\(code).txt").metadata.language == code)
    }

    @Test func tooLittleTextGetsNoLanguage() throws {
        #expect(try Self.loadArticle("caption.txt").metadata.language == nil)
        #expect(LanguageDetector.language(title: "Storm hits coast", passages: [], declared: nil) == nil)
        #expect(LanguageDetector.language(title: "12345 678", passages: [], declared: nil) == nil)
    }

    @Test func aDeclaredLanguageStaysWhenTheTextDoesNotSayOtherwise() throws {
        // `lang="de-AT"` on a page too short to detect: the declaration, as ISO 639-1.
        #expect(try Self.loadArticle("declared-de-short.html").metadata.language == "de")
    }

    @Test func aDeclaredLanguageTheTextPlainlyContradictsGivesWay() throws {
        // `lang="en"` left by a template on a Ukrainian article.
        #expect(try Self.loadArticle("declared-en-but-ukrainian.html").metadata.language == "uk")
    }

    @Test func aMixedTextNamesItsLargerLanguageAndTheOther() {
        let ukrainian = try! Self.lines("uk").prefix(3).joined(separator: " ")
        let english =
            "The army said on Monday that it had pushed back the attack near the town after two days of heavy fighting in the area."
        let guess = LanguageDetector.guess(ukrainian + " " + english)
        #expect(guess.language == "uk")
        #expect(guess.second == "en")
        #expect(guess.secondPercent > 10)
    }

    @Test(arguments: [
        ("en", "en"), ("en-GB", "en"), ("EN_us", "en"), (" fr ", "fr"), ("zh-Hant-TW", "zh"), ("iw", "he"), ("uk-UA", "uk"),
    ])
    func declaredTagsBecomeISO6391(tag: String, code: String) {
        #expect(LanguageDetector.code(declared: tag) == code)
    }

    @Test(arguments: ["", "und", "x-klingon", "e", "1a", "ukr", "en!"])
    func declaredTagsWithoutATwoLetterLanguageAreDropped(tag: String) {
        #expect(LanguageDetector.code(declared: tag) == nil)
    }

    @Test func theKnownCodesAreISO6391AndHoldTheNewsLanguages() {
        let known = LanguageDetector.knownCodes
        for code in ["ar", "bg", "de", "en", "es", "fr", "he", "ja", "ru", "uk", "zh"] {
            #expect(LanguageDetector.isKnown(code), "\(code)")
        }
        #expect(known.allSatisfy { $0.utf8.count == 2 })
        #expect(!LanguageDetector.isKnown("un"))
        #expect(!LanguageDetector.isKnown("xx"))
        #expect(known == known.sorted())
    }

    @Test func aLongTextIsCutBeforeTheSampleLimitWithoutSplittingACharacter() {
        let text = String(repeating: "Київ ", count: 1000)
        let sample = LanguageDetector.sample(title: "Київ", passages: [Passage(ordinal: 1, start: 0, end: text.utf8.count, text: text)])
        #expect(sample.count <= LanguageDetector.sampleBytes)
        #expect(String(validating: sample, as: UTF8.self) != nil)
    }
}
