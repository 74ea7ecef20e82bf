import DossierSQLite
import PropertyBased
import Testing

@testable import DossierSearch

@Suite struct QueryParserTests {
    @Test(arguments: [
        ("cluster munitions", #""cluster" AND "munitions""#),
        ("\"cluster munitions\"", #""cluster munitions""#),
        ("“cluster munitions”", #""cluster munitions""#),
        ("U.S. troops", #""U.S." AND "troops""#),
        ("al-Qaeda", #""al-Qaeda""#),
        ("B-52", #""B-52""#),
        ("don't", #""don't""#),
        ("don’t", #""don't""#),
        ("munition*", #""munition"*"#),
        ("\"cluster bomb\"*", #""cluster bomb"*"#),
        ("drones OR missiles", #""drones" OR "missiles""#),
        ("a OR b c", #""a" OR ("b" AND "c")"#),
        ("a NOT b", #""a" NOT "b""#),
        ("(a OR b) AND c", #"("a" OR "b") AND "c""#),
        ("NEAR(cluster munitions, 5) OR DPICM", #"NEAR("cluster" "munitions", 5) OR "DPICM""#),
        ("NEAR(\"cluster munitions\" Kiev)", #"NEAR("cluster munitions" "Kiev")"#),
        ("near and or not", #""near" AND "and" AND "or" AND "not""#),
        ("time:10 — ok!", #""time:10" AND "ok!""#),
        ("Kyiv\u{00A0}Kharkiv", #""Kyiv" AND "Kharkiv""#),
        ("NEAR", #""NEAR""#),
    ])
    func rewritesToSafeFTS5(input: String, expected: String) throws {
        #expect(try QueryParser().parse(input).expression == expected)
    }

    @Test(arguments: [
        "\"cluster munitions",
        "cluster munitions\"",
        "(drones OR missiles",
        "drones)",
        "AND drones",
        "drones OR",
        "drones AND OR missiles",
        "NOT drones",
        "()",
        "NEAR(a b, x)",
        "NEAR(a b",
        "NEAR(a b, 5",
    ])
    func rejectsMalformedQueriesWithAHint(input: String) {
        let error = #expect(throws: SearchError.self) { try QueryParser().parse(input) }
        if case .malformedQuery(_, let hint) = error {
            #expect(hint.contains("--literal"))
        } else {
            Issue.record("expected malformedQuery, got \(String(describing: error))")
        }
    }

    @Test(arguments: ["", "   ", "!!! ---", "\"\"", "***"])
    func rejectsQueriesWithoutWords(input: String) {
        #expect(throws: SearchError.self) { try QueryParser().parse(input) }
    }

    @Test func literalModeNeverRejects() throws {
        #expect(try QueryParser(mode: .literal).parse("\"cluster (munitions AND").expression == #""cluster" AND "munitions" AND "AND""#)
    }

    /// Every string gives a query SQLite accepts, or a SearchError: never a trap or a raw SQLite error.
    @Test func randomInputsNeverReachSQLiteAsSyntaxErrors() async throws {
        let db = try Connection(path: ":memory:")
        try db.execute("CREATE VIRTUAL TABLE f USING fts5(text, tokenize='porter unicode61 remove_diacritics 2')")
        try db.run("INSERT INTO f(text) VALUES (?)", ["cluster munitions near Kyiv, the U.S. said “don't”"])
        let alphabet = Array("ab \"“”()*:,-.'NEAROTDx5^{}+\u{00A0}é🚀\\")
        let generator = Gen.int(in: 0..<alphabet.count).array(of: 0...24).map { String($0.map { alphabet[$0] }) }
        await propertyCheck(count: 3000, input: generator) { text in
            for mode in QueryParser.Mode.allCases {
                do {
                    let query = try QueryParser(mode: mode).parse(text)
                    do {
                        _ = try db.scalar("SELECT count(*) FROM f WHERE f MATCH ?", [query.expression], as: Int.self)
                    } catch {
                        Issue.record("SQLite rejected \(query.expression) from \(text): \(error)")
                    }
                } catch is SearchError {
                } catch {
                    Issue.record("unexpected error \(error) for \(text)")
                }
            }
        }
    }
}
