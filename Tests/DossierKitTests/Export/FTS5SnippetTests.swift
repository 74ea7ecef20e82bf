import DossierSQLite
import Foundation
import Testing

@testable import DossierIndex
@testable import DossierSearch

/// ``FTS5SnippetMaker`` against FTS5's own snippet(), on generated passages (Unicode, diacritics,
/// sentence breaks, short and long texts) and many query shapes. Set `DOSSIER_SNIPPET_DB` to an
/// index to compare on its passages too (every hit of every query below).
@Suite struct FTS5SnippetTests {
    static let snippetSQL = "snippet(passage_fts, 0, char(57344), char(57345), '…', 24)"

    static let queries = [
        "the", "ceasefire", "drone*", "dron*", "monitor", "\"cluster munitions\"", "\"the border\"", "the OR border",
        "border AND the", "ceasefire NOT drone", "the NOT (drone OR border)", "talks OR \"cluster munitions\" OR mortar*",
        "zaporizzja", "Zaporižžja", "cafe", "café", "naive", "Ελλάδα", "москва", "东京", "e", "U.S.", "al-Qaeda",
        "\"said one\"", "a*", "t*", "\"the the\"", "the the", "the OR the", "(the OR a) AND (border OR ceasefire)",
        "\"of the\"*", "straße", "ÅNGSTRÖM", "monitors' work", "5", "20", "running", "run*", "x",
    ]

    /// Words for the generated passages: plain, inflected, with diacritics, other scripts, digits.
    static let words = [
        "the", "The", "THE", "border", "borders", "ceasefire", "Ceasefire", "drone", "drones", "droned", "monitors",
        "cluster", "munitions", "talks", "said", "one", "a", "an", "of", "mortar", "mortars", "running", "runs", "ran",
        "Zaporižžja", "Zaporizzja", "café", "cafe", "naïve", "Ελλάδα", "Москва", "东京", "e\u{301}", "straße", "Ångström",
        "U.S.", "al-Qaeda", "B-52", "don't", "monitors'", "20", "5th", "x", "t", "tea", "bread", "radios", "ﬁne",
        "İstanbul", "Ǆemal", "ǅ", "Ⅻ", "①", "x\u{200B}y", "\u{E123}",
    ]
    static let separators = [
        " ", " ", " ", " ", ", ", ". ", ": ", ".  ", ".\n", " — ", " – ", "; ", " \"", "\" ", " “", "” ", "’", "\t", "\n\n",
        " (", ") ", "...", ". . ", ":", ".", "!", "? ", "\u{00A0}", "·", "-", "/", "\r\n",
    ]

    /// Passages from a fixed pseudo-random sequence (the same on every run).
    static func passages(count: Int) -> [String] {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        return (0..<count).map { _ in
            var text = [".", "\"", " ", "", "", "", "", "(", "—"][next(9)]
            let length = [1, 3, 10, 23, 24, 25, 40, 80, 150][next(9)]
            for i in 0..<length {
                if i > 0 { text += separators[next(separators.count)] }
                text += words[next(words.count)]
            }
            text += ["", ".", ". ", " ", "…", "\""][next(6)]
            return text
        }
    }

    /// Steps the passages matching `node` (column 0 their text, column 1 FTS5's snippet, then
    /// `extra`) and calls `check` with each row, FTS5's snippet and the text; returns the rows.
    func eachMatch(
        db: Connection, node: QueryNode, extra: String = "", limit: Int?,
        _ check: (Statement, _ expected: String, _ passage: String) -> Void
    ) throws -> Int {
        let rows = try db.prepare(
            "SELECT p.text, \(Self.snippetSQL)\(extra) FROM passage_fts JOIN passages AS p ON p.id = passage_fts.rowid WHERE passage_fts MATCH ?"
                + (limit.map { " LIMIT \($0)" } ?? ""))
        try rows.bind([node.fts5])
        var count = 0
        while try rows.step() {
            check(rows, rows.string(1), rows.string(0))
            count += 1
        }
        return count
    }

    func compare(db: Connection, query text: String, limit: Int? = nil) throws -> (rows: Int, certain: Bool) {
        let node = try QueryParser().parse(text).root
        guard var maker = FTS5SnippetMaker(connection: db, query: node, tokenizer: IndexSchema.tokenizer) else { return (0, false) }
        var out: [UInt8] = []
        let count = try eachMatch(db: db, node: node, limit: limit) { rows, expected, passage in
            out.removeAll()
            #expect(maker.snippet(of: rows.bytes(0), into: &out))
            let got = String(decoding: out, as: UTF8.self)
            #expect(got == expected, "query \(text) passage \(passage.debugDescription)")
            #expect(Searcher.mergeAdjacentMatches(utf8: out) == Searcher.mergeAdjacentMatches(expected))
        }
        return (count, true)
    }

