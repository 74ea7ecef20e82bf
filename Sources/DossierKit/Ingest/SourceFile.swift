/// A regular file found under an indexed root.
public struct SourceFile: Sendable, Equatable {
    /// The path shown to users: the root as given, then the path below it.
    public var path: String
    /// The path below the root (no leading slash).
    public var relativePath: String
    /// The exact bytes of the path on disk (file names need not be valid UTF-8).
    public var fileSystemPath: [UInt8]
    /// Size in bytes when walked.
    public var size: Int64
    /// Modification time when walked, seconds since 1970 (with nanoseconds).
    public var modificationTime: Double

    public init(path: String, relativePath: String, fileSystemPath: [UInt8], size: Int64, modificationTime: Double) {
        self.path = path
        self.relativePath = relativePath
        self.fileSystemPath = fileSystemPath
        self.size = size
        self.modificationTime = modificationTime
    }

    /// The lower-cased extension of the file name, without the dot ("" when there is none).
    public var pathExtension: String {
        let name = relativePath.split(separator: "/").last.map(String.init) ?? relativePath
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }

    /// The first folder below the root, or nil for a file directly in it.
    public var firstFolder: String? {
        let parts = relativePath.split(separator: "/", omittingEmptySubsequences: true)
        return parts.count > 1 ? String(parts[0]) : nil
    }
}
