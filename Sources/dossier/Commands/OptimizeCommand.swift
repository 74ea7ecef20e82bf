import ArgumentParser
import DossierIndex
import DossierSupport

/// `dossier optimize`: merge full-text segments and vacuum.
struct OptimizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "optimize",
        abstract: "Merge the full-text index into one segment and vacuum the file (faster queries).",
        discussion: """
            Takes the index lock, so it waits for no one: it exits 2 while an `index`
            run is writing.
            Example: dossier optimize (after a large first index run)
            """
    )

    @OptionGroup var database: DatabaseOptions

    @Flag(name: [.short, .long], help: "Print nothing on success.")
    var quiet = false

    func run() throws {
        let (before, after) = try IndexMaintenance.optimize(path: database.path)
        if !quiet { Console.note("optimized \(database.path): \(Figures.megabytes(before)) -> \(Figures.megabytes(after))") }
    }
}
