import Foundation
import ZIPFoundation

/// Office files and e-books built in the tests from XML written here (never copied from elsewhere):
/// DOCX, PPTX, XLSX, ODT, ODP, ODS and EPUB zips, made with ZIPFoundation in memory. Every member gets
/// the same modification time, so the same call gives the same bytes.
public enum OfficeFixtures {
    static let date = Date(timeIntervalSince1970: 1_704_067_200)

    /// A zip of `members` (name, bytes), in order; deflated unless `stored`.
    public static func zip(_ members: [(String, [UInt8])], stored: Bool = false) throws -> [UInt8] {
        let archive = try Archive(accessMode: .create)
        for (name, bytes) in members {
            let data = Data(bytes)
            try archive.addEntry(
                with: name, type: .file, uncompressedSize: Int64(data.count), modificationDate: date,
                compressionMethod: stored || name == "mimetype" ? .none : .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return Array(archive.data!)
    }

    /// A zip of text members.
    public static func zip(_ members: [(String, String)], stored: Bool = false) throws -> [UInt8] {
        try zip(members.map { ($0.0, Array($0.1.utf8)) }, stored: stored)
    }

    static let w = #"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#
    static let r = #"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#

    static let packageRels = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="%@"/>
        </Relationships>
        """

    /// Dublin Core properties as OOXML's `docProps/core.xml` writes them.
    public static func coreProperties(title: String?, creator: String?, created: String?) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
        xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">
        \(title.map { "<dc:title>\($0)</dc:title>" } ?? "")\(creator.map { "<dc:creator>\($0)</dc:creator>" } ?? "")\
        \(created.map { #"<dcterms:created xsi:type="dcterms:W3CDTF" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\#($0)</dcterms:created>"# } ?? "")
        </cp:coreProperties>
        """
    }

    /// A Word paragraph of one run (`style` as its paragraph style).
    public static func wordParagraph(_ text: String, style: String? = nil) -> String {
        let properties = style.map { #"<w:pPr><w:pStyle w:val="\#($0)"/></w:pPr>"# } ?? ""
        return #"<w:p>\#(properties)<w:r><w:t xml:space="preserve">\#(text)</w:t></w:r></w:p>"#
    }

    /// A DOCX whose body is `body` (WordprocessingML inside `<w:body>`), with optional footnotes
    /// (`<w:footnote>` elements) and core properties.
    public static func docx(body: String, footnotes: String? = nil, core: String? = nil) throws -> [UInt8] {
        var members: [(String, String)] = [
            (
                "[Content_Types].xml",
                #"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#
            ),
            ("_rels/.rels", packageRels.replacingOccurrences(of: "%@", with: "word/document.xml")),
            ("word/document.xml", #"<?xml version="1.0" encoding="UTF-8"?><w:document \#(w)><w:body>\#(body)</w:body></w:document>"#),
        ]
        if let footnotes {
            members.append(("word/footnotes.xml", #"<?xml version="1.0"?><w:footnotes \#(w)>\#(footnotes)</w:footnotes>"#))
        }
        if let core { members.append(("docProps/core.xml", core)) }
        return try zip(members)
    }

    static let office =
        #"xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:presentation="urn:oasis:names:tc:opendocument:xmlns:presentation:1.0""#

    /// An OpenDocument file: `kind` is `text`, `presentation` or `spreadsheet`, `body` the content of
    /// `<office:KIND>`, `meta` the content of `<office:meta>`.
    public static func openDocument(kind: String, body: String, meta: String? = nil) throws -> [UInt8] {
        var members: [(String, String)] = [
            ("mimetype", "application/vnd.oasis.opendocument.\(kind)"),
            (
                "content.xml",
                #"<?xml version="1.0" encoding="UTF-8"?><office:document-content \#(office)><office:body><office:\#(kind)>\#(body)</office:\#(kind)></office:body></office:document-content>"#
            ),
        ]
        if let meta {
            members.append(
                (
                    "meta.xml",
                    #"<?xml version="1.0"?><office:document-meta \#(office) xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"><office:meta>\#(meta)</office:meta></office:document-meta>"#
                ))
        }
        return try zip(members)
    }

    /// An EPUB 3 whose spine is `chapters` (file name, XHTML body), in order, and whose package
    /// metadata is `metadata` (`<dc:…>` elements). The package document is `OEBPS/content.opf`.
    public static func epub(chapters: [(String, String)], metadata: String, extraManifest: String = "") throws -> [UInt8] {
        let manifest = chapters.enumerated().map {
            #"<item id="c\#($0.offset)" href="\#($0.element.0)" media-type="application/xhtml+xml"/>"#
        }
        let spine = chapters.indices.map { #"<itemref idref="c\#($0)"/>"# }
        var members: [(String, String)] = [
            ("mimetype", "application/epub+zip"),
            (
                "META-INF/container.xml",
                #"<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>"#
            ),
            (
                "OEBPS/content.opf",
                #"<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/">\#(metadata)</metadata><manifest>\#(manifest.joined())\#(extraManifest)</manifest><spine>\#(spine.joined())</spine></package>"#
            ),
        ]
        for (name, body) in chapters {
            members.append(
                (
                    "OEBPS/" + name,
                    #"<?xml version="1.0" encoding="UTF-8"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>\#(name)</title></head><body>\#(body)</body></html>"#
                ))
        }
        return try zip(members)
    }

    static let drawing =
        #"xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main""#

    /// A PPTX of `slides`, each a list of paragraphs (one text box per paragraph), in order. The slide
    /// files are numbered in reverse, so only the presentation's list gives the right order.
    public static func pptx(slides: [[String]], core: String? = nil) throws -> [UInt8] {
        let count = slides.count
        let ids = (0..<count).map { #"<p:sldId id="\#(256 + $0)" r:id="rId\#($0 + 1)"/>"# }.joined()
        let rels = (0..<count).map {
            #"<Relationship Id="rId\#($0 + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/slide" Target="slides/slide\#(count - $0).xml"/>"#
        }.joined()
        var members: [(String, String)] = [
            ("_rels/.rels", packageRels.replacingOccurrences(of: "%@", with: "ppt/presentation.xml")),
            (
                "ppt/presentation.xml",
                #"<?xml version="1.0"?><p:presentation \#(drawing) \#(r)><p:sldIdLst>\#(ids)</p:sldIdLst></p:presentation>"#
            ),
            (
                "ppt/_rels/presentation.xml.rels",
                #"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\#(rels)</Relationships>"#
            ),
        ]
        for (index, paragraphs) in slides.enumerated() {
            let shapes = paragraphs.map {
                #"<p:sp><p:txBody><a:bodyPr/><a:p><a:r><a:rPr lang="en-GB"/><a:t>\#($0)</a:t></a:r></a:p></p:txBody></p:sp>"#
            }.joined()
            members.append(
                (
                    "ppt/slides/slide\(count - index).xml",
                    #"<?xml version="1.0"?><p:sld \#(drawing)><p:cSld><p:spTree>\#(shapes)</p:spTree></p:cSld></p:sld>"#
                ))
        }
        if let core { members.append(("docProps/core.xml", core)) }
        return try zip(members)
    }

    /// An XLSX of one sheet named `sheet`, whose `rows` are cells: a cell starting with `=` is a number
    /// (written inline, `=42` is 42), any other a shared string.
    public static func xlsx(sheet: String, rows: [[String]]) throws -> [UInt8] {
        var strings: [String] = []
        var sheetRows = ""
        for (r, row) in rows.enumerated() {
            var cells = ""
            for (c, cell) in row.enumerated() {
                let reference = String(UnicodeScalar(UInt8(65 + c))) + "\(r + 1)"
                if cell.hasPrefix("=") {
                    cells += #"<c r="\#(reference)"><v>\#(cell.dropFirst())</v></c>"#
                } else {
                    cells += #"<c r="\#(reference)" t="s"><v>\#(strings.count)</v></c>"#
                    strings.append(cell)
                }
            }
            sheetRows += #"<row r="\#(r + 1)">\#(cells)</row>"#
        }
        let main = #"xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main""#
        return try zip([
            ("_rels/.rels", packageRels.replacingOccurrences(of: "%@", with: "xl/workbook.xml")),
            (
                "xl/workbook.xml",
                #"<?xml version="1.0"?><workbook \#(main) \#(r)><sheets><sheet name="\#(sheet)" sheetId="1" r:id="rId1"/></sheets></workbook>"#
            ),
            (
                "xl/_rels/workbook.xml.rels",
                #"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#
            ),
            ("xl/sharedStrings.xml", #"<?xml version="1.0"?><sst \#(main)>\#(strings.map { "<si><t>\($0)</t></si>" }.joined())</sst>"#),
            ("xl/worksheets/sheet1.xml", #"<?xml version="1.0"?><worksheet \#(main)><sheetData>\#(sheetRows)</sheetData></worksheet>"#),
        ])
    }

    /// The start of an OLE compound file holding an `EncryptedPackage` stream, as Office writes a
    /// password-protected DOCX (the header and one directory entry; enough to be recognised).
    public static func encryptedOOXML() -> [UInt8] {
        var bytes: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)
        bytes += Array("EncryptedPackage".utf8).flatMap { [$0, 0] } + [UInt8](repeating: 0, count: 480)
        return bytes
    }

    /// The start of a legacy OLE file without an encrypted package (a `.doc`).
    public static func legacyOLE() -> [UInt8] {
        [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)
            + Array("WordDocument".utf8).flatMap { [$0, 0] }
    }
}
