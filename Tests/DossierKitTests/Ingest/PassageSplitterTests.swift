import Testing

@testable import DossierIngest
@testable import DossierModel

@Suite struct PassageSplitterTests {
    /// Every passage's offsets point at exactly its text in the article.
    static func expectOffsetsMatch(_ text: String, _ passages: [Passage], sourceLocation: SourceLocation = #_sourceLocation) {
        let scalars = Array(text.unicodeScalars)
        for passage in passages {
            let slice = String(String.UnicodeScalarView(scalars[passage.start..<passage.end]))
            #expect(slice == passage.text, sourceLocation: sourceLocation)
        }
        #expect(
            passages.map(\.ordinal) == Array(1...max(1, passages.count)).prefix(passages.count).map { $0 }, sourceLocation: sourceLocation)
    }

    @Test func paragraphsAreSeparatedByBlankLines() {
        let text = "Title line\n\nFirst paragraph\ncontinues here.\n \t\nSecond paragraph.\n"
        let passages = PassageSplitter().split(text)
        #expect(passages.map(\.text) == ["Title line", "First paragraph\ncontinues here.", "Second paragraph."])
        Self.expectOffsetsMatch(text, passages)
    }

    @Test func offsetsCountUnicodeScalarsThroughCurlyQuotesAndNoBreakSpaces() {
        let text = "“Quoted” headline\u{00A0}here\n\n\u{00A0}Body with “curly” quotes and emoji 🚀 in it.\n"
        let passages = PassageSplitter().split(text)
        #expect(passages.count == 2)
        #expect(passages[1].text.hasPrefix("Body"))  // a no-break space is white space
        Self.expectOffsetsMatch(text, passages)
    }

    @Test func longParagraphIsCutIntoWholeSentenceWindows() {
        let sentence = "The convoy moved slowly along the damaged road toward the northern town."  // 12 words
        let paragraph = Array(repeating: sentence, count: 30).joined(separator: " ")  // 360 words
        let text = "Headline\n\n" + paragraph + "\n"
        let passages = PassageSplitter(maxWords: 120).split(text)
        #expect(passages.count == 4)  // headline + 3 windows of 10 sentences
        for window in passages.dropFirst() {
            #expect(window.text.hasPrefix("The convoy"))
            #expect(window.text.hasSuffix("town."))
            #expect(window.text.split(separator: " ").count <= 120)
        }
        Self.expectOffsetsMatch(text, passages)
    }

    @Test func abbreviationsAndInitialsDoNotEndSentences() {
        let scalars = Array("Gen. Smith met U.S. envoys in Jan. and J. Doe said no. Then it rained.".unicodeScalars)
        let sentences = SentenceSplitter.sentences(in: scalars, range: 0..<scalars.count)
        let texts = sentences.map { String(String.UnicodeScalarView(scalars[$0])) }
        #expect(texts == ["Gen. Smith met U.S. envoys in Jan. and J. Doe said no.", "Then it rained."])
    }

    @Test func sentenceEndingInsideQuotesSplitsAfterTheQuote() {
        let scalars = Array("He said “it is over.” Officials disagreed.".unicodeScalars)
        let sentences = SentenceSplitter.sentences(in: scalars, range: 0..<scalars.count)
        #expect(sentences.count == 2)
        #expect(String(String.UnicodeScalarView(scalars[sentences[0]])) == "He said “it is over.”")
    }

    @Test func aSentenceLongerThanTwiceTheLimitIsCutAtWords() {
        let text = Array(repeating: "word", count: 500).joined(separator: " ")
        let passages = PassageSplitter(maxWords: 100).split(text)
        #expect(passages.count == 5)
        #expect(passages.allSatisfy { $0.text.split(separator: " ").count == 100 })
        Self.expectOffsetsMatch(text, passages)
    }

    @Test func markdownHeadingsArePassagesWithoutHashes() {
        let text = "# Main title\nIntro right under it.\n\n## Section ##\n\n---\n\nBody.\n"
        let passages = PassageSplitter().split(text, markdown: true)
        #expect(passages.map(\.text) == ["Main title", "Intro right under it.", "Section", "Body."])
        Self.expectOffsetsMatch(text, passages)
    }

    @Test func emptyAndBlankTextHaveNoPassages() {
        #expect(PassageSplitter().split("").isEmpty)
        #expect(PassageSplitter().split(" \n\t\n\u{00A0}\n").isEmpty)
    }
}

