import DossierTestSupport
import Foundation
import Testing

/// Runs the built `dossier` binary on a fresh folder of fixture articles (written for these tests)
/// and checks `topics`, `search --topic/--category/--exact`, `--with`, `--by month` and `--check`.
@Suite(.serialized) struct TopicsCLITests {
    /// Runs the binary with `arguments` (and `environment` added) to the end; paths are absolute.
    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> ProcessResult {
        try runProcess(
            try DossierBinary.url(), arguments, in: FileManager.default.temporaryDirectory, environment: DossierCLI.environment(environment)
        )
    }

    /// A folder with three dated articles and a lexicon file.
    static func folder() throws -> TempFolder {
        let folder = try TempFolder(prefix: "dossier-cli")
        try folder.write(
            "lexicon.yaml",
            """
            version: 1
            categories:
              vessel:
                - id: moskva
                  label: Moskva cruiser
                  aliases:
                    - {alias: Moskva, not: [Moskva river]}
            """)
        try folder.write(
            "bad.yaml",
            "version: 1\ncategories:\n  weapon:\n    - id: x\n      label: y\n      aliases:\n        - {alias: UN, case: loud}\n")
        try folder.write(
            "articles/a-kiev.md",
            """
            ---
            title: Drones over Kiev
            date: 2024-03-02
            ---
            Shahed drones flew over Kiev at night; air defence crews fired Stinger missiles.

            The Moskva river was calm, and the HRW researchers left Kiev by train.
            """)
        try folder.write(
            "articles/b-sea.md",
            """
            ---
            title: A cruiser sinks
            date: 2024-04-15
            ---
            The Moskva sank in the Black Sea after two Neptune missiles struck it, Kyiv said.
            """)
        try folder.write(
            "articles/c-ban.md",
            """
            ---
            title: Cluster munitions ban
            date: 2024-04-20
            ---
            Human Rights Watch counted DPICM duds near Kyiv and called for the cluster munition ban to hold.
            """)
        return folder
    }

    static func index(_ root: String, lexicon: Bool = true) throws -> ProcessResult {
        try run(["index", "--db", root + "/i.db"] + (lexicon ? ["--lexicon", root + "/lexicon.yaml"] : []) + [root + "/articles"])
    }

