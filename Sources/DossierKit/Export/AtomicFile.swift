import CFileSync

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An output file that appears under its real name only when it is complete.
///
/// Bytes go to a temporary file in the same folder, named `.NAME.dossier-tmp-PID` (hidden, and
/// recognisable as Dossier's if a `kill -9` leaves it behind). ``commit()`` flushes, `fsync`s and
/// renames it over `path`, then `fsync`s the folder; ``discard()`` (or deinit before a commit)
/// removes it. After ``installSignalCleanup()``, SIGINT, SIGTERM and SIGHUP remove open temporary
/// files before the process dies, so an interrupted export never leaves a half file under the real name.
///
/// ```swift
/// let file = try AtomicFile(path: "hits.csv")
/// try file.write("a,b\r\n")
/// try file.commit()
/// ```
public final class AtomicFile: OutputSink {
    /// The final path.
    public let path: String
    /// Where bytes go until ``commit()``.
    public let temporaryPath: String
    private var fd: Int32
    private var buffer: [UInt8] = []
    private let capacity = 256 * 1024
    /// Bytes written to `fd` so far, and from where their writeback has not been started yet.
    private var written: Int64 = 0
    private var writebackStart: Int64 = 0
    /// Start the writeback of every this many bytes as the file grows, so that the `fsync` in
    /// ``commit()`` waits for the last few megabytes instead of the whole file (docs/performance.md).
    private let writebackEvery: Int64 = 8 << 20
    private var slot: Int?

    /// Creates the temporary file next to `path`.
    /// - throws: ``ExportError/output(path:reason:)``.
    public init(path: String) throws {
        self.path = path
        temporaryPath = Self.temporaryPath(for: path, pid: getpid())
        var fd = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        if fd < 0 && errno == EEXIST {  // left by an earlier process with our pid: ours by name
            unlink(temporaryPath)
            fd = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        }
        guard fd >= 0 else { throw ExportError.output(path: path, reason: Self.lastError()) }
        self.fd = fd
        buffer.reserveCapacity(capacity)
        slot = SignalCleanup.register(temporaryPath)
    }

    deinit {
        if fd >= 0 { discard() }
    }

    /// The temporary file's path for `path`: `DIR/.NAME.dossier-tmp-PID`.
    public static func temporaryPath(for path: String, pid: Int32) -> String {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        return folder + "." + name + ".dossier-tmp-" + String(pid)
    }

    public func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= capacity { try flush() }
    }

    public func write(bytes: UnsafeRawBufferPointer) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= capacity { try flush() }
    }

    public func flush() throws {
        guard fd >= 0 else { throw ExportError.output(path: path, reason: "already closed") }
        var offset = 0
        while offset < buffer.count {
            let n = buffer.withUnsafeBytes { raw in systemWrite(fd, raw.baseAddress! + offset, raw.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                let reason = Self.lastError()
                buffer.removeAll(keepingCapacity: true)
                throw ExportError.output(path: path, reason: reason)
            }
            offset += n
            written += Int64(n)
        }
        buffer.removeAll(keepingCapacity: true)
        if written - writebackStart >= writebackEvery {
            // Advisory: a failure here only leaves more for fsync.
            _ = dossier_start_writeback(fd, writebackStart, written - writebackStart)
            writebackStart = written
        }
    }

    /// Flushes, syncs and renames the temporary file to ``path``.
    /// - throws: ``ExportError/output(path:reason:)``; the temporary file is removed then.
    public func commit() throws {
        do {
            try flush()
            guard fsync(fd) == 0 else { throw ExportError.output(path: path, reason: Self.lastError()) }
            let closed = close(fd)
            fd = -1
            guard closed == 0 else { throw ExportError.output(path: path, reason: Self.lastError()) }
            guard rename(temporaryPath, path) == 0 else { throw ExportError.output(path: path, reason: Self.lastError()) }
        } catch {
            discard()
            throw error
        }
        release()
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? "."
        let dir = open(folder, O_RDONLY | O_CLOEXEC)
        if dir >= 0 {
            _ = fsync(dir)
            close(dir)
        }
    }

    /// Closes and removes the temporary file. Nothing appears under ``path``.
    public func discard() {
        if fd >= 0 {
            close(fd)
            fd = -1
        }
        unlink(temporaryPath)
        release()
    }

    private func release() {
        if let slot { SignalCleanup.unregister(slot) }
        slot = nil
    }

    /// Removes open temporary files on SIGINT, SIGTERM and SIGHUP, then dies of the signal as usual.
    public static func installSignalCleanup() {
        SignalCleanup.install()
    }

    static func lastError() -> String { String(cString: strerror(errno)) }
}

/// Paths of open temporary files, in C strings a signal handler can read without allocating.
private enum SignalCleanup {
    static let capacity = 8
    nonisolated(unsafe) static let slots: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> = {
        let slots = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity)
        slots.initialize(repeating: nil, count: capacity)
        return slots
    }()

    static func register(_ path: String) -> Int? {
        for i in 0..<capacity where slots[i] == nil {
            slots[i] = strdup(path)
            return i
        }
        return nil
    }

    static func unregister(_ slot: Int) {
        let path = slots[slot]
        slots[slot] = nil
        free(path)
    }

    static func install() {
        _ = slots  // initialise before any handler can run
        // A parent may have blocked these signals (spawned children inherit the mask): unblock them.
        var mask = sigset_t()
        sigemptyset(&mask)
        for sig in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&mask, sig) }
        pthread_sigmask(SIG_UNBLOCK, &mask, nil)
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            signal(sig) { received in
                for i in 0..<SignalCleanup.capacity {
                    if let path = SignalCleanup.slots[i] { unlink(path) }
                }
                signal(received, SIG_DFL)
                raise(received)
            }
        }
    }
}
