import ArgumentParser
import DossierIndex
import DossierTopics

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `--lexicon`, shared by the commands that tag or search topics.
struct LexiconOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "A YAML lexicon whose topics add to or replace the built-in ones.", discussion: "Default: $DOSSIER_LEXICON.",
            valueName: "file"))
    var lexicon: String?

    /// The file given with --lexicon, else $DOSSIER_LEXICON, else nil (the built-in lexicon alone).
    var file: String? {
        if let lexicon { return lexicon }
        if let env = getenv("DOSSIER_LEXICON"), env.pointee != 0 { return String(cString: env) }
        return nil
    }

    /// The built-in lexicon merged with the file, if any.
    func resolved() throws -> Lexicon {
        do {
            return try Lexicon.resolved(file: file)
        } catch {
            throw DossierError(description: error.description)
        }
    }

    /// Fails when a lexicon was given explicitly and the index was tagged with another one.
    func checkMatches(indexHash: String?, database: String) throws {
        guard let file else { return }
        let wanted = TopicTagStore.hash(try resolved())
        if indexHash != wanted {
            throw DossierError(
                description:
                    "\(database) was tagged with another lexicon than \(file); run `dossier index --lexicon \(file) FOLDER` to re-tag it (no file is read again)"
            )
        }
    }
}