@Suite struct TitleAndDecodingTests {
    func file(_ name: String) -> SourceFile {
        SourceFile(path: name, relativePath: name, fileSystemPath: Array(name.utf8), size: 0, modificationTime: 0)
    }

    @Test func shortFirstLineStandingAloneIsTheTitle() throws {
        let articles = try PlainTextReader().read(file("a.txt"), text: "A headline\n\nBody text. More.\n")
        #expect(articles[0].title == "A headline")
        #expect(articles[0].passages[0].text == "A headline")  // the headline stays a passage
    }

    @Test func withoutAHeadlineTheFirstSentenceIsTheTitle() throws {
        let body = "Officials said on Monday that the talks had failed. " + String(repeating: "More words follow. ", count: 20)
        let articles = try PlainTextReader().read(file("a.txt"), text: body)
        #expect(articles[0].title == "Officials said on Monday that the talks had failed.")
    }

    @Test func longFirstSentenceIsCutAtAWordBoundary() throws {
        let body = String(repeating: "reporters ", count: 40) + "end."
        let title = try PlainTextReader().read(file("a.txt"), text: body)[0].title
        #expect(title.hasSuffix("…"))
        #expect(title.count <= TitleChooser.maxSentenceTitle + 1)
        #expect(title.dropLast().hasSuffix("reporters"))
    }

    @Test func bylineGivesTheAuthor() throws {
        let article = try PlainTextReader().read(file("a.txt"), text: "Headline\n\nBy Jane Roe, staff writer\n\nBody.\n")[0]
        #expect(article.metadata.author == "Jane Roe, staff writer")
    }

    @Test func markdownTitleIsFrontMatterThenFirstHeading() throws {
        let md = try MarkdownReader().read(file("a.md"), text: "Intro line.\n\n# The heading\n\nText.\n")[0]
        #expect(md.title == "The heading")
        let front = try MarkdownReader().read(
            file("b.md"), text: "---\ntitle: \"Front title\"\ndate: 2024-03-01\n---\n# Heading\n\nText.\n")[0]
        #expect(front.title == "Front title")
        #expect(front.metadata.date == "2024-03-01")
        #expect(front.passages.first?.text == "Heading")  // front matter is not text
    }

    @Test(
        arguments: [
            ([0xEF, 0xBB, 0xBF] + Array("caf\u{E9}".utf8), "café"),
            ([0xFF, 0xFE, 0x3F, 0x04, 0x40, 0x04], "пр"),  // UTF-16 LE with BOM
            ([0xFE, 0xFF, 0x04, 0x3F, 0x04, 0x40], "пр"),  // UTF-16 BE with BOM
            ([0x63, 0x61, 0x66, 0xE9, 0x20, 0x93, 0x71, 0x94], "café “q”"),  // Windows-1252
            (Array("a\r\nb\rc".utf8), "a\nb\nc"),
            (Array("ok ".utf8) + [0xC3, 0xA9] + [0xFF] + Array(" end".utf8), "ok é\u{FFFD} end"),  // bad byte in UTF-8 text
        ] as [([UInt8], String)])
    func decodesEncodings(bytes: [UInt8], expected: String) {
        #expect(TextDecoder.decode(bytes)?.text == expected)
    }

    @Test func nulByteMeansBinary() {
        #expect(TextDecoder.decode([0x61, 0x00, 0x62]) == nil)
    }
}

@Suite struct DatelineTests {
    @Test(arguments: [
        ("GENEVA, 12 March 2024 — Delegates met.", "2024-03-12"),
        ("IZIUM, Kharkiv region, 6 June 2024 — Teams cleared fields.", "2024-06-06"),
        ("KYIV, Jan. 5, 2025 (AP) - Sirens sounded.", "2025-01-05"),
        ("NEW YORK, 1 May 2023 – The council voted.", "2023-05-01"),
    ])
    func readsTheDateOfADateline(paragraph: String, expected: String) {
        #expect(Dateline.date(in: [paragraph]) == expected)
    }

    @Test(arguments: [
        "Officials, speaking on 5 March 2024 — said little.",  // not an upper-case place
        "WASHINGTON (Reuters) - No date here.",
        "LONDON, a city of rain — no date.",
        "A headline without a dateline",
    ])
    func ignoresWhatIsNotADateline(paragraph: String) {
        #expect(Dateline.date(in: [paragraph]) == nil)
    }
}
