import CSV
import Foundation
import PropertyBased
import Testing

@testable import DossierExport
@testable import DossierModel

/// CSV and TSV read back through a CSV parser give the hits' values, with formula-like cells neutralised.
@Suite struct ExportCSVRoundTripTests {
    func rows(_ csv: String) throws -> (header: [String], rows: [[String]]) {
        let reader = try CSVReader(string: csv, hasHeaderRow: true)
        var rows: [[String]] = []
        while let row = reader.next() { rows.append(row) }
        return (reader.headerRow ?? [], rows)
    }

    @Test func csvRoundTripsThroughAParser() throws {
        let fixture = try ExportFixture()
        let (text, outcomes) = try fixture.export(.csv, neutralizeFormulas: false)
        let (header, rows) = try rows(text)
        #expect(header == ["query_id", "query"] + HitColumns.names)
        #expect(rows.count == outcomes.reduce(0) { $0 + $1.rows })
        let textColumn = header.firstIndex(of: "text")!
        let texts = Set(rows.map { $0[textColumn] })
        // Quotes, commas, a line break inside a cell, and formula-like starts come back unchanged.
        #expect(
            texts.contains(
                "Delegates met on Monday, and the talks on the ceasefire resumed after a week's pause. \"We are hopeful,\" said one delegate."
            ))
        #expect(
            texts.contains("-5 degrees at night made the ceasefire monitors' work harder;\nobservers counted shells, drones and mortars."))
        #expect(texts.contains("=HYPERLINK(\"http://example.invalid\",\"ceasefire terms\") appeared in a leaked spreadsheet of the talks."))
        #expect(texts.contains("+44 20 7946 0000 is the number the monitors gave for reports of drone strikes."))
        #expect(texts.contains("@monitors posted a photo of the drone debris, with a caption in \"quotes\"."))
        #expect(rows.allSatisfy { $0.count == header.count })
    }

    @Test func formulaLikeCellsAreNeutralised() throws {
        let fixture = try ExportFixture()
        let (text, _) = try fixture.export(.csv)
        let (header, rows) = try rows(text)
        let textColumn = header.firstIndex(of: "text")!
        let snippetColumn = header.firstIndex(of: "snippet")!
        for row in rows {
            for cell in [row[textColumn], row[snippetColumn], row[0], row[1]] {
                #expect(!["=", "+", "-", "@", "\t", "\r"].contains(cell.first.map(String.init) ?? ""), "cell \(cell.debugDescription)")
            }
        }
        let texts = rows.map { $0[textColumn] }
        #expect(texts.contains { $0.hasPrefix("'=HYPERLINK(") })
        #expect(texts.contains { $0.hasPrefix("'+44") })
        #expect(texts.contains { $0.hasPrefix("'-5 degrees") })
        #expect(texts.contains { $0.hasPrefix("'@monitors") })
        // Numbers stay numbers.
        #expect(rows.allSatisfy { Int($0[header.firstIndex(of: "rank")!]) != nil && Double($0[header.firstIndex(of: "score")!]) != nil })
    }

    @Test func formulaLikeQueriesAreNeutralisedToo() throws {
        let fixture = try ExportFixture()
        let (text, _) = try fixture.export(.csv, queries: "q1\t-5 degrees\n")
        let (_, rows) = try rows(text)
        #expect(!rows.isEmpty)
        #expect(rows.allSatisfy { $0[1] == "'-5 degrees" })
    }

    @Test func tsvIsOneLinePerRowWithEscapes() throws {
        let fixture = try ExportFixture()
        let (text, outcomes) = try fixture.export(.tsv, neutralizeFormulas: false)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 1 + outcomes.reduce(0) { $0 + $1.rows })
        let width = ExportRowWriters.leadingColumns(dedupe: false).count + HitColumns.names.count
        #expect(lines.allSatisfy { $0.split(separator: "\t", omittingEmptySubsequences: false).count == width })
        #expect(text.contains("-5 degrees at night made the ceasefire monitors' work harder;\\nobservers counted"))
        #expect(text.contains("A tab\\there and a backslash \\\\ there"))
    }

    static let trickyCells = [
        "plain", "a,b", "\"quoted\"", "line\nbreak", "crlf\r\nbreak", "cr\ronly", "", " spaced ", "=1+1", "tab\there",
        "é,ü \"ß\"", "🇺🇦,👩‍👩‍👧", ",", "\"", "\r\n",
    ]

    @Test(arguments: trickyCells)
    func trickyCellsRoundTrip(cell: String) throws {
        let sink = StringSink()
        let writer = DelimitedHitWriter(sink: sink, style: .csv, neutralizeFormulas: false)
        writer.leadingColumns = ["query_id", "query"]
        let hit = Hit(
            rank: 1, score: 2, path: cell, paths: [cell], title: cell, metadata: ArticleMetadata(author: cell, source: cell),
            passage: 1, start: 0, end: 1, text: cell, snippet: cell, topics: [])
        try writer.write(leading: [cell, cell], hit: hit)
        try writer.write(leading: ["2", "x"], hit: hit)
        try writer.finish()
        #expect(sink.text.hasSuffix("\r\n"))
        let (header, rows) = try rows(sink.text)
        #expect(rows.count == 2)
        let expected: [String: String] = [
            "query_id": cell, "query": cell, "path": cell, "title": cell, "author": cell, "source": cell, "text": cell, "snippet": cell,
        ]
        for (name, value) in expected {
            #expect(rows[0][header.firstIndex(of: name)!] == value, "\(name)")
        }
        #expect(rows[1][0] == "2")
    }
}

/// The CSV rows' quoting is CSV.swift's, byte for byte.
@Suite struct CSVQuotingTests {
    @Test func quotingIsTheLibrarys() async throws {
        let alphabet = Array("ab ,\"\r\n\t;'=é“”🚀\u{00A0}\u{2028}")
        let generator = Gen.int(in: 0..<alphabet.count).array(of: 0...20).map { String($0.map { alphabet[$0] }) }
        await propertyCheck(count: 2000, input: generator) { cell in
            var line: [UInt8] = []
            var copy = cell
            copy.withUTF8 { DelimitedHitWriter.appendQuoted($0, to: &line) }
            let library = try? DelimitedHitWriter.quotedByCSVLibrary(cell)
            #expect(String(decoding: line, as: UTF8.self) == library, "\(cell.debugDescription)")
        }
    }
}
