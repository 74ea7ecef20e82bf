#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns a ``SourceFile`` into articles: reads its bytes (up to ``maxFileBytes``), decodes them,
/// picks a reader by extension and fills in the metadata every article gets (source, language).
public struct ArticleLoader: Sendable {
    /// Files larger than this are read only up to this many bytes, and the rest is reported as cut.
    public static let maxFileBytes = 32 * 1024 * 1024

    /// The readers by lower-cased extension.
    public var readers: [String: any ArticleReader]

    public init(splitter: PassageSplitter = PassageSplitter()) {
        let text = PlainTextReader(splitter: splitter)
        let markdown = MarkdownReader(splitter: splitter)
        readers = ["txt": text, "text": text, "md": markdown, "markdown": markdown]
    }

    /// True when some reader handles files with this extension.
    public func canRead(_ file: SourceFile) -> Bool {
        readers[file.pathExtension] != nil
    }

    /// The outcome of loading one file.
    public struct Loaded: Sendable {
        public var file: SourceFile
        /// The bytes that were read (the whole file, or its first ``ArticleLoader/maxFileBytes``).
        public var bytes: Int
        /// True when the file was longer than ``ArticleLoader/maxFileBytes`` and was cut.
        public var truncated: Bool
        public var articles: [Article]
        /// Non-fatal problems met while reading (e.g. a malformed line of a feed).
        public var warnings: [String] = []
    }

    /// Loads `file`.
    /// - throws: ``SkipReason`` when the file cannot be indexed.
    public func load(_ file: SourceFile) throws -> Loaded {
        guard let reader = readers[file.pathExtension] else {
            throw SkipReason.unsupportedFormat(file.pathExtension)
        }
        let (bytes, truncated) = try Self.readBytes(file.fileSystemPath, limit: Self.maxFileBytes)
        if bytes.isEmpty { throw SkipReason.empty }
        guard let (text, _) = TextDecoder.decode(bytes) else { throw SkipReason.binary }
        var articles = try reader.read(file, text: text)
        for i in articles.indices {
            if articles[i].metadata.source == nil {
                articles[i].metadata.source = file.firstFolder
            }
            if articles[i].metadata.language == nil {
                articles[i].metadata.language = ScriptDetector.dominantScript(of: articles[i].passages)
            }
        }
        return Loaded(file: file, bytes: bytes.count, truncated: truncated, articles: articles)
    }

    /// Reads at most `limit` bytes of a file.
    static func readBytes(_ path: [UInt8], limit: Int) throws -> ([UInt8], Bool) {
        let fd = open(path.cString, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw SkipReason.unreadable(String(cString: strerror(errno))) }
        defer { close(fd) }
        var info = stat()
        let expected = fstat(fd, &info) == 0 ? Int(info.st_size) : 0
        var buffer = [UInt8](repeating: 0, count: min(max(expected, 4096), limit) + 1)
        var count = 0
        while count < buffer.count {
            let n = buffer.withUnsafeMutableBytes { raw in
                read(fd, raw.baseAddress! + count, raw.count - count)
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw SkipReason.unreadable(String(cString: strerror(errno)))
            }
            if n == 0 { break }
            count += n
            if count == buffer.count && count <= limit {
                buffer += [UInt8](repeating: 0, count: min(buffer.count, limit + 1 - buffer.count))
            }
        }
        let truncated = count > limit
        buffer.removeSubrange(min(count, limit)...)
        return (buffer, truncated)
    }
}

/// Tells which writing system dominates a text.
public enum ScriptDetector {
    /// `latin`, `cyrillic`, `greek`, `arabic`, `hebrew`, `cjk`, `devanagari`, or nil when the text has no letters.
    /// Looks at the first 4,000 letters; ties go to the name that sorts first.
    public static func dominantScript(of passages: [Passage]) -> String? {
        var counts = [Int](repeating: 0, count: names.count)
        var seen = 0
        outer: for passage in passages {
            for scalar in passage.text.unicodeScalars where CharacterClass.isLetter(scalar) {
                if let index = scriptIndex(of: scalar.value) { counts[index] += 1 }
                seen += 1
                if seen >= 4000 { break outer }
            }
        }
        var best: Int? = nil
        for index in counts.indices where counts[index] > 0 {
            if let b = best, counts[b] > counts[index] || (counts[b] == counts[index] && names[b] < names[index]) { continue }
            best = index
        }
        return best.map { names[$0] }
    }

    static let names = ["latin", "greek", "cyrillic", "hebrew", "arabic", "devanagari", "cjk"]

    static func script(of v: UInt32) -> String? {
        scriptIndex(of: v).map { names[$0] }
    }

    static func scriptIndex(of v: UInt32) -> Int? {
        switch v {
        case 0x41...0x24F, 0x1E00...0x1EFF: return 0
        case 0x370...0x3FF, 0x1F00...0x1FFF: return 1
        case 0x400...0x52F, 0x1C80...0x1C8F, 0x2DE0...0x2DFF, 0xA640...0xA69F: return 2
        case 0x590...0x5FF: return 3
        case 0x600...0x6FF, 0x750...0x77F, 0x8A0...0x8FF, 0xFB50...0xFDFF, 0xFE70...0xFEFF: return 4
        case 0x900...0x97F: return 5
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF: return 6
        default: return nil
        }
    }
}
