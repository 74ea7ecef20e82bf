import Foundation

/// Finds the built `dossier` binary: `$DOSSIER_BIN`, else beside the test bundle, else in the folder
/// `swift build --show-bin-path` names. Never a guessed `.build/debug`.
public enum DossierBinary {
    public struct NotFound: Error, CustomStringConvertible {
        public var looked: [String]
        public var description: String {
            "the dossier binary was not found; build it (`swift build`) or set DOSSIER_BIN to its path. Looked at:\n"
                + looked.map { "  \($0)" }.joined(separator: "\n")
        }
    }

    private static let found: Result<URL, NotFound> = locate()

    /// The binary, or ``NotFound`` with every place looked at.
    public static func url() throws -> URL { try found.get() }

    private static func locate() -> Result<URL, NotFound> {
        var looked: [String] = []
        func executable(_ url: URL) -> Bool {
            looked.append(url.path)
            return FileManager.default.isExecutableFile(atPath: url.path)
        }
        if let path = ProcessInfo.processInfo.environment["DOSSIER_BIN"], !path.isEmpty {
            let url = URL(fileURLWithPath: path)
            // An explicit choice: when it is wrong, say so rather than run another binary.
            return executable(url) ? .success(url) : .failure(NotFound(looked: looked.map { "\($0) ($DOSSIER_BIN)" }))
        }
        // Beside the test bundle: the folder of the .xctest bundle (macOS) or of the test executable (Linux).
        var folders: [URL] = []
        for bundle in [Bundle.main] + Bundle.allBundles where bundle.bundleURL.pathExtension == "xctest" {
            folders.append(bundle.bundleURL.deletingLastPathComponent())
        }
        if let executable = Bundle.main.executableURL { folders.append(executable.deletingLastPathComponent()) }
        folders.append(Bundle.main.bundleURL)
        for folder in folders {
            let candidate = folder.appendingPathComponent("dossier")
            if !looked.contains(candidate.path), executable(candidate) { return .success(candidate) }
        }
        // Ask SwiftPM. `swift test` holds the build folder's lock while tests run, hence --ignore-lock... and a timeout.
        if let swift = findInPath("swift") {
            for extra in [["--ignore-lock"], []] {
                guard let result = try? runProcess(swift, ["build", "--show-bin-path"] + extra, in: Paths.packageRoot, timeout: 60),
                    result.status == 0
                else { continue }
                let folder = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
                let candidate = URL(fileURLWithPath: folder).appendingPathComponent("dossier")
                if executable(candidate) { return .success(candidate) }
                break
            }
        } else {
            looked.append("`swift build --show-bin-path` (no swift in PATH)")
        }
        return .failure(NotFound(looked: looked))
    }

    static func findInPath(_ name: String) -> URL? {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let url = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }
}

/// Runs the built `dossier` binary in a fresh temporary folder (``TempFolder``), by default holding a
/// copy of `Tests/Fixtures/articles` as `articles/` with fixed modification times.
public struct DossierCLI: Sendable {
    public let folder: TempFolder
    public var directory: URL { folder.url }

    /// `fixtures`: folders below `Tests/Fixtures` copied into the folder under their own names.
    public init(fixtures: [String] = ["articles"]) throws {
        folder = try TempFolder(prefix: "dossier-cli")
        for fixture in fixtures { try folder.copyFixture(fixture) }
    }

    /// The environment of every run: this process's, without `DOSSIER_*` and `NO_COLOR` (so the
    /// caller's settings cannot leak into a test), plus `extra`.
    public static func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("DOSSIER_") && $0.key != "NO_COLOR" }
        for (key, value) in extra { env[key] = value }
        return env
    }

    /// Runs `dossier ARGUMENTS` in the folder (or `directory`) to the end.
    @discardableResult
    public func run(
        _ arguments: [String], stdin: String? = nil, environment: [String: String] = [:], in directory: URL? = nil,
        timeout: TimeInterval = 300
    ) throws -> ProcessResult {
        try start(arguments, stdin: stdin, environment: environment, in: directory).wait(timeout: timeout)
    }

    /// Starts `dossier ARGUMENTS` in the folder (or `directory`) and returns at once.
    public func start(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:], in directory: URL? = nil) throws
        -> RunningProcess
    {
        try RunningProcess(
            executable: try DossierBinary.url(), arguments: arguments, directory: directory ?? self.directory,
            environment: Self.environment(environment), stdin: stdin.map { Data($0.utf8) })
    }
}
