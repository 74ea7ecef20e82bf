import Crypto
import DossierModel

/// SHA-256 fingerprints that recognise identical articles and files.
public enum ContentHash {
    /// The fingerprint of an article: its title and text. Two articles with the same title and
    /// text are one article, whatever their paths or metadata.
    public static func of(_ article: Article) -> String {
        var hasher = SHA256()
        hasher.update(data: Array(article.title.utf8))
        hasher.update(data: [0])
        hasher.update(data: Array(article.text.utf8))
        return hex(hasher.finalize())
    }

    /// The fingerprint of a file: the fingerprints of the articles it holds, in order.
    public static func of(articleHashes: [String]) -> String {
        var hasher = SHA256()
        for hash in articleHashes {
            hasher.update(data: Array(hash.utf8))
            hasher.update(data: [0x0A])
        }
        return hex(hasher.finalize())
    }

    /// The SHA-256 of `bytes`, as lower-case hex.
    public static func sha256(_ bytes: [UInt8]) -> String {
        hex(SHA256.hash(data: bytes))
    }

    package static func hex<D: Sequence>(_ digest: D) -> String where D.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(64)
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
