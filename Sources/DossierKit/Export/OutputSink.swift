#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where writers send bytes.
public protocol OutputSink: AnyObject {
    /// Appends bytes.
    func write(_ text: String) throws
    /// Appends UTF-8 bytes (the fast path of the export writers; by default through ``write(_:)``).
    func write(bytes: UnsafeRawBufferPointer) throws
    /// Sends buffered bytes on.
    func flush() throws
}

extension OutputSink {
    public func write(bytes: UnsafeRawBufferPointer) throws {
        try write(String(decoding: bytes, as: UTF8.self))
    }

    /// Appends the bytes of `buffer`.
    public func write(bytes buffer: [UInt8]) throws {
        try buffer.withUnsafeBytes { try write(bytes: $0) }
    }
}

/// Errors of the export stage.
public enum OutputError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The reader of the output went away (`| head`): not an error for the user.
    case closed
    /// Writing failed (disk full, ...).
    case failed(path: String, reason: String)

    public var description: String {
        switch self {
        case .closed: return "output closed"
        case .failed(let path, let reason): return "cannot write \(path): \(reason)"
        }
    }
}

/// A buffered sink over a file descriptor (standard output by default).
///
/// A closed pipe (`EPIPE`) surfaces as ``OutputError/closed`` so callers can stop quietly.
/// The process must ignore `SIGPIPE` for that to happen instead of being killed.
public final class FileDescriptorSink: OutputSink {
    let fd: Int32
    let name: String
    private var buffer: [UInt8] = []
    private let capacity: Int

    public init(fd: Int32 = 1, name: String = "standard output", capacity: Int = 64 * 1024) {
        self.fd = fd
        self.name = name
        self.capacity = capacity
        buffer.reserveCapacity(capacity)
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
        var offset = 0
        while offset < buffer.count {
            let n = buffer.withUnsafeBytes { raw in
                systemWrite(fd, raw.baseAddress! + offset, raw.count - offset)
            }
            if n < 0 {
                if errno == EINTR { continue }
                let code = errno
                buffer.removeAll(keepingCapacity: true)
                if code == EPIPE { throw OutputError.closed }
                throw OutputError.failed(path: name, reason: String(cString: strerror(code)))
            }
            offset += n
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

/// A sink that keeps everything in memory (for tests and small outputs).
public final class StringSink: OutputSink {
    public private(set) var text = ""
    public init() {}
    public func write(_ text: String) throws { self.text += text }
    public func flush() throws {}
}

/// `write(2)`: one call, which may write fewer bytes than asked.
func systemWrite(_ fd: Int32, _ pointer: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    return Glibc.write(fd, pointer, count)
    #else
    return Darwin.write(fd, pointer, count)
    #endif
}
