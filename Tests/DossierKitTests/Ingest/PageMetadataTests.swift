import Testing

@testable import DossierIngest

/// The precedence of a web page's title, date and author, and the readers behind it.
struct PageMetadataTests {
    @Test func theVisibleHeadlineWinsWhenThePageTitleHoldsIt() {
        let title = PageMetadata.title(
            headline: nil, metaTitle: "Harbour reopens | Portvale Ledger", h1: "Harbour reopens", titleElement: nil, siteName: nil)
        #expect(title == "Harbour reopens")
        let notTheArticles = [
            PageMetadata.Heading(text: "Sign up for our newsletter", level: 1, inContent: false),
            PageMetadata.Heading(text: "Most read", level: 1, inContent: false),
        ]
        let other = PageMetadata.title(
            headline: "Harbour reopens after storm", metaTitle: nil, headings: notTheArticles, titleElement: nil, siteName: nil)
        #expect(other == "Harbour reopens after storm")
    }

    @Test func theSiteNameIsCutFromTheTitle() {
        #expect(PageMetadata.withoutSiteName("Harbour reopens - Portvale Ledger", siteName: "Portvale Ledger") == "Harbour reopens")
        #expect(
            PageMetadata.withoutSiteName("Harbour reopens after the storm | Ledger", siteName: nil) == "Harbour reopens after the storm")
        #expect(
            PageMetadata.withoutSiteName("Repairing old radios – a guide for beginners – Tinkerblog – Tech", siteName: nil)
                == "Repairing old radios – a guide for beginners")
        #expect(PageMetadata.withoutSiteName("A title without a site", siteName: nil) == "A title without a site")
    }

    @Test func datesKeepTheirLocalDay() {
        #expect(PageMetadata.date(["2022-05-07T22:06:23-05:00"]) == "2022-05-07T22:06:23")
        #expect(PageMetadata.date([nil, "", "2019-11-02"]) == "2019-11-02")
        #expect(PageMetadata.date(["not a date"]) == nil)
    }

    @Test func aUTCTimeTakesTheLocalDayThePageShows() {
        let none: () -> [String?] = { [] }
        let noTimes: () -> [String] = { [] }
        // Another candidate with its own offset moves the UTC time into that zone.
        #expect(
            PageMetadata.publishedDate(["2020-02-25T02:25:54Z", "2020-02-24T21:25:54-05:00"], days: none, times: noTimes)
                == "2020-02-24T21:25:54")
        // So does a dated comment's offset: a site writes its times in one zone.
        #expect(
            PageMetadata.publishedDate(["2015-12-12T23:30:00+00:00"], days: none, times: { ["2015-12-14T20:49:06+01:00"] })
                == "2015-12-13T00:30:00")
        // A time without a zone a whole number of hours away is the same moment, written locally.
        #expect(
            PageMetadata.publishedDate(["2023-11-09T05:30:59Z"], days: none, times: { ["2023-11-08 23:30:59"] })
                == "2023-11-08T23:30:59")
        // A day in the URL or a dateline that a zone near UTC reaches.
        #expect(
            PageMetadata.publishedDate(["Wed, 04 May 2022 02:41:00 GMT"], days: { [nil, "2022-05-03"] }, times: noTimes)
                == "2022-05-03")
        // ...unless the page also shows the UTC day itself (a masthead shows today's date).
        #expect(
            PageMetadata.publishedDate(["2022-05-05T22:12:00Z"], days: { ["2022-05-06", "2022-05-05"] }, times: noTimes)
                == "2022-05-05T22:12:00")
        // A day no zone within 10 hours reaches is another date (a listing's), not this one's.
        #expect(
            PageMetadata.publishedDate(["2020-02-18T12:53:40+00:00"], days: { ["2020-02-19"] }, times: noTimes) == "2020-02-18T12:53:40")
        // Midnight in Central Europe written in UTC is the next day.
        #expect(PageMetadata.publishedDate(["2021-11-04T23:00:00Z"], days: none, times: noTimes) == "2021-11-05")
        // Times with a zone other than UTC, and times without one, are kept as they are.
        #expect(
            PageMetadata.publishedDate(["2022-05-07T23:00:00-05:00"], days: { ["2022-05-08"] }, times: noTimes) == "2022-05-07T23:00:00")
        #expect(PageMetadata.publishedDate(["2022-05-07T23:00:00"], days: none, times: noTimes) == "2022-05-07T23:00:00")
        #expect(PageMetadata.publishedDate([nil, "not a date"], days: none, times: noTimes) == nil)
    }

    @Test func datesInURLs() {
        #expect(PageMetadata.date(inURL: "https://news.example/2023/11/06/harbour") == "2023-11-06")
        #expect(PageMetadata.date(inURL: "https://news.example/archive/2023-11-06-harbour") == "2023-11-06")
        #expect(PageMetadata.date(inURL: "https://news.example/20231106/harbour") == "2023-11-06")
        #expect(PageMetadata.date(inURL: "https://news.example/2023/11/harbour") == nil)
        #expect(PageMetadata.date(inURL: "https://news.example/item/123456789") == nil)
    }

    @Test func datelinesInSeveralLanguages() {
        #expect(DatelineFinder.date(in: "Veröffentlicht am 6. November 2023, 14:00 Uhr") == "2023-11-06")
        #expect(DatelineFinder.date(in: "Posted on November 6th, 2023 by Ann") == "2023-11-06")
        #expect(DatelineFinder.date(in: "Publié le 6 novembre 2023") == "2023-11-06")
        #expect(DatelineFinder.date(in: "6 de noviembre de 2023") == "2023-11-06")
        #expect(DatelineFinder.date(in: "06.11.2023 | Pressemitteilung") == "2023-11-06")
        #expect(DatelineFinder.date(in: "06-11-2023T14:12:32+0200") == "2023-11-06")
        #expect(DatelineFinder.date(in: "opublikowano 6 listopada 2023") == "2023-11-06")
        #expect(DatelineFinder.date(in: "Call 06/11/2023") == nil, "day and month could be either")
        #expect(DatelineFinder.date(in: "No date here, only 42 words.") == nil)
    }

    @Test func authorsByPrecedence() {
        let people = PageMetadata.author(
            people: ["Ann Reed", "Bo Lund"], bylines: ["By Cy Park"], metas: ["Ledger"], organisations: [], siteNames: [], bylineText: nil)
        #expect(people == "Ann Reed; Bo Lund")
        let byline = PageMetadata.author(
            people: [], bylines: ["Von Cy Park"], metas: ["Ledger"], organisations: ["Ledger Media"], siteNames: [], bylineText: nil)
        #expect(byline == "Cy Park")
        let meta = PageMetadata.author(
            people: [], bylines: ["Archive →"], metas: ["Portvale Ledger", "Dana Holt"], organisations: [], siteNames: ["Portvale Ledger"],
            bylineText: nil)
        #expect(meta == "Dana Holt")
        let organisation = PageMetadata.author(
            people: [], bylines: [], metas: [], organisations: ["Ledger Media"], siteNames: [], bylineText: "Ann")
        #expect(organisation == "Ledger Media")
    }

    @Test func bylinesAndTheirNames() {
        #expect(PageMetadata.name(inByline: "By Ann Reed") == "Ann Reed")
        #expect(PageMetadata.name(inByline: "Von Cy Park, 12. März 2021") == "Cy Park")
        #expect(PageMetadata.name(inByline: "Archive →") == nil)
        #expect(PageMetadata.name(inByline: "Name *") == nil)
        #expect(PageMetadata.name(inBylineLine: "Ein Beitrag von Dana Holt") == "Dana Holt")
        #expect(PageMetadata.name(inBylineLine: "Text: Dana Holt") == "Dana Holt")
        #expect(PageMetadata.name(inBylineLine: "By the way, the harbour is closed.") == nil)
        #expect(PageMetadata.name(inBylineLine: "11.12.2019 - Dana Holt") == "Dana Holt")
        #expect(PageMetadata.name(inByline: "Posted on May 3, 2021 by Ann Reed") == "Ann Reed")
        #expect(PageMetadata.name(inByline: "Veröffentlicht am") == nil)
        #expect(PageMetadata.name(inByline: "Redaktion: Cy Park (Pressesprecher)") == "Cy Park")
        #expect(PageMetadata.name(inByline: "Foto: Cy Park") == nil, "a photo credit")
        #expect(PageMetadata.spacedUserName("ann.reed") == "ann reed")
        #expect(PageMetadata.spacedUserName("Ann Reed") == "Ann Reed")
    }

    @Test func entitiesLeftInTitlesAreDecoded() {
        #expect(PageMetadata.decodingEntities("Fish &amp; chips &#8211; a history &#x2014; part 2") == "Fish & chips – a history — part 2")
        #expect(PageMetadata.decodingEntities("R&D costs") == "R&D costs")
    }

    @Test func aBlogPostTitleInAnH2BelowTheBlogNameWins() {
        let headings = [
            PageMetadata.Heading(text: "Tinkerblog", level: 1, inContent: false),
            PageMetadata.Heading(text: "Repairing old radios", level: 2, inContent: true, marked: true),
        ]
        let title = PageMetadata.title(
            headline: nil, metaTitle: nil, headings: headings, titleElement: "Repairing old radios | Notes from a small workshop",
            siteName: nil)
        #expect(title == "Repairing old radios")
    }

    @Test func aHeadingThatIsTheSiteNameIsNoTitle() {
        let headings = [
            PageMetadata.Heading(text: "Portvale Ledger", level: 1, inContent: false),
            PageMetadata.Heading(text: "Cranes return", level: 1, inContent: true),
        ]
        let title = PageMetadata.title(
            headline: nil, metaTitle: "Cranes return - Portvale Ledger", headings: headings, titleElement: nil, siteName: "Portvale Ledger")
        #expect(title == "Cranes return")
        let onlySite = PageMetadata.title(
            headline: nil, metaTitle: "Portvale Ledger",
            headings: [PageMetadata.Heading(text: "Night shifts resume", level: 1, inContent: true)],
            titleElement: "Portvale Ledger", siteName: "Portvale Ledger")
        #expect(onlySite == "Night shifts resume", "a title that is only the site's name gives way to the article's heading")
    }

    @Test func theHeadingKeepsItsTypographyAndAKickerGoes() {
        let typographic = PageMetadata.title(
            headline: nil, metaTitle: nil, headings: [PageMetadata.Heading(text: "Cranes – and what they cost", level: 1, inContent: true)],
            titleElement: "Cranes - and what they cost", siteName: nil)
        #expect(typographic == "Cranes – and what they cost")
        let kicker = PageMetadata.title(
            headline: "Cranes return to the north quay", metaTitle: nil,
            headings: [PageMetadata.Heading(text: "Harbour: Cranes return to the north quay", level: 1, inContent: true)],
            titleElement: nil,
            siteName: nil)
        #expect(kicker == "Cranes return to the north quay")
        #expect(PageMetadata.comparable("It’s back – “soon”…") == "it's back - \"soon\"...")
    }

    @Test func datesOpeningALineOrAfterALabel() {
        #expect(PageMetadata.date(inLines: ["Intro", "27.1.2022 - The council met."], elsewhere: []) == "2022-01-27")
        #expect(PageMetadata.date(inLines: ["2 cranes came back."], elsewhere: []) == nil)
        #expect(PageMetadata.date(inLines: [], elsewhere: ["Seen 3 times", "Erschienen am: 01.11.2023"]) == "2023-11-01")
        #expect(PageMetadata.date(inLines: [], elsewhere: ["Call us 01.11.2023"]) == nil, "a date without a label")
        #expect(
            PageMetadata.date(inLines: [], elsewhere: ["Last edited 2019-11-10 13:28"], labels: PageMetadata.updatedLabels) == "2019-11-10")
        #expect(PageMetadata.date(inURL: "https://news.example/notices/29-10-2021") == "2021-10-29")
        #expect(PageMetadata.date(inURL: "https://news.example/notices/10-29-2021") == "2021-10-29")
    }

    @Test func authorPageLinksComeAfterMetas() {
        let link = PageMetadata.author(
            people: [], bylines: [], metas: [], authorLinks: ["von Cy Park"], organisations: ["Ledger Media"], siteNames: [],
            bylineText: nil)
        #expect(link == "Cy Park")
    }

    @Test func theArticlesHeadingWinsOverATitleThatDisagrees() {
        let inArticle = PageMetadata.title(
            headline: nil, metaTitle: "Port news: cranes",
            headings: [PageMetadata.Heading(text: "Cranes return to the north quay", level: 1, inContent: true)],
            titleElement: "Port news: cranes | Ledger", siteName: nil)
        #expect(inArticle == "Cranes return to the north quay")
        let onlyH1 = PageMetadata.title(
            headline: nil, metaTitle: "Port news",
            headings: [PageMetadata.Heading(text: "Cranes return to the north quay", level: 1, inContent: false)],
            titleElement: nil, siteName: nil)
        #expect(onlyH1 == "Cranes return to the north quay", "the page's only <h1>")
    }

    @Test func placeholdersAreNoAuthorsAndAVisibleBylineBeatsTheSiteName() {
        let placeholder = PageMetadata.author(
            people: ["admin"], bylines: ["Follow"], metas: ["Portvale Ledger"], organisations: [], siteNames: ["Portvale Ledger"],
            bylineText: "Cy Park")
        #expect(placeholder == "Cy Park")
        #expect(PageMetadata.isPlaceholder("No Author"))
        #expect(!PageMetadata.isPlaceholder("Ann Reed"))
        #expect(PageMetadata.name(inByline: "ann_reed 17.10.2019, 13:56 Uhr") == "ann_reed")
    }
}
