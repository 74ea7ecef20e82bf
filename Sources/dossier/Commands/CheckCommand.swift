import ArgumentParser
import DossierExport
import DossierIndex

/// `dossier check`: is the index sound?
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the index: SQLite's integrity checks and Dossier's own.",
        discussion: """
            Prints `ok` and exits 0 when the index is sound; lists each problem on
            stderr and exits 2 otherwise.
            Example: dossier check --db corpus.db
            """
    )

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let problems = try IndexMaintenance.check(path: database.path)
        let out = FileDescriptorSink()
        if problems.isEmpty {
            try out.write("ok\n")
            try out.flush()
            return
        }
        for problem in problems { Console.error(problem) }
        Console.note("re-index into a new file to repair: dossier index FOLDER --db NEW.db")
        throw ExitCode(2)
    }
}
