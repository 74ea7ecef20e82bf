import ArgumentParser
import DossierExport
import DossierIndex
import DossierIngest
import DossierSearch
import DossierTopics

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The root command: configuration only. Exit status: 0 hits, 1 no hits, 2 error.
@main
struct Dossier: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dossier",
        abstract: "Index folders of articles and search their passages, ranked.",
        discussion: """
            Exit status: 0 when something was found (or done), 1 when a search, export or listing found nothing, 2 on error.
            The index is ./dossier.db unless --db or $DOSSIER_DB names another. Shell
            completion: dossier --generate-completion-script bash|zsh|fish. Manual:
            docs/man/dossier.1.
            """,
        version: DossierVersion.string,
        subcommands: [
            IndexCommand.self, SearchCommand.self, ShowCommand.self, TopicsCommand.self, ExportCommand.self, StatsCommand.self,
            CheckCommand.self,
            OptimizeCommand.self,
        ]
    )

    /// Parses, runs, and maps every outcome to an exit status; a closed output pipe exits 0.
    static func main() {
        signal(SIGPIPE, SIG_IGN)
        let code: Int32
        do {
            var command = try parseAsRoot()
            try command.run()
            code = 0
        } catch let exit as ExitCode {
            code = exit.rawValue
        } catch OutputError.closed {
            code = 0
        } catch {
            code = report(error)
        }
        exitProcess(code)
    }

    /// Prints an error on stderr, one line, and returns its exit status.
    static func report(_ error: any Error) -> Int32 {
        let status = exitCode(for: error)
        if status == .success {  // --help, --version
            print(fullMessage(for: error))
            return 0
        }
        if error is DossierError || error is IndexError || error is SearchError || error is IngestError || error is OutputError
            || error is LexiconErrors
        {
            Console.error("\(error)")
        } else {
            // Argument errors: ArgumentParser's message and usage.
            let message = fullMessage(for: error)
            Console.errorRaw(message.hasSuffix("\n") ? message : message + "\n")
        }
        return 2
    }
}

/// Errors of the command line itself.
struct DossierError: Error, CustomStringConvertible {
    var description: String
}

/// The C library's `exit`, under a name that `ParsableCommand.exit(withError:)` does not shadow.
func exitProcess(_ code: Int32) -> Never {
    exit(code)
}
