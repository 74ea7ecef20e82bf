import Foundation
import Testing

@testable import DossierIndex
@testable import DossierIngest
@testable import DossierModel
@testable import DossierSearch

/// Reads the shared corpus of real articles (`../shared/corpus`, outside this repository) when it
/// exists: every file must be read as an article, with the right metadata. Skipped when it is absent.
struct SharedCorpusIngestTests {
    static let corpus = Paths.sharedCorpus(containing: "usenet")?.path ?? ""
    static let available = !corpus.isEmpty

    /// Every file of the corpus, loaded once for all tests.
    static let outcome: (loaded: [String: ArticleLoader.Loaded], skipped: [String: SkipReason], files: Int) = {
        guard available else { return ([:], [:], 0) }
        var loaded: [String: ArticleLoader.Loaded] = [:]
        var skipped: [String: SkipReason] = [:]
        var files = 0
        let loader = ArticleLoader()
        try? FolderWalker().walk(root: corpus) { entry in
            switch entry {
            case .skipped(let path, let reason):
                skipped[path] = reason
            case .file(let file):
                files += 1
                do {
                    loaded[file.relativePath] = try loader.load(file)
                } catch let reason as SkipReason {
                    skipped[file.relativePath] = reason
                } catch {
                    skipped[file.relativePath] = .malformed("\(error)")
                }
            }
        }
        return (loaded, skipped, files)
    }()

    @Test(.enabled(if: available, "../shared/corpus is not here"))
    func everyFileIsReadAsAnArticle() {
        #expect(Self.outcome.files == 660)
        #expect(Self.outcome.skipped.isEmpty, "\(Self.outcome.skipped)")
        #expect(Self.outcome.loaded.count == 660)
        #expect(Self.outcome.loaded.values.allSatisfy { $0.articles.count == 1 && $0.warnings.isEmpty })
        var formats: [String: Int] = [:]
        for loaded in Self.outcome.loaded.values { formats[loaded.articles[0].metadata.format, default: 0] += 1 }
        #expect(formats == ["email": 200, "html": 22, "text": 438])
    }

    @Test(.enabled(if: available, "../shared/corpus is not here"))
    func noScriptStyleOrNavigationTextIsIndexed() throws {
        let pages = Self.outcome.loaded.filter { $0.key.hasSuffix(".html") }
        #expect(pages.count == 22)
        for (path, loaded) in pages {
            let source = try String(contentsOfFile: Self.corpus + "/" + path, encoding: .utf8)
            let text = loaded.articles[0].text
            for chrome in Self.chromeTexts(in: source) {
                #expect(!text.contains(chrome), "\(path): \(chrome)")
            }
            #expect(!text.contains("<"), "\(path): markup left in the text")
        }
    }

    /// The whole text inside each `<script>`, `<style>` and `<nav>` element of a page, found crudely
    /// (to check the real parser against), tags removed and white space collapsed.
    static func chromeTexts(in html: String) -> [String] {
        var found: [String] = []
        for tag in ["script", "style", "nav"] {
            var rest = html[...]
            while let open = rest.firstRange(of: "<\(tag)"), let start = rest[open.upperBound...].firstIndex(of: ">"),
                let close = rest[start...].firstRange(of: "</\(tag)>")
            {
                var inner = ""
                var inTag = false
                for c in rest[rest.index(after: start)..<close.lowerBound] {
                    if c == "<" {
                        inTag = true
                    } else if c == ">" {
                        inTag = false
                        inner.append(" ")
                    } else if !inTag {
                        inner.append(c)
                    }
                }
                let text = Whitespace.collapse(inner)
                if text.count >= 4 { found.append(text) }
                rest = rest[close.upperBound...]
            }
        }
        return found
    }

    @Test(.enabled(if: available, "../shared/corpus is not here"))
    func theUTF16BulgarianPagesAreBulgarianText() throws {
        let pages = Self.outcome.loaded.filter { $0.key.hasPrefix("bgwiki/") }
        #expect(pages.count == 3)
        for (path, loaded) in pages {
            let article = loaded.articles[0]
            #expect(article.metadata.language == "bg", "\(path)")
            #expect(!article.text.contains("\u{FFFD}"), "\(path)")
            #expect(!article.text.contains("\r"), "\(path)")
        }
        let calendar = try #require(pages["bgwiki/Григориански-календар.txt"]?.articles.first)
        #expect(calendar.title == "Григориански календар")
    }

    @Test(.enabled(if: available, "../shared/corpus is not here"))
    func eMailTitlesAndDatesAreTheirHeaders() throws {
        let post = try #require(Self.outcome.loaded["usenet/sci.space/0006.eml"]?.articles.first)
        #expect(post.title == "NASA budget and STS costs")
        #expect(post.metadata.date == "1993-04-29T17:30:25")
        #expect(post.metadata.dateSource == "content")
        #expect(post.metadata.author == "Steinn Sigurdsson <steinly@topaz.ucsc.edu>")
        #expect(post.passages.first?.text == "NASA budget and STS costs")
        #expect(!post.text.contains("NNTP-Posting-Host"))

        let mails = Self.outcome.loaded.filter { $0.key.hasSuffix(".eml") }
        #expect(mails.count == 200)
        for (path, loaded) in mails {
            let article = loaded.articles[0]
            let source = try String(contentsOfFile: Self.corpus + "/" + path, encoding: .isoLatin1)
            let header = source.components(separatedBy: "\n\n")[0]
            let subject = header.split(separator: "\n").first { $0.hasPrefix("Subject: ") }.map { String($0.dropFirst(9)) }
            #expect(article.title == subject.map(Whitespace.collapse), "\(path)")
            #expect(article.metadata.dateSource == "content", "\(path): \(article.metadata.date ?? "-")")
            #expect(article.metadata.date?.hasPrefix("1993-") == true, "\(path): \(article.metadata.date ?? "-")")
            if let id = header.split(separator: "\n").first(where: { $0.hasPrefix("Message-ID: ") }) {
                #expect(!article.text.contains(id), "\(path): headers are not text")
            }
        }
    }

    @Test(.enabled(if: available, "../shared/corpus is not here"))
    func theIndexFindsThePostAndTheCyrillicWord() throws {
        let folder = try TempFolder(prefix: "dossier-ingest")
        let db = folder.path + "/corpus.db"
        let report = try Indexer(databasePath: db).run(roots: [Self.corpus])
        #expect(report.skipped.isEmpty)
        #expect(try IndexStats.read(path: db).files == 660)

        let searcher = try Searcher(path: db)
        var hits: [Hit] = []
        _ = try searcher.search(try QueryParser().parse("NASA budget"), limit: 3) {
            hits.append($0)
            return true
        }
        // The post's subject line is a short passage: found, though not above a paragraph about it.
        let post = hits.first { $0.title == "NASA budget and STS costs" }
        #expect(post?.metadata.date?.hasPrefix("1993-04-29") == true)

        hits = []
        _ = try searcher.search(try QueryParser().parse("григориански"), limit: 5) {
            hits.append($0)
            return true
        }
        #expect(hits.contains { $0.path.hasSuffix("Григориански-календар.txt") })

        hits = []
        _ = try searcher.search(try QueryParser().parse("\"var tracking\""), limit: 50) {
            hits.append($0)
            return true
        }
        #expect(hits.isEmpty, "script text of the HTML pages is not indexed")
    }
}
