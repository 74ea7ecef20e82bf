import Testing

@testable import DossierIngest

struct JSONArticleReaderTests {
    @Test func readsJSONLinesAndReportsBadLines() throws {
        let loaded = try IngestFixtures.load("json/feed.jsonl")
        let names = loaded.articles.map { String($0.path.split(separator: "/").last!) }
        #expect(names == ["feed.jsonl#1", "feed.jsonl#3"])
        #expect(
            loaded.warnings == [
                "line 2: malformed JSON", "line 5: not a JSON object", "line 6: no title or text (keys: unrelated)",
            ])
        let first = loaded.articles[0]
        #expect(first.title == "Ferry timetable changes")
        #expect(first.passages.map(\.text) == ["Ferry timetable changes", "Ferries will leave every forty minutes from June."])
        #expect(first.metadata.date == "2024-05-01T06:00:00Z")
        #expect(first.metadata.url == "https://islands.example.net/ferries")
        #expect(first.metadata.author == "Ana Lorre")
        #expect(first.metadata.source == "islands.example.net")
        #expect(first.metadata.format == "json")
        let third = loaded.articles[1]
        #expect(third.passages.map(\.text) == ["Bridge repairs", "The bridge closes for two weeks.", "Detours are signposted."])
        #expect(third.metadata.date == "2024-05-01T08:00:00Z")  // Unix time
        #expect(third.metadata.source == "River Post")
    }

    @Test func readsANewsAPIResponse() throws {
        let loaded = try IngestFixtures.load("json/newsapi.json")
        #expect(loaded.articles.map(\.title) == ["Lighthouse keeper retires", "Storm closes the pier"])
        #expect(loaded.articles.map { String($0.path.split(separator: "/").last!) } == ["newsapi.json#1", "newsapi.json#2"])
        let first = loaded.articles[0]
        #expect(first.text == "Lighthouse keeper retires\n\nAfter 31 years the last lighthouse keeper on the cape has retired.")
        #expect(first.metadata.author == "Lena Okafor")
        #expect(first.metadata.source == "Coast Courier")
        #expect(first.metadata.date == "2024-02-29T17:45:00Z")
        let second = loaded.articles[1]
        #expect(second.text == "Storm closes the pier\n\nThe pier is shut until repairs.")  // description when there is no content
        #expect(second.metadata.date == "2024-02-29T20:00:00Z")
        #expect(second.metadata.author == nil)
    }

    @Test func customFieldsMapOtherNames() throws {
        let plain = try IngestFixtures.article("json/custom-fields.json")
        #expect(plain.title == "Council votes on tram line")  // "hed" is a default title name
        let map = try JSONFieldMap(parsing: "text=story, date=meta.pubDate,source=desk")
        let article = try IngestFixtures.article("json/custom-fields.json", loader: ArticleLoader(jsonFields: map))
        #expect(article.path.hasSuffix("custom-fields.json"))
        #expect(article.passages.map(\.text) == ["Council votes on tram line", "The council voted nine to four for the tram line."])
        #expect(article.metadata.date == "2024-03-07")
        #expect(article.metadata.source == "Metro")
    }

    @Test func readsWordPressRenderedHTML() throws {
        let loaded = try IngestFixtures.load("json/wordpress.json")
        let article = try #require(loaded.articles.first)
        #expect(article.title == "Winter & the market")
        #expect(article.passages.map(\.text) == ["Winter & the market", "Stalls open at dawn.", "Bring a thermos."])
        #expect(article.metadata.date == "2024-01-15T09:00:00")
        #expect(article.metadata.source == "blog.example.com")
    }

    @Test func parsesTheFieldsOption() throws {
        let map = try JSONFieldMap(parsing: "text=story,title=hed,text=body2")
        #expect(map.keys[.text]?.prefix(2) == ["story", "body2"])
        #expect(map.keys[.title]?.first == "hed")
        #expect(throws: JSONFieldMap.ParseError.unknownField("headline")) { try JSONFieldMap(parsing: "headline=hed") }
        #expect(throws: JSONFieldMap.ParseError.missingEquals("story")) { try JSONFieldMap(parsing: "story") }
        #expect(throws: JSONFieldMap.ParseError.emptyKey("text")) { try JSONFieldMap(parsing: "text=") }
    }

    @Test func malformedJSONIsReportedNotCrashed() throws {
        let folder = try TempFolder(prefix: "dossier-ingest")
        try folder.write("broken.json", "{\"title\": \"unterminated")
        try folder.write("scalar.json", "42")
        try folder.write("lines.json", "{\"title\": \"A\", \"text\": \"one\"}\n{\"title\": \"B\", \"text\": \"two\"}\n")
        try folder.write("bad.jsonl", "not json at all\n")
        let outcome = try folder.ingest()
        #expect(outcome.skipped[folder.path + "/broken.json"] == .malformed("not JSON"))
        #expect(outcome.skipped[folder.path + "/scalar.json"] == .malformed("the JSON is neither an object nor an array"))
        #expect(outcome.skipped[folder.path + "/bad.jsonl"] == .malformed("line 1: malformed JSON"))
        let lines = try #require(outcome.loaded[folder.path + "/lines.json"])
        #expect(lines.articles.map(\.title) == ["A", "B"])
        #expect(lines.warnings == ["not one JSON document; read as JSON Lines"])
    }

    @Test func aCutJSONLinesFileSaysSo() throws {
        let folder = try TempFolder(prefix: "dossier-ingest")
        let line = "{\"title\": \"Row\", \"text\": \"Some text for the row.\"}\n"
        try folder.write("big.jsonl", String(repeating: line, count: 100))
        var loader = ArticleLoader()
        loader.fileByteLimit = line.utf8.count * 10 + 5
        let loaded = try loader.load(IngestFixtures.sourceFile(at: folder.path + "/big.jsonl"))
        #expect(loaded.truncated)
        #expect(loaded.articles.count == 10)
        #expect(loaded.warnings == ["line 11: cut at the size limit"])
    }

    @Test func readsTheItemsOfAJSONFeed() throws {
        let folder = try TempFolder(prefix: "dossier-ingest")
        try folder.write(
            "feed.json",
            """
            {"version": "https://jsonfeed.org/version/1.1", "title": "The Harbour Blog", "items": [
              {"id": "1", "title": "Tides", "content_text": "Spring tides are high this week.", "date_published": "2024-03-10T09:00:00+01:00",
               "url": "https://harbour.example/tides", "authors": [{"name": "Ida Noor"}, {"name": "Per Holm"}]}]}
            """)
        let loaded = try #require(try folder.ingest().loaded[folder.path + "/feed.json"])
        let article = try #require(loaded.articles.first)
        #expect(loaded.articles.count == 1)
        #expect(article.path.hasSuffix("feed.json#1"))
        #expect(article.title == "Tides")
        #expect(article.metadata.date == "2024-03-10T08:00:00Z")
        #expect(article.metadata.author == "Ida Noor, Per Holm")
    }

    @Test func aFileWithoutAnyArticleIsMalformedWithTheFirstReason() throws {
        let folder = try TempFolder(prefix: "dossier-ingest")
        try folder.write("scalars.json", "[1, 2, 3]")
        try folder.write("ids.jsonl", "{\"id\": 1, \"score\": 3}\n{\"id\": 2, \"score\": 4}\n")
        try folder.write("meta.json", "{\"id\": 1, \"score\": 3}")
        let outcome = try folder.ingest()
        #expect(outcome.skipped[folder.path + "/scalars.json"] == .malformed("item 1: not a JSON object (and 2 more)"))
        #expect(outcome.skipped[folder.path + "/ids.jsonl"] == .malformed("line 1: no title or text (keys: id, score) (and 1 more)"))
        #expect(outcome.skipped[folder.path + "/meta.json"] == .malformed("no article fields (keys: id, score; see --json-fields)"))
    }
}
