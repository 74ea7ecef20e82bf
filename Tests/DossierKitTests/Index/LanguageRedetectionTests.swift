import DossierSQLite
import DossierTestSupport
import Testing

@testable import DossierIndex
@testable import DossierIngest

/// ``IndexWriter/redetectLanguagesIfNeeded(batchSize:)``: an index made before languages were
/// detected gets them on its next run, though its files are unchanged and not read again.
@Suite struct LanguageRedetectionTests {
    let folder: TempFolder
    let db: String

    init() throws {
        folder = try TempFolder()
        db = folder.sub("index.db")
        try folder.copyFixture("languages/articles", to: "articles")
    }

    func languages() throws -> [String: String?] {
        let connection = try Connection(path: db)
        let rows = try connection.prepare("SELECT path, language FROM articles")
        var found: [String: String?] = [:]
        while try rows.step() { found[String(rows.string(0).split(separator: "/").last!)] = rows.optionalString(1) }
        return found
    }

    @Test func anIndexWithScriptNamesGetsLanguagesOnItsNextRun() throws {
        let indexer = Indexer(databasePath: db)
        _ = try indexer.run(roots: [folder.sub("articles")])
        #expect(indexer.redetection?.articles == 0)  // a new index: nothing stored yet, the detector recorded
        let fresh = try languages()
        // What an index made before languages were detected holds: script names, and no detector.
        let old = try Connection(path: db)
        try old.execute(
            """
            UPDATE articles SET language = CASE language WHEN 'uk' THEN 'cyrillic' WHEN 'ru' THEN 'cyrillic' WHEN 'ar' THEN 'arabic'
                WHEN 'zh' THEN 'cjk' WHEN 'de' THEN language ELSE 'latin' END;
            DELETE FROM meta WHERE key = 'language_detector';
            """)
        let again = Indexer(databasePath: db)
        let report = try again.run(roots: [folder.sub("articles")])
        #expect(report.unchanged == fresh.count)
        // The script names are found again; a language already stored (de) is left alone.
        #expect(again.redetection?.articles == fresh.count - 2)
        #expect(try languages() == fresh)
        #expect(fresh["uk.txt"] == "uk" && fresh["zh.txt"] == "zh" && fresh["caption.txt"] == .some(nil))
        // Current now: the next run looks at nothing.
        let third = Indexer(databasePath: db)
        _ = try third.run(roots: [folder.sub("articles")])
        #expect(third.redetection == nil)
    }
}
