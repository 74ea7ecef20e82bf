import Testing

@testable import DossierIngest

struct EmailReaderTests {
    @Test func headersAreMetadataAndNotText() throws {
        let article = try IngestFixtures.article("email/plain.eml")
        #expect(article.title == "Launch window for the relay satellite")
        #expect(article.metadata.author == "Rhea Vantongeren <rhea@astro.example>")
        #expect(article.metadata.date == "1993-04-29T15:32:10Z")
        #expect(article.metadata.dateSource == "content")
        #expect(article.metadata.url == "https://archive.example.org/sci.example/1993/relay")
        #expect(article.metadata.source == "archive.example.org")
        #expect(article.metadata.format == "email")
        #expect(
            article.passages.map(\.text) == [
                "Launch window for the relay satellite",
                "The relay satellite has a launch window in late May.",
                "Header-looking line: this is body text, not a header.",
            ])
        #expect(!article.text.contains("not-body"))
        #expect(!article.text.contains("Message-ID"))
    }

    @Test func decodesMultipartQuotedPrintableAndEncodedWords() throws {
        let article = try IngestFixtures.article("email/multipart.eml")
        #expect(article.title == "Résumé of the port meeting")
        #expect(article.metadata.author == "José Ferreira <jose@harbour.example>")
        #expect(article.metadata.date == "2024-03-05T08:30:00Z")
        #expect(article.text.contains("The meeting agreed the café on the quay stays open. A long line that is wrapped by a soft break."))
        #expect(!article.text.contains("HTML-ALTERNATIVE-TEXT"), "text/plain is preferred")
        #expect(!article.text.contains("ATTACHMENT"), "attachments are left out")
        #expect(!article.text.contains("multi-part message"), "the preamble is not text")
    }

    @Test func convertsABase64HTMLBody() throws {
        let article = try IngestFixtures.article("email/html-only.eml")
        #expect(article.title == "Weekly digest")
        #expect(article.metadata.author == "Newsletter <news@list.example>")
        #expect(article.metadata.date == "2024-03-10T12:00:00Z")
        #expect(article.passages.map(\.text) == ["Weekly digest", "Only an HTML part here, über encoded."])
    }

    @Test func splitsAnMboxIntoNumberedMessages() throws {
        let loaded = try IngestFixtures.load("email/archive.mbox")
        #expect(loaded.articles.map(\.title) == ["First message", "Second message", "Third message"])
        #expect(loaded.articles.map { $0.path.split(separator: "/").last! } == ["archive.mbox#1", "archive.mbox#2", "archive.mbox#3"])
        #expect(
            loaded.articles.map(\.metadata.author) == [
                "Alice Imber <alice@example.org>", "Bob Ostrander <bob@example.org>", "carol@example.org",
            ])
        #expect(loaded.articles[2].metadata.date == "2024-03-04T17:00:00Z")
        #expect(loaded.articles[0].text.contains("\nFrom the archives: this line was escaped."))
        #expect(!loaded.articles[0].text.contains("Second message"))
        #expect(loaded.warnings.isEmpty)
    }

    @Test(arguments: [
        ("Jane Doe <jane@example.org>", "Jane Doe <jane@example.org>"),
        ("\"Doe, Jane\" <jane@example.org>", "Doe, Jane <jane@example.org>"),
        ("jane@example.org (Jane Doe)", "Jane Doe <jane@example.org>"),
        ("jane@example.org", "jane@example.org"),
        ("<jane@example.org>", "jane@example.org"),
        ("Jane <jane@example.org>, bob@example.org", "Jane <jane@example.org>, bob@example.org"),
    ])
    func namesTheAuthor(from: String, expected: String) {
        #expect(EmailReader.author(from) == expected)
    }

    @Test func decodesEncodedWords() {
        #expect(MIMEDecoder.decodeEncodedWords("=?UTF-8?B?0J/RgNC40LLQtdGC?=") == "Привет")
        #expect(MIMEDecoder.decodeEncodedWords("=?iso-8859-1?q?caf=E9?= =?iso-8859-1?q?_cr=E8me?=") == "café crème")
        #expect(MIMEDecoder.decodeEncodedWords("Re: =?utf-8?q?na=C3=AFve?= idea") == "Re: naïve idea")
        #expect(MIMEDecoder.decodeEncodedWords("=?broken") == "=?broken")
    }

    @Test func decodesTransferEncodings() {
        #expect(MIMEDecoder.decodeBase64(Array("aGVs\r\nbG8=".utf8)[...]) == Array("hello".utf8))
        #expect(MIMEDecoder.decodeQuotedPrintable(Array("a=3Db=\r\nc =ZZ".utf8)[...]) == Array("a=bc =ZZ".utf8))
    }

    @Test func aMessageWithoutSubjectOrBodyIsEmpty() throws {
        let folder = try TempFolder(prefix: "dossier-ingest")
        try folder.write("empty.eml", "From: a@example.org\nDate: 1 May 2024 10:00 +0000\n\n\n")
        #expect(try folder.ingest().skipped.values.first == .empty)
    }

    @Test func aTwoDigitYearWithoutZoneKeepsLocalTime() throws {
        let folder = try TempFolder(prefix: "dossier-ingest")
        try folder.write("x.eml", "From: a@example.org\nSubject: S\nDate: 29 Apr 93 17:30:25\n\nBody.\n")
        let article = try #require(try folder.ingest().loaded.values.first?.articles.first)
        #expect(article.metadata.date == "1993-04-29T17:30:25")
    }

    @Test func aFromLineInABodyDoesNotSplitTheMessage() throws {
        let folder = try TempFolder(prefix: "dossier-ingest")
        try folder.write(
            "one.eml",
            "From a@example.org Mon Mar  4 10:00:00 2024\nFrom: a@example.org\nSubject: One\n\nFirst paragraph.\n\nFrom here on, prose.\nMore prose.\n"
        )
        let loaded = try #require(try folder.ingest().loaded[folder.path + "/one.eml"])
        #expect(loaded.articles.count == 1)
        #expect(loaded.articles[0].path == folder.path + "/one.eml")
        #expect(loaded.articles[0].text.contains("From here on, prose."))
    }

    @Test func aByteOrderMarkDoesNotHideTheHeaders() throws {
        let folder = try TempFolder(prefix: "dossier-ingest")
        try folder.write("bom.eml", [0xEF, 0xBB, 0xBF] + Array("From: a@example.org\nSubject: With a BOM\n\nBody.\n".utf8))
        let utf16 = "From: a@example.org\r\nSubject: In UTF-16\r\n\r\nBody.\r\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        try folder.write("wide.eml", [0xFF, 0xFE] + utf16)
        let outcome = try folder.ingest()
        #expect(outcome.loaded[folder.path + "/bom.eml"]?.articles.first?.title == "With a BOM")
        #expect(outcome.loaded[folder.path + "/wide.eml"]?.articles.first?.title == "In UTF-16")
    }
}

