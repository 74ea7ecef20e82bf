import DossierExport
import Testing

@Suite struct QueryFileTests {
    @Test func plainTextIdsAreLineNumbers() throws {
        let specs = try QueryFile.parse(
            "\u{FEFF}cluster munitions\r\n# a comment\r\n\r\n  Taliban  \n\"al Qaeda\" OR Kabul\n", path: "w.txt")
        #expect(specs.map(\.id) == ["1", "4", "5"])
        #expect(specs.map(\.query) == ["cluster munitions", "Taliban", "\"al Qaeda\" OR Kabul"])
        #expect(specs.map(\.line) == [1, 4, 5])
    }

    @Test func tsvLinesGiveTheirIds() throws {
        let specs = try QueryFile.parse("# id\tquery\nDPICM\tcluster munitions\nkabul\tKabul NOT airport\n", path: "w.tsv")
        #expect(specs.map(\.id) == ["DPICM", "kabul"])
        #expect(specs.map(\.query) == ["cluster munitions", "Kabul NOT airport"])
        #expect(specs.map(\.line) == [2, 3])
    }

    @Test func yamlEntriesCarryFiltersTopicsAndLines() throws {
        let yaml = """
            # weekly
            - id: dpicm
              query: cluster munitions
              since: 2023-07
              until: 2023-12-31
              source: [abc.net.au, reuters]
            - id: 7
              topic: cluster munitions
              category: weapon
            - query: Taliban
              source: abc.net.au
            """
        let specs = try QueryFile.parse(yaml, path: "weekly.yaml")
        #expect(specs.count == 3)
        #expect(
            specs[0]
                == QuerySpec(
                    id: "dpicm", line: 2, query: "cluster munitions", since: "2023-07", until: "2023-12-31",
                    sources: ["abc.net.au", "reuters"]))
        #expect(specs[1] == QuerySpec(id: "7", line: 7, topic: "cluster munitions", category: "weapon"))
        #expect(specs[1].label == "topic:cluster munitions category:weapon")
        #expect(specs[2] == QuerySpec(id: "10", line: 10, query: "Taliban", sources: ["abc.net.au"]))
    }

    /// Each malformed file, with the line its error must name.
    static let malformed: [(String, String, Int)] = [
        ("w.txt", "ok\n\tquery without id\n", 2),
        ("w.txt", "ok\nid\t\n", 2),
        ("w.txt", "a\tone\nb\ttwo\tthree\n", 2),
        ("w.txt", "a\tone\n\na\ttwo\n", 3),
        ("w.yaml", "- id: a\n  query: one\n- id: b\n  qurey: two\n", 3),
        ("w.yaml", "- id: a\n  query: one\n- id: b\n  since: 2023\n", 3),
        ("w.yaml", "- id: a\n  query: one\n- id: a\n  query: two\n", 3),
        ("w.yaml", "- id: a\n  query: one\n- id: b\n  query: two\n  since: last week\n", 3),
        ("w.yaml", "- id: a\n  query: [one, two]\n", 1),
        ("w.yaml", "- id: a\n  query: one\n- just a string\n", 3),
        ("w.yaml", "id: a\nquery: one\n", 1),
        ("w.yaml", "- id: a\n  query: \"unclosed\n- id: b\n", 4),  // where YAML notices; the message names line 2
    ]

    @Test(arguments: malformed)
    func malformedEntriesNameTheirLine(path: String, text: String, line: Int) {
        do {
            let specs = try QueryFile.parse(text, path: path)
            Issue.record("parsed \(specs) from \(text.debugDescription)")
        } catch let error as ExportError {
            guard case .malformedEntry(let p, let l, _) = error else {
                Issue.record("got \(error)")
                return
            }
            #expect(p == path)
            #expect(l == line, "\(error)")
            #expect(!error.description.contains("\n"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test(arguments: ["", "\n# only comments\n\n", "[]\n"])
    func emptyFilesAreAnError(text: String) {
        #expect(throws: ExportError.self) { try QueryFile.parse(text, path: text.hasPrefix("[") ? "w.yaml" : "w.txt") }
    }

    @Test func missingFileIsReported() {
        #expect(throws: ExportError.unreadableQueryFile(path: "/no/such/queries.txt", reason: "no such file")) {
            try QueryFile.read(path: "/no/such/queries.txt")
        }
    }
}
