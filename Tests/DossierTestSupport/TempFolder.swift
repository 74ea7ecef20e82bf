import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A fresh temporary folder, removed (with everything in it) when the value is released.
///
/// The one temporary-folder type of the tests: write files, copy fixtures with fixed modification
/// times, list entries. Permissions a test takes away are restored before removal.
public final class TempFolder: @unchecked Sendable {
    public let url: URL
    public var path: String { url.path }

    /// 2024-01-01T00:00:00Z: the modification time given to copied fixtures, so that the file-time
    /// date fallback of undated articles is the same in every run.
    public static let fixedDate = Date(timeIntervalSince1970: 1_704_067_200)

    public init(prefix: String = "dossier-test") throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        Self.makeRemovable(path)
        try? FileManager.default.removeItem(at: url)
    }

    /// Gives back the permissions a test may have taken from folders (not following links), so they can be removed.
    private static func makeRemovable(_ folder: String) {
        var info = stat()
        guard lstat(folder, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return }
        chmod(folder, 0o755)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] { makeRemovable(folder + "/" + name) }
    }

    /// The full path of `relative` inside the folder.
    public func sub(_ relative: String) -> String { url.appendingPathComponent(relative).path }

    /// The URL of `relative` inside the folder.
    public func url(_ relative: String) -> URL { url.appendingPathComponent(relative) }

    /// Writes `text` (UTF-8) to `relative`, creating folders, and returns the full path.
    @discardableResult
    public func write(_ relative: String, _ text: String) throws -> String {
        try write(relative, Array(text.utf8))
    }

    /// Writes `bytes` to `relative`, creating folders, and returns the full path.
    @discardableResult
    public func write(_ relative: String, _ bytes: [UInt8]) throws -> String {
        let file = url(relative)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: file)
        return file.path
    }

    /// Reads `relative` as UTF-8 text.
    public func read(_ relative: String) throws -> String {
        try String(decoding: Data(contentsOf: url(relative)), as: UTF8.self)
    }

    public func remove(_ relative: String) throws {
        try FileManager.default.removeItem(at: url(relative))
    }

    public func exists(_ relative: String) -> Bool {
        FileManager.default.fileExists(atPath: sub(relative))
    }

    /// Copies `source` (a file or folder) to `relative` and, unless `modificationDate` is nil, sets the
    /// modification time of everything copied (folders too) to it.
    public func copy(_ source: URL, to relative: String, modificationDate: Date? = TempFolder.fixedDate) throws {
        let destination = url(relative)
        try FileManager.default.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: source, to: destination)
        if let modificationDate { try setModificationDate(modificationDate, of: relative) }
    }

    /// Copies `Tests/Fixtures/FIXTURE` to `relative` (default: the fixture's own name), with fixed modification times.
    public func copyFixture(_ fixture: String, to relative: String? = nil, modificationDate: Date? = TempFolder.fixedDate) throws {
        try copy(Paths.fixture(fixture), to: relative ?? (fixture as NSString).lastPathComponent, modificationDate: modificationDate)
    }

    /// Sets the modification time of `relative` and, when it is a folder, of everything below it.
    public func setModificationDate(_ date: Date, of relative: String) throws {
        let root = url(relative)
        var items = [root]
        if let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) {
            for case let item as URL in enumerator { items.append(item) }
        }
        // Deepest first, so setting a file's time does not disturb its folder's afterwards.
        for item in items.reversed() {
            try FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: item.path)
        }
    }

    /// The names in `relative` (default: the folder itself), sorted.
    public func entries(_ relative: String = "") -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: relative.isEmpty ? path : sub(relative))) ?? []).sorted()
    }
}
