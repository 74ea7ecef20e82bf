import DossierTestSupport
import Foundation
import Testing

/// Languages end to end on `Tests/Fixtures/languages/articles` (a short article of our own writing
/// in each of eight languages, two HTML pages with a declared language, a caption too short to
/// tell): `language` in the output, `--language` on search and export, counts in `stats`.
@Suite(.serialized) struct LanguageCLITests {
    let cli: DossierCLI

    init() throws {
        cli = try DossierCLI(fixtures: [])
        try cli.folder.copyFixture("languages/articles", to: "articles")
        let result = try cli.run(["index", "articles", "--db", "t.db", "--quiet"])
        #expect(result.status == 0, "index failed: \(result.stderr)")
    }

    /// Words for cluster munitions in each language but Chinese (one FTS5 token per CJK run until
    /// segmentation comes).
    static let query = #""cluster munitions" OR касетні OR кассетные OR Streumunition OR racimo OR "sous-munitions" OR العنقودية"#

    func expect(_ arguments: [String], golden: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let result = try cli.run(arguments + ["--db", "t.db"])
        #expect(result.status == 0, "\(arguments): \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.isEmpty, "\(arguments): \(result.stderr)", sourceLocation: sourceLocation)
        expectGolden(CommandGoldenTests.Masks.apply(result.stdout), golden, sourceLocation: sourceLocation)
    }

    @Test func eachArticleCarriesItsLanguage() throws {
        try expect(["search", Self.query, "--format", "csv", "--limit", "20"], golden: "languages-search.csv")
    }

    @Test func languageFiltersSearch() throws {
        try expect(["search", Self.query, "--language", "uk,RU", "--format", "jsonl"], golden: "languages-search-uk-ru.jsonl")
        let german = try cli.run(["search", Self.query, "--language", "de", "--language", "fr", "--count", "--db", "t.db"])
        #expect(german.stdout == "6\n")
    }

    @Test func statsCountsArticlesByLanguage() throws {
        try expect(["stats"], golden: "languages-stats.text")
        try expect(["stats", "--format", "json"], golden: "languages-stats.json")
    }

    @Test func exportFiltersByLanguageFromTheCommandLineAndQueryFiles() throws {
        let arguments = try cli.run(["export", Self.query, "--language", "es", "--format", "tsv", "--no-manifest", "--db", "t.db"])
        #expect(arguments.status == 0, "\(arguments.stderr)")
        let rows = arguments.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        #expect(!rows.isEmpty && rows.allSatisfy { $0[11] == "es" })
        try cli.folder.write(
            "queries.yaml",
            """
            - id: slavic
              query: 'касетні OR кассетные'
              language: [uk, ru]
            - id: arabic
              query: العنقودية
              language: ar
            - id: none
              query: 'касетні OR кассетные'
              language: de
            """)
        let file = try cli.run(["export", "--queries", "queries.yaml", "--format", "csv", "--output", "out.csv", "--db", "t.db", "--quiet"])
        #expect(file.status == 0, "\(file.stderr)")
        let csv = try cli.folder.read("out.csv")
        let ids = csv.split(whereSeparator: \.isNewline).dropFirst().map { line in String(line.split(separator: ",")[0]) }  // CRLF rows
        #expect(Set(ids) == ["slavic", "arabic"])
        let manifest = try cli.folder.read("out.csv.manifest.json")
        #expect(manifest.contains(#""languages":["uk","ru"]"#))
    }

    @Test func anUnknownCodeIsOneLineWithAHint() throws {
        let result = try cli.run(["search", "munitions", "--language", "en,english", "--db", "t.db"])
        #expect(result.status == 2)
        #expect(
            result.stderr
                == "dossier: error: unknown language 'english'; give ISO 639-1 codes such as en, uk, ru, de, fr, es, ar or zh (dossier stats lists the index's languages)\n"
        )
        let export = try cli.run(["export", "munitions", "--language", "xx", "--db", "t.db"])
        #expect(export.status == 2)
        #expect(export.stderr.hasPrefix("dossier: error: unknown language 'xx'"))
        try cli.folder.write("bad.yaml", "- query: munitions\n  language: klingon\n")
        let file = try cli.run(["export", "--queries", "bad.yaml", "--db", "t.db"])
        #expect(file.status == 2)
        #expect(file.stderr.hasPrefix("dossier: error: bad.yaml:1: unknown language 'klingon'"), "\(file.stderr)")
    }
}
