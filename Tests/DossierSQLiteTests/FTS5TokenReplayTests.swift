import DossierSQLite
import Testing

/// The replaying tokenizer gives FTS5 exactly the built-in tokenizer's tokens, and falls back to
/// it for any text it was not armed with.
@Suite struct FTS5TokenReplayTests {
    static let definition = "porter unicode61 remove_diacritics 2"

    static func table(_ db: Connection) throws {
        try db.execute(
            "CREATE VIRTUAL TABLE t USING fts5(text, tokenize='\(definition)'); CREATE VIRTUAL TABLE d USING fts5(text)")
    }

    /// Every segment block of `t`, for comparing two indexes byte for byte.
    static func blocks(_ db: Connection) throws -> [String] {
        let s = try db.prepare("SELECT id, hex(block) FROM t_data ORDER BY id")
        var out: [String] = []
        while try s.step() { out.append("\(s.int64(0)) \(s.string(1))") }
        return out
    }

    static let texts = [
        "Kiev asked the US Congress for DPICMs — “cluster munitions” — in July.",
        "Zaporižžja and Zaporizhzhia fold alike; runners were running.",
        "",
        "Ünïcödé wörds, 123 numbers and U.S.-made shells",
    ]

    @Test func replayedTokensMakeTheSameIndex() throws {
        let plain = try Connection(path: ":memory:")
        try Self.table(plain)
        let replaying = try Connection(path: ":memory:")
        let replay = try FTS5TokenReplay.install(on: replaying, definition: Self.definition)
        try Self.table(replaying)
        let tokenizer = try FTS5Tokenizer(definition: Self.definition)
        let insertPlain = try plain.prepare("INSERT INTO t(text) VALUES (?)")
        let insertReplaying = try replaying.prepare("INSERT INTO t(text) VALUES (?)")
        for text in Self.texts {
            try insertPlain.bind([text])
            try insertPlain.run()
            try insertReplaying.bind([text])
            let tokens = try #require(FTS5Tokens.record(text, with: tokenizer))
            try replay.with(tokens, text: text) { try insertReplaying.run() }
        }
        #expect(replay.replayed == Self.texts.count)
        #expect(try Self.blocks(plain) == Self.blocks(replaying))
        try replaying.execute("INSERT INTO t(t) VALUES('integrity-check')")
        #expect(try replaying.scalar("SELECT count(*) FROM t WHERE t MATCH 'cluster munition'", as: Int.self) == 1)
    }

    @Test func aTextItWasNotArmedWithIsTokenizedAsUsual() throws {
        let db = try Connection(path: ":memory:")
        let replay = try FTS5TokenReplay.install(on: db, definition: Self.definition)
        try Self.table(db)
        let tokenizer = try FTS5Tokenizer(definition: Self.definition)
        let wrong = try #require(FTS5Tokens.record("something else entirely", with: tokenizer))
        let insert = try db.prepare("INSERT INTO t(text) VALUES (?)")
        try insert.bind(["drones over the port"])
        try replay.with(wrong, text: "something else entirely") { try insert.run() }
        #expect(replay.replayed == 0 && replay.tokenized == 1)
        try db.execute("INSERT INTO t(t) VALUES('integrity-check')")
        #expect(try db.scalar("SELECT count(*) FROM t WHERE t MATCH 'drone'", as: Int.self) == 1)
        #expect(try db.scalar("SELECT count(*) FROM t WHERE t MATCH 'something'", as: Int.self) == 0)
        // A table made with other arguments never replays.
        try db.execute("CREATE VIRTUAL TABLE u USING fts5(text, tokenize='porter ascii')")
        try db.execute("INSERT INTO u(text) VALUES ('Zaporižžja')")
        #expect(try db.scalar("SELECT count(*) FROM u WHERE u MATCH 'zaporižžja'", as: Int.self) == 1)
    }
}
