import Testing

@testable import DossierIngest

struct HTMLReaderTests {
    @Test func keepsTheArticleAndDropsPageChrome() throws {
        let article = try IngestFixtures.article("html/article.html")
        for dropped in [
            "TRACKER-SCRIPT-TEXT", "INLINE-SCRIPT-TEXT", "font-family", "SITE-HEADER-TEXT", "NAV-MENU-TEXT", "ASIDE-RELATED-TEXT",
            "FORM-LABEL-TEXT", "ARTICLE-FOOTER-TEXT", "SITE-FOOTER-TEXT", "HIDDEN-TEXT", "<p>", "&amp;",
        ] {
            #expect(!article.text.contains(dropped), "\(dropped) should not be indexed")
        }
        #expect(article.text.contains("a storm & a fire closed it"))
        #expect(article.text.contains("“about forty boxes an hour”"))
    }

    @Test func blockElementsBecomePassages() throws {
        let loader = ArticleLoader(keepBoilerplate: true)
        let passages = try IngestFixtures.article("html/article.html", loader: loader).passages.map(\.text)
        #expect(
            passages == [
                "Harbour cranes return to Portvale",
                "By Mira Castellan",
                "5 March 2024",
                "Three container cranes came back to the north quay on Tuesday, six months after a storm & a fire closed it.",
                "The port authority said the cranes would move “about forty boxes an hour” once tested.",
                "What changes for shippers",
                "Berths 4 and 5 reopen first.",
                "Night shifts resume in April.",
                "We waited a long time for this, said a crane driver.",
                "Berth 4",
                "Open",
                "First line of an address\nSecond line of an address",
                "Before a double break",
                "After a double break",
            ])
    }

    @Test func passageOffsetsReferToTheExtractedText() throws {
        let article = try IngestFixtures.article("html/article.html")
        let scalars = Array(article.text.unicodeScalars)
        for passage in article.passages {
            #expect(String(String.UnicodeScalarView(scalars[passage.start..<passage.end])) == passage.text)
        }
    }

    @Test func readsMetadataFromMetaTags() throws {
        let article = try IngestFixtures.article("html/article.html")
        #expect(article.title == "Harbour cranes return to Portvale")
        #expect(article.metadata.format == "html")
        #expect(article.metadata.author == "Mira Castellan")
        // The time as written on the page, its zone dropped: converting to UTC could change the day.
        #expect(article.metadata.date == "2024-03-05T08:15:00")
        #expect(article.metadata.dateSource == "content")
        #expect(article.metadata.url == "https://www.portvale-ledger.example/2024/03/harbour-cranes")
        #expect(article.metadata.source == "portvale-ledger.example")
        #expect(article.metadata.language == "en")
    }

    @Test func honoursTheDeclaredCharsetAndPrefersMain() throws {
        let article = try IngestFixtures.article("html/latin1.html")
        #expect(article.title == "Café societies")
        #expect(
            article.passages.map(\.text) == [
                "Café societies", "The cafés of the old town reopened, naïvely hoping for summer crowds.", "Prices rose by 5\u{A0}%.",
            ])
        #expect(!article.text.contains("SIDEBAR"))
    }

    @Test func decodesLegacyCyrillicThroughIconv() throws {
        let article = try IngestFixtures.article("html/cyrillic-1251.html")
        #expect(article.title == "Пристанище")
        #expect(article.text.contains("Новите кранове са в пристанището."))
        // One short Bulgarian sentence: CLD2 takes it for Serbian (short South Slavic text is its weak
        // spot, docs/languages.md); what matters here is that the decoded text is Cyrillic words.
        #expect(["bg", "sr", "mk"].contains(article.metadata.language ?? ""))
    }

    @Test func fallsBackToTitleElementJSONLDAndBody() throws {
        let article = try IngestFixtures.article("html/plain-body.html")
        #expect(article.title == "Notes from the archive")
        #expect(article.metadata.author == "Tomas Rell")
        #expect(article.metadata.date == "2019-11-02")
        #expect(article.passages.first?.text == "Notes from the archive")
        #expect(article.text.contains("The archive holds twelve boxes of letters, most of them unsorted."))
        #expect(article.text.contains("Box 1   letters 1901-1910\nBox 2   letters 1911-1920"))
        #expect(!article.text.contains("@context"))
    }

    @Test func takesTheLongestOfSeveralArticles() {
        let html = """
            <body><article><p>Teaser one.</p></article>
            <article><h1>Main story</h1><p>The main story has by far the most text of the page, several sentences of it.</p></article>
            <article><p>Teaser two.</p></article></body>
            """
        let page = HTMLReader.extract(html: html)
        #expect(page.paragraphs == ["Main story", "The main story has by far the most text of the page, several sentences of it."])
        #expect(page.title == "Main story")
    }

    @Test func survivesBrokenAndHostileMarkup() {
        #expect(HTMLReader.extract(html: "<p>unclosed <b>bold <i>italic").paragraphs == ["unclosed bold italic"])
        #expect(HTMLReader.extract(html: "").paragraphs.isEmpty)
        #expect(HTMLReader.extract(html: "<<<>>>&&&;;").paragraphs.count <= 1)
        let deep = String(repeating: "<div>", count: 20_000) + "deep text" + String(repeating: "</div>", count: 20_000)
        #expect(HTMLReader.extract(html: deep).paragraphs.count <= 1)  // no crash; libxml2 may cut very deep trees
    }

    @Test func aPageWithoutTextIsEmpty() throws {
        let folder = try TempFolder(prefix: "dossier-ingest")
        try folder.write("blank.html", "<html><head><script>only()</script></head><body><nav>menu</nav></body></html>")
        let outcome = try folder.ingest()
        #expect(outcome.skipped.values.first == .empty)
    }

    @Test func readsTheCharsetDeclaration() {
        #expect(HTMLReader.declaredCharset(Array(#"<meta charset="KOI8-R">"#.utf8)) == "koi8-r")
        #expect(
            HTMLReader.declaredCharset(Array("<META HTTP-EQUIV='Content-Type' CONTENT='text/html; charset=windows-1251'>".utf8))
                == "windows-1251")
        #expect(HTMLReader.declaredCharset(Array(#"<?xml version="1.0" encoding="ISO-8859-2"?><html>"#.utf8)) == "iso-8859-2")
        #expect(HTMLReader.declaredCharset(Array(#"<meta charset="utf-16">"#.utf8)) == "utf-8")
        #expect(HTMLReader.declaredCharset(Array("<p>no declaration</p>".utf8)) == nil)
    }

    /// A long article body, so that the selector takes the page for an article.
    static let body = String(
        repeating: "The harbour authority reopened the north quay on Tuesday, and the cranes moved their first boxes by noon. ", count: 4)

    @Test func anAuthorGivenAsAnIDInTheGraphIsRead() {
        let html = """
            <html><head><script type="application/ld+json">{"@graph": [
              {"@type": "Article", "headline": "Cranes return", "author": {"@id": "#ann"}},
              {"@type": "Person", "@id": "#ann", "name": "Ann Reed"}]}</script></head>
            <body><article><h1>Cranes return</h1><p>\(Self.body)</p></article></body></html>
            """
        #expect(HTMLReader.extract(html: html).author == "Ann Reed")
    }

    @Test func jsonLDWithLineBreaksInsideItsStringsIsRead() {
        let html = """
            <html><head><script type="application/ld+json">{"@type": "NewsArticle", "headline": "Cranes
            return", "datePublished": "2024-03-05"}</script></head><body><p>\(Self.body)</p></body></html>
            """
        let page = HTMLReader.extract(html: html)
        #expect(page.date == "2024-03-05")
        #expect(page.title == "Cranes return")
    }

    @Test func aLinkToTheAuthorsPageNamesTheAuthor() {
        let html = """
            <html><body><article><h1>Cranes return</h1><p class="byline">Posted in <a href="/category/port/">Port</a>
            by <a href="https://ledger.example/author/cy-park/">Cy Park</a></p><p>\(Self.body)</p></article>
            <aside><a href="/author/someone-else/">Someone Else</a></aside></body></html>
            """
        #expect(HTMLReader.extract(html: html).author == "Cy Park")
    }

    @Test func aPostTitleBelowTheBlogNameIsTheTitle() {
        let html = """
            <html><head><title>Night shifts resume &#8211; Tinkerblog</title><meta property="og:site_name" content="Tinkerblog">
            </head><body><header role="banner"><h1>Tinkerblog</h1></header><article>
            <header role="banner"><h2 class="entry-title">Night shifts resume</h2></header><p>\(Self.body)</p></article>
            <aside><h3>Night shifts resume</h3></aside></body></html>
            """
        #expect(HTMLReader.extract(html: html).title == "Night shifts resume")
    }

    @Test func aDatelineOpeningTheArticleIsItsDate() {
        let html = "<html><body><article><h1>Cranes return</h1><p>27.1.2022 - \(Self.body)</p></article></body></html>"
        #expect(HTMLReader.extract(html: html).date == "2022-01-27")
    }

    @Test func aHeadingThatLinksToTheHomePageIsTheSitesLogo() {
        let html = """
            <html><head><title>Tinkerblog &raquo; Night shifts</title></head><body>
            <h1><a href="https://tinker.example/">Tinkerblog</a></h1>
            <h2 class="posttitle"><a href="https://tinker.example/night-shifts/">Night shifts</a></h2><p>\(Self.body)</p></body></html>
            """
        #expect(HTMLReader.extract(html: html).title == "Night shifts")
        #expect(HTMLReader.isSiteLogoHref("https://web.archive.org/web/2016/http://tinker.example/"))
        #expect(!HTMLReader.isSiteLogoHref("/night-shifts/"))
    }
}
