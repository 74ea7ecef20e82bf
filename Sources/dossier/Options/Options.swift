import ArgumentParser
import DossierKit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `--db`, shared by every command that opens an index.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The index file.", discussion: "Default: $DOSSIER_DB, else ./dossier.db.", valueName: "path"))
    var db: String?

    /// The index path: --db, else $DOSSIER_DB, else dossier.db.
    var path: String {
        if let db { return db }
        if let env = getenv("DOSSIER_DB"), env.pointee != 0 { return String(cString: env) }
        return "dossier.db"
    }
}

/// When to colour output.
enum ColourChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never
}

extension OutputFormat: ExpressibleByArgument {}

/// Dossier's version.
enum DossierVersion {
    static let string = "0.1.0"
}
