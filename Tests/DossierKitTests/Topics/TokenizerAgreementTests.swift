import DossierSQLite
import Foundation
import Testing

@testable import DossierKit

/// ``TopicTokenizer`` splits, folds and stems words as the index's FTS5 tokenizer does: same words,
/// same stems, same byte offsets, on any text whose words are ASCII or Latin letters with
/// diacritics. (It does not copy all of FTS5's Unicode tables: on other scripts, e.g. Greek final
/// sigma or Indic vowel signs, they can differ; the index's tags are made from FTS5's tokens.)
struct TokenizerAgreementTests {
    static func disagreements(in texts: [String]) throws -> [String] {
        let fts = try FTS5Tokenizer(definition: IndexSchema.tokenizer)
        var problems: [String] = []
        for text in texts {
            var theirs: [(String, Int, Int)] = []
            fts.tokenize(text, purpose: .document) { bytes, start, end, _ in
                theirs.append((String(decoding: bytes, as: UTF8.self), start, end))
            }
            var ours: [(String, Int, Int)] = []
            TopicTokenizer.scan(text) { buffer, _, _, byteStart, byteEnd in
                PorterStemmer.stem(&buffer)
                ours.append((String(decoding: buffer, as: UTF8.self), byteStart, byteEnd))
            }
            if theirs.count != ours.count || zip(theirs, ours).contains(where: { $0 != $1 }) {
                let first = zip(theirs, ours).first(where: { $0 != $1 }).map { "\($0.0) vs \($0.1)" } ?? "\(theirs.count) vs \(ours.count) words"
                problems.append("\(text.prefix(60)): \(first)")
            }
        }
        return problems
    }

    @Test func onTheBundledCorpus() throws {
        let loader = ArticleLoader()
        var texts: [String] = []
        try FolderWalker().walk(root: Paths.packageRoot.appendingPathComponent("Corpus").path) { entry in
            if case .file(let file) = entry, let loaded = try? loader.load(file) {
                for article in loaded.articles { texts += [article.title] + article.passages.map(\.text) }
            }
        }
        #expect(texts.count > 50)
        let problems = try Self.disagreements(in: texts)
        #expect(problems.isEmpty, "\(problems.prefix(5))")
    }

    @Test func onTrickyText() throws {
        let problems = try Self.disagreements(in: [
            "U.S.-made DPICMs — “cluster munitions” in Kyiv’s suburbs, Zaporižžja, Zaporizhzhia",
            "İstanbul, ǅemal, straße, ΑΘΗΝΑ, Київ, 東京, ﬁne, x²",
            "cafe\u{301} nai\u{308}ve n\u{303}",
            "a ab abc running runs ran, 1990s, 2,000, S-300, Su-27s, COVID-19",
            String(repeating: "supercalifragilistic", count: 5),
        ])
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test(.enabled(if: SharedCorpusIngestTests.available, "../shared/corpus is not here"))
    func onTheSharedCorpus() throws {
        var texts: [String] = []
        for loaded in SharedCorpusIngestTests.outcome.loaded.values {
            for article in loaded.articles { texts += [article.title] + article.passages.map(\.text) }
        }
        // Where they differ, the text has words in other scripts.
        let latin = texts.filter { text in
            text.unicodeScalars.allSatisfy { $0.isASCII || (0xC0...0x24F).contains($0.value) || !$0.properties.isAlphabetic }
        }
        #expect(latin.count > 12_000)
        let problems = try Self.disagreements(in: latin)
        #expect(problems.isEmpty, "\(problems.count) of \(latin.count): \(problems.prefix(8))")
    }
}

