#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Walks folders recursively in a deterministic order and reports every file it finds.
///
/// Entries of each folder are visited sorted by the bytes of their names, folders and files alike,
/// so the same tree always yields the same sequence. Hidden files and folders (names starting with
/// `.`) are skipped silently. Symbolic links to files are followed; links to folders are not (that
/// avoids loops), and broken links and link loops are reported. A folder that turns up inside itself
/// (a bind mount) is reported as a loop rather than walked again.
///
/// File names are bytes, not always text. The paths shown to users (``SourceFile/path``) escape
/// what would break a line of output or is not UTF-8, as `ls -b` does: `\n`, `\t`, `\r`, other
/// control characters and invalid UTF-8 bytes as `\xHH`, and a backslash as `\\`; so every path is
/// one line and different names stay different. ``SourceFile/fileSystemPath`` keeps the raw bytes.
///
/// ```swift
/// try FolderWalker().walk(root: "Corpus") { entry in print(entry) }
/// ```
public struct FolderWalker: Sendable {
    /// What the walker found at one path.
    public enum Entry: Sendable, Equatable {
        /// A regular file (or a link to one).
        case file(SourceFile)
        /// Something that cannot be indexed, with the reason.
        case skipped(path: String, reason: SkipReason)
    }

    public init() {}

    /// Walks `root` (a folder or a single file) and calls `visit` for each entry.
    /// - throws: ``IngestError/unreadableRoot(path:reason:)`` when `root` itself cannot be read, or what `visit` throws.
    public func walk(root: String, visit: (Entry) throws -> Void) throws {
        var info = stat()
        guard stat(root, &info) == 0 else {
            throw IngestError.unreadableRoot(path: root, reason: String(cString: strerror(errno)))
        }
        let bytes = Array(root.utf8)
        if (info.st_mode & S_IFMT) == S_IFREG {
            let name = root.split(separator: "/").last.map(String.init) ?? root
            try visit(.file(Self.sourceFile(display: root, relative: name, raw: bytes, info: info)))
            return
        }
        guard (info.st_mode & S_IFMT) == S_IFDIR else {
            throw IngestError.unreadableRoot(path: root, reason: "not a folder or a regular file")
        }
        guard let dir = opendir(root) else {
            throw IngestError.unreadableRoot(path: root, reason: String(cString: strerror(errno)))
        }
        closedir(dir)
        let display = root.hasSuffix("/") && root.count > 1 ? String(root.dropLast()) : root
        var ancestors: Set<FolderID> = [FolderID(info)]
        try walkFolder(
            raw: bytes.last == UInt8(ascii: "/") ? Array(bytes.dropLast()) : bytes, display: display, relative: "",
            ancestors: &ancestors, visit: visit)
    }

    /// Counts the regular files `walk` would visit, cheaply (names and types only, no reading).
    public func countFiles(root: String) -> Int {
        var count = 0
        try? walk(root: root) { entry in
            if case .file = entry { count += 1 }
        }
        return count
    }

    /// A folder's identity, to notice a folder inside itself.
    struct FolderID: Hashable {
        var device: UInt64
        var inode: UInt64
        init(_ info: stat) {
            device = UInt64(truncatingIfNeeded: info.st_dev)
            inode = UInt64(truncatingIfNeeded: info.st_ino)
        }
    }

    private func walkFolder(
        raw: [UInt8], display: String, relative: String, ancestors: inout Set<FolderID>, visit: (Entry) throws -> Void
    ) throws {
        guard let dir = opendir(raw.cString) else {
            try visit(.skipped(path: display, reason: .unreadable(String(cString: strerror(errno)))))
            return
        }
        var names: [[UInt8]] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { buffer -> [UInt8] in
                let bytes = buffer.bindMemory(to: UInt8.self)
                let length = bytes.firstIndex(of: 0) ?? bytes.count
                return Array(bytes[0..<length])
            }
            if name.first == UInt8(ascii: ".") { continue }  // ., .., and hidden entries
            names.append(name)
        }
        closedir(dir)
        names.sort { $0.lexicographicallyPrecedes($1) }

