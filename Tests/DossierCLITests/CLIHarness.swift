import Foundation
import Testing

/// Runs the built `dossier` binary in a temporary folder and captures its output.
struct CLIHarness {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The binary: $DOSSIER_BIN, else the one beside this test bundle, else .build/debug/dossier.
    static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["DOSSIER_BIN"] { return URL(fileURLWithPath: path) }
        let beside = Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("dossier")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return packageRoot.appendingPathComponent(".build/debug/dossier")
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    let directory: URL

    /// A fresh folder holding a copy of `Tests/Fixtures/articles` as `articles/`.
    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let articles = directory.appendingPathComponent("articles")
        try FileManager.default.copyItem(at: Self.packageRoot.appendingPathComponent("Tests/Fixtures/articles"), to: articles)
        // A fixed modification time, so the file-time date fallback is the same in every run.
        let fixed = Date(timeIntervalSince1970: 1_704_067_200)  // 2024-01-01T00:00:00Z
        for case let file as URL in FileManager.default.enumerator(at: articles, includingPropertiesForKeys: nil)! {
            try FileManager.default.setAttributes([.modificationDate: fixed], ofItemAtPath: file.path)
        }
    }

    func cleanUp() {
        try? FileManager.default.removeItem(at: directory)
    }

    /// Runs `dossier ARGS` in the folder, with `environment` added (NO_COLOR unset, DOSSIER_DB unset).
    @discardableResult
    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env["DOSSIER_DB"] = nil
        env["NO_COLOR"] = nil
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes before waiting, so a full pipe cannot block the child.
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data(), errData = Data()
        DispatchQueue.global().async(group: group) { outData = out.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: group) { errData = err.fileHandleForReading.readDataToEndOfFile() }
        group.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }
}

/// Compares `actual` with the golden file `Tests/Fixtures/golden/NAME`; with DOSSIER_UPDATE_GOLDEN=1, rewrites it.
func expectGolden(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let url = CLIHarness.packageRoot.appendingPathComponent("Tests/Fixtures/golden/\(name)")
    if ProcessInfo.processInfo.environment["DOSSIER_UPDATE_GOLDEN"] == "1" {
        try actual.write(to: url, atomically: true, encoding: .utf8)
        return
    }
    let expected = (try? String(contentsOf: url, encoding: .utf8)) ?? "<missing golden file \(name)>"
    if actual != expected {
        let ruler = String(repeating: "-", count: 60)
        Issue.record("\(name) differs\n\(ruler) expected\n\(expected)\(ruler) got\n\(actual)\(ruler)", sourceLocation: sourceLocation)
    }
}
