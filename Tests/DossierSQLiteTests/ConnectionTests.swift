import DossierSQLite
import Foundation
import Testing

@Suite struct ConnectionTests {
    @Test func bindsAndReadsEveryType() throws {
        let db = try Connection(path: ":memory:")
        try db.execute("CREATE TABLE t(i INTEGER, d REAL, s TEXT, n TEXT)")
        try db.run("INSERT INTO t VALUES (?, ?, ?, ?)", [42, 1.5, "naïve “quotes”", nil])
        let s = try db.prepare("SELECT i, d, s, n FROM t")
        #expect(try s.step())
        #expect(s.int(0) == 42)
        #expect(s.double(1) == 1.5)
        #expect(s.string(2) == "naïve “quotes”")
        #expect(s.optionalString(3) == nil)
        #expect(try !s.step())
    }

    @Test func userTextIsBoundNotSpliced() throws {
        let db = try Connection(path: ":memory:")
        try db.execute("CREATE TABLE t(s TEXT)")
        let hostile = "x'); DROP TABLE t; --"
        try db.run("INSERT INTO t VALUES (?)", [hostile])
        #expect(try db.scalar("SELECT s FROM t", as: String.self) == hostile)
    }

    @Test func transactionRollsBackWhenBodyThrows() throws {
        struct Boom: Error {}
        let db = try Connection(path: ":memory:")
        try db.execute("CREATE TABLE t(i INTEGER)")
        #expect(throws: Boom.self) {
            try db.transaction {
                try db.run("INSERT INTO t VALUES (1)")
                throw Boom()
            }
        }
        #expect(try db.scalar("SELECT count(*) FROM t", as: Int.self) == 0)
        #expect(!db.isInTransaction)
    }

    @Test func syntaxErrorsCarrySQLiteMessage() throws {
        let db = try Connection(path: ":memory:")
        let error = #expect(throws: SQLiteError.self) { try db.prepare("SELEKT 1") }
        #expect(error?.message.contains("syntax error") == true)
    }

    @Test func readOnlyOpenOfMissingFileFails() {
        #expect(throws: SQLiteError.self) { try Connection(path: "/nonexistent/dir/x.db", mode: .readOnly) }
    }

    @Test func fts5IsAvailable() throws {
        let db = try Connection(path: ":memory:")
        try db.execute("CREATE VIRTUAL TABLE f USING fts5(text, tokenize='porter unicode61 remove_diacritics 2')")
        try db.run("INSERT INTO f(text) VALUES (?)", ["Cluster munitions were banned"])
        #expect(try db.scalar("SELECT count(*) FROM f WHERE f MATCH ?", ["munition"], as: Int.self) == 1)
    }
}
