import Crypto
import DossierIndex

/// Passes bytes on to another sink and keeps their SHA-256 and count, for the export manifest.
///
/// ```swift
/// let sink = HashingSink(FileDescriptorSink())
/// try sink.write("hello\n")
/// sink.sha256  // "5891b5b5…"
/// ```
public final class HashingSink: OutputSink {
    let inner: OutputSink
    private var hasher = SHA256()
    /// Bytes written so far.
    public private(set) var byteCount = 0

    public init(_ inner: OutputSink) {
        self.inner = inner
    }

    public func write(_ text: String) throws {
        var text = text
        text.withUTF8 { bytes in
            hasher.update(bufferPointer: UnsafeRawBufferPointer(bytes))
            byteCount += bytes.count
        }
        try inner.write(text)
    }

    public func write(bytes: UnsafeRawBufferPointer) throws {
        hasher.update(bufferPointer: bytes)
        byteCount += bytes.count
        try inner.write(bytes: bytes)
    }

    public func flush() throws {
        try inner.flush()
    }

    /// The SHA-256 of everything written so far, lower-case hex.
    public var sha256: String {
        ContentHash.hex(hasher.finalize())
    }
}
