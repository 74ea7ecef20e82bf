import DossierModel

/// Apple Mail's `.emlx` files: a line with the message's length in bytes, the RFC 822 message
/// (read by ``EmailReader``), then a property list of Mail's own flags, which is left out.
public struct EmlxReader: ByteArticleReader {
    /// `email`, as for any message.
    public let format = "email"
    let email: EmailReader

    public init(splitter: PassageSplitter = PassageSplitter()) {
        email = EmailReader(splitter: splitter)
    }

    public func read(_ file: SourceFile, bytes: [UInt8], truncated: Bool) throws -> (articles: [Article], warnings: [String]) {
        guard let newline = bytes.prefix(32).firstIndex(of: 0x0A),
            let length = Int(String(decoding: bytes[..<newline], as: UTF8.self).trimmingSpaces()), length >= 0
        else {
            throw SkipReason.malformed("an .emlx file starts with the message's length in bytes")
        }
        let start = newline + 1
        let end = min(bytes.count, start + length)
        return try email.read(file, bytes: Array(bytes[start..<end]), truncated: truncated && end == bytes.count)
    }
}