        for name in names {
            let childRaw = raw + [UInt8(ascii: "/")] + name
            let nameText = Self.escaped(name)
            let childDisplay = display + "/" + nameText
            let childRelative = relative.isEmpty ? nameText : relative + "/" + nameText
            var info = stat()
            guard lstat(childRaw.cString, &info) == 0 else {
                try visit(.skipped(path: childDisplay, reason: .unreadable(String(cString: strerror(errno)))))
                continue
            }
            var kind = info.st_mode & S_IFMT
            if kind == S_IFLNK {
                var target = stat()
                guard stat(childRaw.cString, &target) == 0 else {
                    let code = errno
                    let reason: SkipReason =
                        code == ELOOP
                        ? .linkLoop : code == ENOENT || code == ENOTDIR ? .brokenLink : .unreadable(String(cString: strerror(code)))
                    try visit(.skipped(path: childDisplay, reason: reason))
                    continue
                }
                if (target.st_mode & S_IFMT) == S_IFDIR {
                    try visit(.skipped(path: childDisplay, reason: .linkToFolder))
                    continue
                }
                info = target
                kind = target.st_mode & S_IFMT
            }
            switch kind {
            case S_IFDIR:
                let id = FolderID(info)
                guard !ancestors.contains(id) else {
                    try visit(.skipped(path: childDisplay, reason: .linkLoop))
                    continue
                }
                ancestors.insert(id)
                try walkFolder(raw: childRaw, display: childDisplay, relative: childRelative, ancestors: &ancestors, visit: visit)
                ancestors.remove(id)
            case S_IFREG:
                try visit(.file(Self.sourceFile(display: childDisplay, relative: childRelative, raw: childRaw, info: info)))
            default:
                try visit(.skipped(path: childDisplay, reason: .notARegularFile))
            }
        }
    }

    /// A file name's bytes as one line of text: see the type's documentation.
    public static func escaped(_ name: [UInt8]) -> String {
        var out = String.UnicodeScalarView()
        func hex(_ byte: UInt8) {
            let digits = Array("0123456789ABCDEF".unicodeScalars)
            out.append(contentsOf: ["\\", "x", digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
        }
        var i = 0
        while i < name.count {
            let byte = name[i]
            if byte < 0x80 {
                switch byte {
                case 0x0A: out.append(contentsOf: ["\\", "n"])
                case 0x09: out.append(contentsOf: ["\\", "t"])
                case 0x0D: out.append(contentsOf: ["\\", "r"])
                case 0x5C: out.append(contentsOf: ["\\", "\\"])
                case 0..<0x20, 0x7F: hex(byte)
                default: out.append(Unicode.Scalar(byte))
                }
                i += 1
                continue
            }
            // One UTF-8 sequence, or one invalid byte.
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
            var decoder = UTF8()
            var iterator = name[i..<min(name.count, i + length)].makeIterator()
            if length > 1, i + length <= name.count, case .scalarValue(let scalar) = decoder.decode(&iterator),
                UTF8.width(scalar) == length
            {
                // C1 controls and line or paragraph separators would still break a line.
                if (0x80...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    for b in name[i..<(i + length)] { hex(b) }
                } else {
                    out.append(scalar)
                }
                i += length
            } else {
                hex(byte)
                i += 1
            }
        }
        return String(out)
    }

    private static func sourceFile(display: String, relative: String, raw: [UInt8], info: stat) -> SourceFile {
        #if canImport(Darwin)
        let mtime = Double(info.st_mtimespec.tv_sec) + Double(info.st_mtimespec.tv_nsec) / 1e9
        #else
        let mtime = Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9
        #endif
        return SourceFile(path: display, relativePath: relative, fileSystemPath: raw, size: Int64(info.st_size), modificationTime: mtime)
    }
}

extension Array where Element == UInt8 {
    /// The bytes as a NUL-terminated C string.
    var cString: [CChar] { map { CChar(bitPattern: $0) } + [0] }
}
