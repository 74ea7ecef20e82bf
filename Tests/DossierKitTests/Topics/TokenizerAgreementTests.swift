import DossierSQLite
import Foundation
import Testing

@testable import DossierIndex
@testable import DossierIngest
@testable import DossierTopics

/// ``TopicTokenizer`` is the index's FTS5 tokenizer: the same words, stems and offsets as FTS5 on
/// any text, in any script (it calls FTS5; there is no second tokenizer to drift apart).
struct TokenizerAgreementTests {
    static func disagreements(in texts: [String]) throws -> [String] {
        let fts = try FTS5Tokenizer(definition: IndexSchema.tokenizer)
        var problems: [String] = []
        for text in texts {
            var theirs: [(String, Int, Int)] = []
            fts.tokenize(text, purpose: .document) { bytes, start, end, _ in
                theirs.append((String(decoding: bytes, as: UTF8.self), start, end))
            }
            // Scalar offsets back to byte offsets.
            let scalars = Array(text.unicodeScalars)
            var byteOffsets = [0]
            for scalar in scalars { byteOffsets.append(byteOffsets.last! + String(scalar).utf8.count) }
            let ours = TopicTokenizer.tokens(in: text).map { ($0.stem, byteOffsets[$0.start], byteOffsets[$0.end]) }
            if theirs.count != ours.count || zip(theirs, ours).contains(where: { $0 != $1 }) {
                let first =
                    zip(theirs, ours).first(where: { $0 != $1 }).map { "\($0.0) vs \($0.1)" } ?? "\(theirs.count) vs \(ours.count) words"
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
            "ὀδυσσεύς Ἀθῆναι, हिन्दी भाषा, ภาษาไทย, ٱلْعَرَبِيَّة",
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
        #expect(texts.count > 12_000)
        let problems = try Self.disagreements(in: texts)
        #expect(problems.isEmpty, "\(problems.count) of \(texts.count): \(problems.prefix(8))")
    }
}