    /// The maker fed FTS5's own instances (``FTS5Instances``), as an export runs it: any query shape.
    func compareWithInstances(db: Connection, query text: String, limit: Int? = nil) throws -> Int {
        let node = try QueryParser().parse(text).root
        try FTS5Instances.install(on: db)
        var maker = try #require(FTS5SnippetMaker(connection: db, tokenizer: IndexSchema.tokenizer))
        var out: [UInt8] = []
        return try eachMatch(db: db, node: node, extra: ", dossier_instances(passage_fts)", limit: limit) { rows, expected, passage in
            out.removeAll()
            let made = maker.snippet(of: rows.bytes(0), instances: UnsafeRawBufferPointer(rows.bytes(2)), into: &out)
            #expect(made, "query \(text) passage \(passage.debugDescription)")
            #expect(String(decoding: out, as: UTF8.self) == expected, "query \(text) passage \(passage.debugDescription)")
        }
    }

    static let uncertainShapes = [
        "NEAR(the border, 3)", "(the AND border) OR drone", "the NOT (border AND drone)", "(a NOT b) OR c",
        "NEAR(\"the border\" drone*, 5)", "(café OR cafe) AND (the OR \"said one\")",
    ]

    @Test func sameAsFTS5FromItsInstances() throws {
        let db = try Self.generatedIndex()
        var compared = 0
        for query in Self.queries + Self.uncertainShapes {
            compared += try compareWithInstances(db: db, query: query)
        }
        #expect(compared > 20_000)
    }

    @Test func instancesDecode() throws {
        let db = try Self.generatedIndex()
        try FTS5Instances.install(on: db)
        let row = try db.prepare(
            "SELECT dossier_instances(passage_fts) FROM passage_fts WHERE passage_fts MATCH '\"the border\" OR drone*' LIMIT 1")
        #expect(try row.step())
        let value = try #require(FTS5Instances.decode(UnsafeRawBufferPointer(row.bytes(0))))
        #expect(value.phraseSizes == [2, 1])
        #expect(!value.instances.isEmpty && value.columnSize > 0)
        #expect(value.instances.allSatisfy { $0.offset < value.columnSize && $0.phrase < 2 })
        #expect(FTS5Instances.decode(UnsafeRawBufferPointer(start: nil, count: 0)) == nil)
    }

    /// Token boundaries without the tokenizer equal the tokenizer's, on every generated passage and word.
    @Test func boundariesAreTheTokenizers() throws {
        let tokenizer = try FTS5Tokenizer(definition: IndexSchema.tokenizer)
        var boundaries = try #require(FTS5TokenBoundaries(tokenizer: tokenizer))
        var starts: [Int] = []
        var ends: [Int] = []
        var scanned = 0
        for text in Self.passages(count: 3000) + Self.words + Self.separators + ["", " ", "a\u{301}", " \u{301}a", "\u{301}", "😀x", "x😀"] {
            var expected: [(Int, Int)] = []
            tokenizer.tokenize(text) { _, start, end, _ in expected.append((start, end)) }
            var copy = text
            if copy.withUTF8({ boundaries.scan($0, starts: &starts, ends: &ends) }) {
                scanned += 1
                #expect(zip(starts, ends).map { [$0, $1] } == expected.map { [$0.0, $0.1] }, "\(text.debugDescription)")
            }
        }
        #expect(scanned > 3000)
    }

    static func generatedIndex() throws -> Connection {
        let db = try Connection(path: ":memory:")
        try db.execute(
            """
            CREATE TABLE passages(id INTEGER PRIMARY KEY, text TEXT NOT NULL);
            CREATE VIRTUAL TABLE passage_fts USING fts5(text, content='passages', content_rowid='id', tokenize='\(IndexSchema.tokenizer)');
            """)
        let insert = try db.prepare("INSERT INTO passages(text) VALUES (?)")
        try db.transaction {
            for passage in Self.passages(count: 3000) {
                try insert.bind([passage])
                try insert.run()
            }
        }
        try db.execute("INSERT INTO passage_fts(passage_fts) VALUES('rebuild')")
        return db
    }

    @Test func sameAsFTS5OnGeneratedPassages() throws {
        let db = try Self.generatedIndex()
        var compared = 0
        for query in Self.queries {
            compared += try compare(db: db, query: query).rows
        }
        #expect(compared > 20_000)
    }

    @Test func uncertainShapesAreLeftToFTS5() throws {
        let db = try Connection(path: ":memory:")
        for text in ["NEAR(the border, 3)", "(the AND border) OR drone", "the NOT (border AND drone)", "(a NOT b) OR c"] {
            let node = try QueryParser().parse(text).root
            #expect(FTS5SnippetMaker(connection: db, query: node, tokenizer: IndexSchema.tokenizer) == nil, "\(text)")
        }
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["DOSSIER_SNIPPET_DB"] != nil, "set DOSSIER_SNIPPET_DB to an index to run it"))
    func sameAsFTS5OnAnIndex() throws {
        let path = try #require(ProcessInfo.processInfo.environment["DOSSIER_SNIPPET_DB"])
        let db = try Connection(path: path, mode: .readOnly)
        for query in Self.queries {
            let (rows, certain) = try compare(db: db, query: query, limit: 50_000)
            print("snippet parity: \(query): \(certain ? "\(rows) rows" : "left to FTS5")")
            let fromInstances = try compareWithInstances(db: db, query: query, limit: 50_000)
            print("snippet parity from FTS5's instances: \(query): \(fromInstances) rows")
        }
    }
}
