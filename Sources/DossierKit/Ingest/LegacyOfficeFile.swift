/// Legacy binary Office files (Word `.doc`, Excel `.xls`, PowerPoint `.ppt`) and other OLE compound
/// files, which Dossier does not read: no Debian library reads them into text (catdoc and antiword
/// are programs, and Dossier does not run programs), so they are skipped with a reason that says how
/// to convert them. An OLE file holding an `EncryptedPackage` stream is a password-protected
/// DOCX, XLSX or PPTX (Office encrypts the zip and wraps it so): skipped as encrypted.
enum LegacyOfficeFile {
    /// The first bytes of every OLE compound file.
    static let magic: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    /// Legacy extensions: the application's name and the format to convert to.
    static let extensions: [String: (name: String, convertTo: String)] = [
        "doc": ("Word .doc", "docx"), "dot": ("Word .dot", "docx"),
        "xls": ("Excel .xls", "xlsx"), "xlt": ("Excel .xlt", "xlsx"),
        "ppt": ("PowerPoint .ppt", "pptx"), "pps": ("PowerPoint .pps", "pptx"), "pot": ("PowerPoint .pot", "pptx"),
    ]

    /// `EncryptedPackage` in UTF-16LE, as OLE directory entries name their streams.
    static let encryptedPackage: [UInt8] = Array("EncryptedPackage".utf8).flatMap { [$0, 0] }

    /// The reason an OLE file with extension `pathExtension` (its first `bytes`) is skipped.
    static func skipReason(pathExtension: String, bytes: [UInt8]) -> SkipReason {
        if contains(bytes, encryptedPackage) { return .encrypted }
        if let legacy = extensions[pathExtension] {
            return .legacyFormat("legacy \(legacy.name): convert with `libreoffice --headless --convert-to \(legacy.convertTo)`")
        }
        return .legacyFormat(
            "legacy Office file (OLE compound document): convert with `libreoffice --headless --convert-to docx` (or xlsx, pptx)")
    }

    /// The reason a file with a legacy extension that is not an OLE file (nor RTF) is skipped.
    static func notOLE(pathExtension: String) -> SkipReason {
        .malformed("not a \(extensions[pathExtension]?.name ?? "legacy Office") file (no OLE header)")
    }

    static func contains(_ bytes: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, bytes.count >= needle.count else { return false }
        var i = 0
        let last = bytes.count - needle.count
        while i <= last {
            if bytes[i] == first, bytes[i..<(i + needle.count)].elementsEqual(needle) { return true }
            i += 1
        }
        return false
    }
}
