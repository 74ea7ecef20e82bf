import Testing

@testable import DossierIngest

/// Metadata every article gets from ``ArticleLoader``, whatever its reader.
struct ArticleLoaderMetadataTests {
    @Test func theModificationTimeIsALabelledFallbackDate() throws {
        let folder = try TempFolder(prefix: "dossier-ingest")
        try folder.write("news/undated.txt", "Undated\n\nNo date anywhere in here.")
        try folder.write("news/dated.md", "---\ndate: 2024-03-01\n---\n# Dated\n\nText.")
        var times = [timespec(tv_sec: 736_097_530, tv_nsec: 0), timespec(tv_sec: 736_097_530, tv_nsec: 0)]
        #expect(utimensat(AT_FDCWD, folder.path + "/news/undated.txt", &times, 0) == 0)
        let outcome = try folder.ingest()
        let undated = try #require(outcome.loaded[folder.path + "/news/undated.txt"]?.articles.first)
        #expect(undated.metadata.date == "1993-04-29T15:32:10Z")
        #expect(undated.metadata.dateSource == "mtime")
        let dated = try #require(outcome.loaded[folder.path + "/news/dated.md"]?.articles.first)
        #expect(dated.metadata.date == "2024-03-01")
        #expect(dated.metadata.dateSource == "content")
    }

    @Test func frontMatterDatesAreNormalisedOrDroppedWithAWarning() throws {
        let folder = try TempFolder(prefix: "dossier-ingest")
        try folder.write("prose.md", "---\ndate: March 7, 2024\n---\n# Prose date\n\nText.")
        try folder.write("vague.md", "---\ndate: someday\n---\n# Vague date\n\nText.")
        let outcome = try folder.ingest()
        let prose = try #require(outcome.loaded[folder.path + "/prose.md"])
        #expect(prose.articles.first?.metadata.date == "2024-03-07")
        #expect(prose.warnings.isEmpty)
        let vague = try #require(outcome.loaded[folder.path + "/vague.md"])
        #expect(vague.articles.first?.metadata.dateSource == "mtime")
        #expect(vague.warnings == ["date 'someday' not understood; the file's modification time is used"])
    }

    @Test func theSourceIsTheURLHostElseTheFirstFolder() throws {
        let folder = try TempFolder(prefix: "dossier-ingest")
        try folder.write(
            "wire/a.html",
            "<html><head><link rel=canonical href=\"https://WWW.Example.ORG:8443/a?b#c\"></head><body><p>Text.</p></body></html>")
        try folder.write("wire/b.html", "<html><body><p>Text.</p></body></html>")
        try folder.write("top.html", "<html><body><p>Text.</p></body></html>")
        let outcome = try folder.ingest()
        #expect(outcome.loaded[folder.path + "/wire/a.html"]?.articles.first?.metadata.source == "example.org")
        #expect(outcome.loaded[folder.path + "/wire/b.html"]?.articles.first?.metadata.source == "wire")
        #expect(outcome.loaded[folder.path + "/top.html"]?.articles.first?.metadata.source == nil)
    }

    @Test(
        arguments: [
            ("https://www.example.com/path", "example.com"),
            ("http://user:pw@news.example.co.uk:80/x", "news.example.co.uk"),
            ("//example.com/x", "example.com"),
            ("example.com/x", nil),
            ("mailto:a@example.com", nil),
        ] as [(String, String?)])
    func extractsHosts(url: String, host: String?) {
        #expect(ArticleLoader.host(url) == host)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
