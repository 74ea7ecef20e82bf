import Testing

@testable import DossierIngest

/// Main-content extraction on pages written for each rule: the article is kept, its surroundings dropped.
struct MainContentTests {
    func text(_ name: String, keepBoilerplate: Bool = false) throws -> String {
        try IngestFixtures.article("html/main-content/\(name)", loader: ArticleLoader(keepBoilerplate: keepBoilerplate)).text
    }

    @Test func dropsTheCommentThread() throws {
        let text = try text("comments.html")
        #expect(text.contains("The island ferry will run four crossings a day"))
        #expect(text.contains("the summer timetable would come back in April"))
        #expect(!text.contains("COMMENT-TEXT"))
        #expect(!text.contains("12 comments"))
    }

    @Test func dropsTeaserListsAndLinkRows() throws {
        let text = try text("teasers.html")
        #expect(text.contains("Die Stadt baut bis zum Herbst zwei neue Radwege"))
        #expect(text.contains("Umleitungen werden ausgeschildert."))
        #expect(!text.contains("TEASER"))
    }

    @Test func dropsCookieBannerAndNewsletterBox() throws {
        let text = try text("cookie-banner.html")
        #expect(text.contains("la bibliothèque municipale rouvre ce samedi"))
        #expect(text.contains("plus de quarante mille ouvrages"))
        #expect(!text.contains("COOKIE-TEXT"))
        #expect(!text.contains("NEWSLETTER-TEXT"))
    }

    @Test func keepsEveryPostOfALiveBlog() throws {
        let text = try text("live-blog.html")
        for post in ["POST-ONE", "POST-TWO", "POST-THREE"] { #expect(text.contains(post)) }
        #expect(!text.contains("FOOTER-TEXT"))
        #expect(text.range(of: "POST-THREE")!.lowerBound < text.range(of: "POST-ONE")!.lowerBound, "reading order")
    }

    @Test func keepsBothArticlesOfAPageWithTwo() throws {
        let text = try text("two-articles.html")
        #expect(text.contains("FIRST-ARTICLE"))
        #expect(text.contains("SECOND-ARTICLE"))
        #expect(text.contains("Road works on Mill Lane"))
        #expect(text.contains("New opening hours at the recycling centre"))
        #expect(!text.contains("SIDEBAR-LINK"))
    }

    @Test func findsAnArticleLaidOutInATable() throws {
        let text = try text("table-layout.html")
        #expect(text.contains("TABLE-ARTICLE The mill by the river was built in 1823"))
        #expect(text.contains("welcomes anyone who wants to help with the work."))
        #expect(!text.contains("MENU-LINK"))
        #expect(!text.contains("COPYRIGHT-TEXT"))
    }

    @Test func keepBoilerplateIndexesEveryBlock() throws {
        let text = try text("comments.html", keepBoilerplate: true)
        #expect(text.contains("COMMENT-TEXT"))
        #expect(text.contains("The island ferry will run four crossings a day"))
    }

    @Test func aShortPageIsKeptWhole() {
        let page = HTMLReader.extract(html: "<body><div class='menu'><a href='/'>Home</a></div><p>Closed today.</p></body>")
        #expect(page.paragraphs == ["Home", "Closed today."])
    }

    @Test func namesOfPageFurnitureAreRecognised() {
        #expect(BoilerplateHints.hint(classes: "article-comments", id: nil, role: nil, itemprop: nil) == .boilerplate)
        #expect(BoilerplateHints.hint(classes: "entry-content share-enabled", id: nil, role: nil, itemprop: nil) == .content)
        #expect(BoilerplateHints.hint(classes: nil, id: "kommentare", role: nil, itemprop: nil) == .boilerplate)
        #expect(BoilerplateHints.hint(classes: "canvas", id: nil, role: nil, itemprop: nil) == .none)
        #expect(BoilerplateHints.hint(classes: "top-nav", id: nil, role: nil, itemprop: nil) == .boilerplate)
        #expect(BoilerplateHints.hint(classes: nil, id: nil, role: "navigation", itemprop: nil) == .boilerplate)
        #expect(BoilerplateHints.hint(classes: nil, id: nil, role: nil, itemprop: "articleBody") == .content)
    }

    @Test func datesAndBylinesFromMarkupWithoutMetas() {
        let html = """
            <html><head><title>Harbour reopens | Ledger</title></head><body>
            <div class="post"><h1>Harbour reopens</h1>
            <div class="post-meta"><span class="entry-date">, le 15 septembre 2009</span>
            <span class="entry-author">von <a href="/u/cy">Cy Park</a></span></div>
            <p>The harbour reopened on Tuesday after six months of repairs, the port authority said in a statement.</p>
            <p>Ferries resume their summer timetable next week, and the fish market returns to the quay in May.</p>
            </div></body></html>
            """
        let page = HTMLReader.extract(html: html)
        #expect(page.date == "2009-09-15")
        #expect(page.author == "Cy Park")
        #expect(page.title == "Harbour reopens")
    }

    @Test func deeplyNestedFurnitureIsMarkedOnce() {
        let prose = "<p>The harbour reopened on Tuesday after six months of repairs, the port authority said in a statement.</p>"
        let nested = String(repeating: "<div class='share'><p>Share</p>", count: 2000) + String(repeating: "</div>", count: 2000)
        let page = HTMLReader.extract(html: "<body><div>" + String(repeating: prose, count: 4) + "</div>" + nested + "</body>")
        #expect(page.paragraphs.count == 4)
        #expect(!page.paragraphs.contains("Share"))
    }
}