    @Test func topicsListsCountsInEveryFormat() throws {
        let folder = try Self.folder()
        let root = folder.path
        #expect(try Self.index(root).status == 0)
        let json = try Self.run(["topics", "--db", root + "/i.db", "--format", "json", "--lexicon", root + "/lexicon.yaml"])
        #expect(json.status == 0, "\(json.stderr)")
        #expect(json.stdout.contains(#"{"id":"kyiv","label":"Kyiv","category":"place","passages":4,"articles":3}"#), "\(json.stdout)")
        #expect(json.stdout.contains(#"{"id":"moskva","label":"Moskva cruiser","category":"vessel","passages":1,"articles":1}"#))
        let text = try Self.run(["topics", "--db", root + "/i.db", "--category", "vessel", "--lexicon", root + "/lexicon.yaml"])
        #expect(
            text.stdout == "TOPIC   LABEL           CATEGORY  PASSAGES  ARTICLES\nmoskva  Moskva cruiser  vessel           1         1\n")
        let csv = try Self.run(["topics", "--db", root + "/i.db", "--category", "vessel", "-f", "csv", "--lexicon", root + "/lexicon.yaml"])
        #expect(csv.stdout == "id,label,category,passages,articles\r\nmoskva,Moskva cruiser,vessel,1,1\r\n")
    }

    @Test func searchByTopicCategoryAndExpansion() throws {
        let folder = try Self.folder()
        let root = folder.path
        #expect(try Self.index(root).status == 0)
        let db = root + "/i.db"
        func paths(_ arguments: [String]) throws -> [String] {
            let r = try Self.run(
                ["search", "--db", db, "-f", "tsv", "--limit", "50"] + arguments, environment: ["DOSSIER_LEXICON": root + "/lexicon.yaml"])
            return r.stdout.split(separator: "\n").dropFirst().map { line in
                let cells = line.split(separator: "\t", omittingEmptySubsequences: false)
                return (cells[2].split(separator: "/").last.map(String.init) ?? "") + ":" + cells[10]
            }.sorted()
        }
        #expect(try paths(["--topic", "kyiv"]) == ["a-kiev.md:1", "a-kiev.md:2", "b-sea.md:1", "c-ban.md:1"])
        #expect(try paths(["Kyiv"]) == ["a-kiev.md:1", "a-kiev.md:2", "b-sea.md:1", "c-ban.md:1"])
        #expect(try paths(["--exact", "Kyiv"]) == ["b-sea.md:1", "c-ban.md:1"])
        // "the Moskva river" is not the cruiser.
        #expect(try paths(["--topic", "Moskva"]) == ["b-sea.md:1"])
        #expect(try paths(["--category", "weapon", "Kiev"]) == ["a-kiev.md:1", "b-sea.md:1", "c-ban.md:1"])
        #expect(try paths(["--topic", "cluster munitions", "--topic", "hrw"]) == ["c-ban.md:1"])
        let none = try Self.run(["search", "--db", db, "--topic", "no such thing"])
        #expect(none.status == 2 && none.stderr.contains("no topic is named"))
        let explain = try Self.run(["search", "--db", db, "--explain", "Kyiv"])
        #expect(explain.stderr.contains("query: topic:kyiv"))
        #expect(explain.stderr.contains("names: Kiev → kyiv"))
    }

    @Test func withListsCooccurringTopicsMostFrequentFirst() throws {
        let folder = try Self.folder()
        let root = folder.path
        #expect(try Self.index(root, lexicon: false).status == 0)
        let r = try Self.run(["topics", "--db", root + "/i.db", "--with", "kyiv", "-f", "csv"])
        #expect(r.status == 0, "\(r.stderr)")
        let ids = r.stdout.split(separator: "\r\n").dropFirst().map { $0.split(separator: ",")[0] }
        #expect(ids.first == "hrw", "\(r.stdout)")
        #expect(Set(ids).isSuperset(of: ["cluster-munitions", "drones", "hrw"]))
        #expect(!ids.contains("kyiv"))
    }

    @Test func byMonthCountsDatedArticles() throws {
        let folder = try Self.folder()
        let root = folder.path
        #expect(try Self.index(root, lexicon: false).status == 0)
        let r = try Self.run(["topics", "--db", root + "/i.db", "--by", "month", "--topic", "Kyiv"])
        #expect(
            r.stdout == "MONTH    ARTICLES  PASSAGES\n2024-03         1         2\n2024-04         2         2\nundated articles: 0\n",
            "\(r.stdout)\(r.stderr)")
    }

    @Test func checkValidatesALexiconFile() throws {
        let folder = try Self.folder()
        let root = folder.path
        let good = try Self.run(["topics", "--lexicon", root + "/lexicon.yaml", "--check"])
        #expect(good.status == 0 && good.stdout.contains("ok: 1 topics in 1 categories"), "\(good.stdout)\(good.stderr)")
        let bad = try Self.run(["topics", "--lexicon", root + "/bad.yaml", "--check"])
        #expect(bad.status == 2)
        #expect(bad.stderr == root + "/bad.yaml:7: `case` is `sensitive` or `insensitive`\n")
    }

    @Test func aSearchWithAnotherLexiconThanTheIndexSaysHowToRetag() throws {
        let folder = try Self.folder()
        let root = folder.path
        #expect(try Self.index(root, lexicon: false).status == 0)
        let r = try Self.run(["search", "--db", root + "/i.db", "--lexicon", root + "/lexicon.yaml", "Kyiv"])
        #expect(r.status == 2 && r.stderr.contains("re-tag"), "\(r.stderr)")
        #expect(try Self.index(root).stderr.contains("re-tagged"))
        #expect(try Self.run(["search", "--db", root + "/i.db", "--lexicon", root + "/lexicon.yaml", "Kyiv"]).status == 0)
    }
}
