import DossierIngest
import DossierModel
import Foundation

/// Paths and helpers shared by the ingest tests.
enum IngestFixtures {
    /// `Tests/Fixtures/formats`.
    static let formats = Paths.fixture("formats").path

    /// The `SourceFile` for a fixture below `Tests/Fixtures/formats`, as the walker would report it.
    static func file(_ relative: String) -> SourceFile {
        var found: SourceFile? = nil
        try? FolderWalker().walk(root: formats) { entry in
            if case .file(let file) = entry, file.relativePath == relative { found = file }
        }
        guard let found else { fatalError("missing fixture \(relative)") }
        return found
    }

    /// Loads a fixture with the default loader.
    static func load(_ relative: String, loader: ArticleLoader = ArticleLoader()) throws -> ArticleLoader.Loaded {
        try loader.load(file(relative))
    }

    /// The one article a fixture holds.
    static func article(_ relative: String, loader: ArticleLoader = ArticleLoader()) throws -> Article {
        let loaded = try load(relative, loader: loader)
        guard loaded.articles.count == 1 else { fatalError("\(relative) holds \(loaded.articles.count) articles") }
        return loaded.articles[0]
    }

    /// A `SourceFile` for a file written at `path` (a root of its own).
    static func sourceFile(at path: String) -> SourceFile {
        var found: SourceFile? = nil
        try? FolderWalker().walk(root: path) { entry in
            if case .file(let file) = entry { found = file }
        }
        return found!
    }
}

/// Ingest on the shared temporary folder.
extension TempFolder {
    /// Walks the folder and loads every file: what an index run would see, by display path.
    func ingest(loader: ArticleLoader = ArticleLoader()) throws -> IngestOutcome {
        var outcome = IngestOutcome()
        try FolderWalker().walk(root: path) { entry in
            switch entry {
            case .skipped(let path, let reason):
                outcome.skipped[path] = reason
            case .file(let file):
                guard loader.canRead(file) else {
                    outcome.skipped[file.path] = .unsupportedFormat(file.pathExtension)
                    return
                }
                do {
                    let loaded = try loader.load(file)
                    outcome.loaded[file.path] = loaded
                } catch let reason as SkipReason {
                    outcome.skipped[file.path] = reason
                }
            }
        }
        return outcome
    }
}

/// What walking and loading a folder gave.
struct IngestOutcome {
    var loaded: [String: ArticleLoader.Loaded] = [:]
    var skipped: [String: SkipReason] = [:]
}
