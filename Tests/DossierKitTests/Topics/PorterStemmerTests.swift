import DossierSQLite
import Testing

@testable import DossierKit

/// The matcher's words must be the index's words: compared against SQLite's own tokenizer.
@Suite struct PorterStemmerTests {
    @Test(arguments: [
        ("munitions", "munit"), ("dpicms", "dpicm"), ("caresses", "caress"), ("ponies", "poni"), ("cats", "cat"),
        ("agreed", "agre"), ("plastered", "plaster"), ("motoring", "motor"), ("hopping", "hop"), ("filing", "file"),
        ("happy", "happi"), ("relational", "relat"), ("generalization", "gener"), ("electrical", "electr"),
        ("adjustment", "adjust"), ("controll", "control"), ("un", "un"), ("us", "us"), ("bomblets", "bomblet"),
    ])
    func stemsLikeThePorterAlgorithm(word: String, stem: String) {
        #expect(PorterStemmer.stem(word) == stem)
    }

    /// Tokenizes text through an FTS5 table and reads the terms back, position by position.
    static func sqliteTokens(_ texts: [String]) throws -> [[String]] {
        let db = try Connection(path: ":memory:")
        try db.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='\(IndexSchema.tokenizer)')")
        try db.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance')")
        for (i, text) in texts.enumerated() { try db.run("INSERT INTO t(rowid, x) VALUES (?, ?)", [i + 1, text]) }
        var out = Array(repeating: [String](), count: texts.count)
        var positions = Array(repeating: [Int: String](), count: texts.count)
        let s = try db.prepare("SELECT term, doc, offset FROM v")
        while try s.step() { positions[s.int(1) - 1][s.int(2)] = s.string(0) }
        for i in texts.indices { out[i] = positions[i].keys.sorted().map { positions[i][$0]! } }
        return out
    }

    @Test func tokensEqualSQLiteTokensOnEdgeCases() throws {
        let texts = [
            "U.S.-made DPICMs; Kiev’s\u{00A0}strikes — “bomblets” (al-Qaeda) B-52 don't",
            "Zaporizhzhia Zaporížžja Çanakkale Ørsted İzmir straße ÉLYSÉE naïve coöperate",
            "Київ Харків Ukrainian tanks, the S-300 and S300; 155mm 1,000 3.5 x_y",
            "ponies caresses agreed plastered motoring hopping filing happy relational generalization adjustable",
            "sky skies dying lying eyed flying troubled sized hoping hopping fizzed tanned falling",
        ]
        let ours = texts.map { TopicTokenizer.tokens(in: $0).map(\.stem) }
        #expect(ours == (try Self.sqliteTokens(texts)))
    }

    @Test func tokensEqualSQLiteTokensOnTheSampleCorpus() throws {
        let texts = try CorpusText.all()
        try #require(!texts.isEmpty)
        let theirs = try Self.sqliteTokens(texts)
        for (text, expected) in zip(texts, theirs) {
            let got = TopicTokenizer.tokens(in: text).map(\.stem)
            if got != expected {
                let diff = zip(got, expected).first { $0 != $1 }
                Issue.record("first difference: ours \(diff?.0 ?? "-") vs SQLite \(diff?.1 ?? "-")")
            }
        }
    }
}

/// The texts of the repository's sample Corpus/ folder.
enum CorpusText {
    static var root: String {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(4)  // Tests/DossierKitTests/Topics/file.swift
        return parts.joined(separator: "/")
    }

    static func all() throws -> [String] {
        var texts: [String] = []
        try FolderWalker().walk(root: root + "/Corpus") { entry in
            if case .file(let file) = entry, let loaded = try? ArticleLoader().load(file) {
                texts += loaded.articles.flatMap { [$0.title] + $0.passages.map(\.text) }
            }
        }
        return texts
    }
}
