import Foundation
import ZIPFoundation

/// A zip file read member by member into memory, within caps, for the readers of zip-based documents
/// (DOCX, PPTX, XLSX, ODT, ODP, ODS, EPUB). Built on ZIPFoundation, which reads the file through
/// seeks, so only the central directory and the members asked for are ever in memory.
///
/// Hostile zips are refused, never followed:
/// - nothing is extracted to disk; member names (`../../etc/passwd`, `/abs`) are only keys to look
///   members up by, and ``resolve(_:against:)`` keeps relative references inside the package;
/// - a zip bomb cannot make memory grow: every member is inflated chunk by chunk and counted, and the
///   read stops with ``SkipReason/overUnpackingCaps(_:)`` as soon as a cap in ``Limits`` is passed,
///   whatever sizes the zip declares;
/// - a truncated or damaged zip (no end-of-central-directory record, a bad CRC, a broken deflate
///   stream) is ``SkipReason/malformed(_:)``.
///
/// ```swift
/// let package = try ZipPackage(path: Array("report.docx".utf8))
/// let xml = try package.read("word/document.xml")   // nil when there is no such member
/// ```
final class ZipPackage {
    /// The caps every read obeys. The defaults hold any real office document's XML (images and other
    /// media are never read) and keep a zip bomb's cost to a fraction of a second.
    struct Limits: Sendable, Equatable {
        /// The most bytes one member may unpack to: 32 MiB, the most of a file any reader takes.
        var memberBytes = 32 * 1024 * 1024
        /// The most bytes all the members read from one file may unpack to together: 128 MiB.
        var totalBytes = 128 * 1024 * 1024
        /// The highest ratio of unpacked to packed bytes of a member, once it has unpacked more than
        /// ``ratioGraceBytes`` (XML packs 5 to 30 times; a zip bomb, thousands of times).
        var ratio = 100
        /// Below this many unpacked bytes a member's ratio is not checked (small, repetitive parts pack well).
        var ratioGraceBytes = 1024 * 1024
        /// The most members a zip may list: 10,000.
        var members = 10_000
    }

    let limits: Limits
    private let archive: Archive
    /// Members (files only, not folders) by exact name, and by lower-cased name as a fallback: OOXML
    /// part names are case-insensitive.
    private var members: [String: Entry] = [:]
    private var lowercasedMembers: [String: Entry] = [:]
    /// Member names in the zip's order.
    private(set) var names: [String] = []
    /// Bytes unpacked so far, over all reads.
    private(set) var unpackedBytes = 0

    /// Opens the zip file at `path` (the exact bytes of the file name).
    /// - throws: ``SkipReason/malformed(_:)`` when it is not a readable zip; ``SkipReason/overUnpackingCaps(_:)``
    ///   when it lists more than ``Limits/members`` members.
    convenience init(path: [UInt8], limits: Limits = Limits()) throws {
        let url = (path + [0]).withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                // The name as bytes (it need not be UTF-8), NUL-terminated for the C call.
                URL(fileURLWithFileSystemRepresentation: pointer, isDirectory: false, relativeTo: nil)
            }
        }
        let archive: Archive
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw SkipReason.malformed("not a readable zip file (truncated or damaged)")
        }
        try self.init(archive: archive, limits: limits)
    }

    /// Opens a zip held in memory (tests).
    convenience init(data: Data, limits: Limits = Limits()) throws {
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw SkipReason.malformed("not a readable zip file (truncated or damaged)")
        }
        try self.init(archive: archive, limits: limits)
    }

    private init(archive: Archive, limits: Limits) throws {
        self.archive = archive
        self.limits = limits
        for entry in archive {
            guard names.count < limits.members else {
                throw SkipReason.overUnpackingCaps("more than \(limits.members) members")
            }
            guard entry.type == .file else { continue }
            let name = entry.path
            guard members[name] == nil else { continue }  // a name listed twice: the first wins
            members[name] = entry
            if lowercasedMembers[name.lowercased()] == nil { lowercasedMembers[name.lowercased()] = entry }
            names.append(name)
        }
    }

    /// True when the zip has a member named `name` (compared exactly, then ignoring case).
    func contains(_ name: String) -> Bool { entry(name) != nil }

    private func entry(_ name: String) -> Entry? {
        members[name] ?? lowercasedMembers[name.lowercased()]
    }

    /// The unpacked bytes of member `name`, or nil when there is none.
    /// - throws: ``SkipReason/overUnpackingCaps(_:)`` when the member or the package passes a cap;
    ///   ``SkipReason/malformed(_:)`` when the member cannot be unpacked (bad CRC, broken stream, an
    ///   encrypted member).
    func read(_ name: String) throws -> [UInt8]? {
        guard let entry = entry(name) else { return nil }
        let packed = max(Int(clamping: entry.compressedSize), 1)
        // The declared size is checked first (cheap), the real one while unpacking (a zip may lie).
        if Int(clamping: entry.uncompressedSize) > limits.memberBytes {
            throw SkipReason.overUnpackingCaps("\(name) unpacks to more than \(Self.mib(limits.memberBytes))")
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(min(Int(clamping: entry.uncompressedSize), limits.memberBytes))
        let limits = limits
        let already = unpackedBytes
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                bytes.append(contentsOf: chunk)
                if bytes.count > limits.memberBytes {
                    throw SkipReason.overUnpackingCaps("\(name) unpacks to more than \(Self.mib(limits.memberBytes))")
                }
                if already + bytes.count > limits.totalBytes {
                    throw SkipReason.overUnpackingCaps("the members read unpack to more than \(Self.mib(limits.totalBytes))")
                }
                if bytes.count > limits.ratioGraceBytes, bytes.count / packed > limits.ratio {
                    throw SkipReason.overUnpackingCaps("\(name) unpacks more than \(limits.ratio) times its packed size")
                }
            }
        } catch let reason as SkipReason {
            throw reason
        } catch {
            throw SkipReason.malformed("cannot unpack \(name) (damaged or encrypted member)")
        }
        unpackedBytes += bytes.count
        return bytes
    }

    /// `reference` (a relative URL path inside the package, such as `../media/a.png` or
    /// `chapter1.xhtml#s2`) resolved against the folder of member `base`, percent escapes undone;
    /// an absolute reference (`/word/document.xml`) is taken from the package's root. Nil when it
    /// would leave the package or names an outside resource (`http:`).
    static func resolve(_ reference: String, against base: String) -> String? {
        var reference = reference
        if let hash = reference.firstIndex(of: "#") { reference = String(reference[..<hash]) }
        guard !reference.isEmpty, !reference.contains(":") else { return nil }
        reference = reference.removingPercentEncoding ?? reference
        var parts: [Substring] = []
        if !reference.hasPrefix("/") {
            parts = base.split(separator: "/", omittingEmptySubsequences: true)
            parts = Array(parts.dropLast())  // the member's folder
        }
        for part in reference.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
                continue
            }
            parts.append(part)
        }
        return parts.isEmpty ? nil : parts.joined(separator: "/")
    }

    static func mib(_ bytes: Int) -> String { bytes >= 1024 * 1024 ? "\(bytes / (1024 * 1024)) MiB" : "\(bytes) bytes" }
}