/// Mail folders and Apple Mail's files: each message an article.
struct MailFolderTests {
    @Test func maildirMessagesAreReadWhateverTheirNames() throws {
        for (name, subject) in [
            ("email/Maildir/cur/1733220000.M1P2.relay:2,S", "Convoy seen near the depot"),
            ("email/Maildir/new/1733223600.M2P2.relay", "Re: Convoy seen near the depot"),
        ] {
            let file = IngestFixtures.file(name)
            #expect(ArticleLoader().canRead(file), "\(name)")
            let article = try IngestFixtures.article(name)
            #expect(article.title == subject)
            #expect(article.metadata.format == "email")
        }
        // Only a name that starts with a delivery time, in cur/, new/ or tmp/.
        let other = SourceFile(
            path: "x/cur/notes.relay", relativePath: "x/cur/notes.relay", fileSystemPath: [], size: 1, modificationTime: 0)
        #expect(!ArticleLoader.isMaildirMessage(other))
    }

    @Test func anEmlxFileIsItsMessageWithoutMailsPropertyList() throws {
        let article = try IngestFixtures.article("email/ferry.emlx")
        #expect(article.title == "Ferry timetable after the bridge strike")
        #expect(article.metadata.author == "Field Desk <desk@example.org>")
        #expect(article.metadata.date == "2024-12-04T08:30:00Z")
        #expect(article.text.contains("every two hours"))
        #expect(!article.text.contains("plist") && !article.text.contains("8590195713"))
    }
}
