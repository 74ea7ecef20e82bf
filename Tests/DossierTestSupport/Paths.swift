import Foundation

/// Where the package, its fixtures and the shared corpus are.
public enum Paths {
    /// The package root, from this file's path (`Tests/DossierTestSupport/Paths.swift`).
    public static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// `Tests/Fixtures`.
    public static let fixtures = packageRoot.appendingPathComponent("Tests/Fixtures")

    /// A file or folder below `Tests/Fixtures`.
    public static func fixture(_ relative: String) -> URL { fixtures.appendingPathComponent(relative) }

    /// The shared corpus of real articles: `$DOSSIER_SHARED_CORPUS` when set (set it to a missing
    /// folder to check that the tests needing it skip), else `../shared/corpus` beside the package;
    /// nil when that folder is absent (a user's clone).
    public static var sharedCorpus: URL? {
        let url: URL
        if let path = ProcessInfo.processInfo.environment["DOSSIER_SHARED_CORPUS"], !path.isEmpty {
            url = URL(fileURLWithPath: path)
        } else {
            url = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")
        }
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// The shared corpus when it holds `relative` (e.g. `seed`), else nil.
    public static func sharedCorpus(containing relative: String) -> URL? {
        guard let corpus = sharedCorpus, FileManager.default.fileExists(atPath: corpus.appendingPathComponent(relative).path) else {
            return nil
        }
        return corpus
    }
}
