import DossierModel

/// A reader that decodes the file's bytes itself, because the format declares its own charset
/// (an HTML `<meta charset>`, an e-mail part's `Content-Type`) or transfer encoding, and that may
/// report problems that did not stop it (a malformed line of a JSON Lines file) as warnings.
///
/// ``ArticleLoader`` calls ``read(_:bytes:truncated:)`` on such readers instead of
/// ``ArticleReader/read(_:text:)``; it has already checked that the bytes are not empty and not binary.
public protocol ByteArticleReader: ArticleReader {
    /// Reads `file`, whose first bytes are `bytes` (all of them unless `truncated`).
    /// - returns: the articles, and warnings (one line each, without the path) about parts that were left out.
    /// - throws: ``SkipReason`` when the file has nothing to index or cannot be parsed at all.
    func read(_ file: SourceFile, bytes: [UInt8], truncated: Bool) throws -> (articles: [Article], warnings: [String])
}

extension ByteArticleReader {
    /// Reads already decoded text by handing its UTF-8 bytes to ``read(_:bytes:truncated:)``.
    public func read(_ file: SourceFile, text: String) throws -> [Article] {
        try read(file, bytes: Array(text.utf8), truncated: false).articles
    }
}
