import DossierExport
import DossierIndex
import DossierSearch
import Foundation

/// A temporary folder of small articles written for these tests (no outside text), indexed once.
///
/// The articles hold everything an export must survive: commas, quotes, line breaks inside a
/// passage, and passages that start like spreadsheet formulas (`=`, `+`, `-`, `@`).
final class ExportFixture {
    let root: String
    let articles: String
    let database: String

    static let files: [(String, String)] = [
        (
            "north/ceasefire.txt",
            """
            Ceasefire talks resume in the valley

            By Jane Roe

            Delegates met on Monday, and the talks on the ceasefire resumed after a week's pause. "We are hopeful," said one delegate.

            =HYPERLINK("http://example.invalid","ceasefire terms") appeared in a leaked spreadsheet of the talks.

            -5 degrees at night made the ceasefire monitors' work harder;
            observers counted shells, drones and mortars.

            """
        ),
        (
            "south/drones.txt",
            """
            Drone strikes reported near the border

            +44 20 7946 0000 is the number the monitors gave for reports of drone strikes.

            @monitors posted a photo of the drone debris, with a caption in "quotes".

            Cluster munitions were found near the border, and the monitors asked for a ceasefire.

            """
        ),
        (
            "south/market.txt",
            """
            Market day in the border town

            Traders sold bread, tea and radios; nobody mentioned the ceasefire.

            A tab\there and a backslash \\ there, for the TSV escaping.

            """
        ),
    ]

    /// The queries used by most tests, in file order.
    static let queryText = """
        # weekly queries
        ceasefire
        drone*

        monitors
        "cluster munitions"
        nothingmatchesthis
        backslash

        """

    /// The folder, removed with the fixture.
    let folder: TempFolder

    init() throws {
        folder = try TempFolder(prefix: "dossier-export")
        root = folder.path
        articles = root + "/articles"
        database = root + "/index.db"
        for (path, text) in Self.files {
            let full = try folder.write("articles/" + path, text)
            // A fixed modification time: undated articles carry it as their (labelled) date.
            try FileManager.default.setAttributes([.modificationDate: TempFolder.fixedDate], ofItemAtPath: full)
        }
        _ = try Indexer(databasePath: database).run(roots: [articles])
    }

    func searcher() throws -> Searcher { try Searcher(path: database) }

    /// Runs an export of `queryText` in `format` and returns its text with the fixture folder replaced by `FIXTURE`.
    func export(
        _ format: ExportFormat, queries: String = ExportFixture.queryText, options: BatchExporter.Options = .init(),
        neutralizeFormulas: Bool = true
    ) throws -> (text: String, outcomes: [BatchExporter.Outcome]) {
        let exporter = BatchExporter(searcher: try searcher(), options: options)
        let prepared = try exporter.prepare(QueryFile.parse(queries, path: "weekly.txt"))
        let sink = StringSink()
        let writer = ExportRowWriters.make(format, sink: sink, dedupe: options.dedupe, neutralizeFormulas: neutralizeFormulas)
        let outcomes = try exporter.run(prepared, writer: writer)
        return (sink.text.replacingOccurrences(of: articles, with: "FIXTURE"), outcomes)
    }
}
