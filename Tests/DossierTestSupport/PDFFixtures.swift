import Foundation

/// Small PDF files written byte by byte for the tests: pages of lines of Helvetica text placed where
/// asked, an image standing for a scanned page, an info dictionary, and the odd cases (encrypted with
/// a password, damaged). The text is the tests' own.
public enum PDFFixtures {
    /// A line of text at `x`, `y` (points from the bottom left of a US Letter page), `size` points high.
    public struct Line: Sendable {
        public var x: Int
        public var y: Int
        public var text: String
        public var size: Int

        public init(x: Int = 72, y: Int, _ text: String, size: Int = 10) {
            self.x = x
            self.y = y
            self.text = text
            self.size = size
        }
    }

    /// A page: its lines, in the order the content stream draws them, and whether it draws an image
    /// (a page with an image and no lines is a scan).
    public struct Page: Sendable {
        public var lines: [Line]
        public var image: Bool

        public init(_ lines: [Line], image: Bool = false) {
            self.lines = lines
            self.image = image
        }
    }

    /// Lines from the top of a page down, 12 points apart, starting at `top`.
    public static func column(_ texts: [String], x: Int = 72, top: Int = 700) -> [Line] {
        texts.enumerated().map { Line(x: x, y: top - $0.offset * 12, $0.element) }
    }

    /// A whole PDF file. `info` holds info dictionary entries (`Title`, `Author`, `CreationDate`);
    /// `encrypted` adds a standard security handler whose user password is not empty.
    public static func pdf(_ pages: [Page], info: [String: String] = [:], encrypted: Bool = false) -> [UInt8] {
        var objects: [String] = []
        func add(_ body: String) -> Int {
            objects.append(body)
            return objects.count
        }
        let font = add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
        let image = add(
            "<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 4 >>\nstream\n\u{0}\u{FF}\u{FF}\u{0}\nendstream"
        )
        let pagesID = add("")
        var kids: [Int] = []
        for page in pages {
            var ops: [String] = []
            if page.image { ops.append("q 400 0 0 500 100 150 cm /Im1 Do Q") }
            for line in page.lines {
                ops.append("BT /F1 \(line.size) Tf \(line.x) \(line.y) Td (\(escape(line.text))) Tj ET")
            }
            let stream = ops.joined(separator: "\n")
            let content = add("<< /Length \(Array(stream.utf8).count) >>\nstream\n\(stream)\nendstream")
            kids.append(
                add(
                    "<< /Type /Page /Parent \(pagesID) 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 \(font) 0 R >> "
                        + "/XObject << /Im1 \(image) 0 R >> >> /Contents \(content) 0 R >>"))
        }
        objects[pagesID - 1] = "<< /Type /Pages /Kids [\(kids.map { "\($0) 0 R" }.joined(separator: " "))] /Count \(kids.count) >>"
        let infoID = add("<< " + info.sorted { $0.key < $1.key }.map { "/\($0.key) (\(escape($0.value)))" }.joined(separator: " ") + " >>")
        let catalog = add("<< /Type /Catalog /Pages \(pagesID) 0 R >>")
        var encrypt = ""
        if encrypted {
            let o = String(repeating: "1f", count: 32)
            let u = String(repeating: "2e", count: 32)
            let id = add("<< /Filter /Standard /V 2 /R 3 /Length 128 /P -3904 /O <\(o)> /U <\(u)> >>")
            encrypt = " /Encrypt \(id) 0 R /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>]"
        }
        var data: [UInt8] = Array("%PDF-1.4\n%\u{E2}\u{E3}\u{CF}\u{D3}\n".utf8)
        var offsets: [Int] = []
        for (index, body) in objects.enumerated() {
            offsets.append(data.count)
            data += latin1("\(index + 1) 0 obj\n\(body)\nendobj\n")
        }
        let xref = data.count
        data += latin1("xref\n0 \(objects.count + 1)\n0000000000 65535 f \n")
        for offset in offsets { data += latin1(String(format: "%010d 00000 n \n", offset)) }
        data += latin1(
            "trailer\n<< /Size \(objects.count + 1) /Root \(catalog) 0 R /Info \(infoID) 0 R\(encrypt) >>\nstartxref\n\(xref)\n%%EOF\n")
        return data
    }

    /// The names of the report's pages, in order (the report repeats them past the tenth page).
    public static let pageNames = ["Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel", "India", "Juliett"]

    /// `text` as a PDF literal string: backslash and parentheses escaped.
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "(", with: "\\(").replacingOccurrences(
            of: ")", with: "\\)")
    }

    /// The bytes of `text` in Latin-1 (the PDF syntax is bytes; a character past U+00FF becomes `?`).
    static func latin1(_ text: String) -> [UInt8] {
        text.unicodeScalars.map { $0.value < 256 ? UInt8($0.value) : UInt8(ascii: "?") }
    }

    /// A report of `pageCount` pages, two columns each, a running header and a footer with the page
    /// number on each page, and words hyphenated at line ends. Page N's left column starts with
    /// `The NAME section opens here.` and its right column ends with `So ends the NAME section.`, NAME
    /// being the N-th of ``pageNames``.
    public static func report(pages pageCount: Int, title: String = "Panel report") -> [UInt8] {
        var pages: [Page] = []
        for n in 1...pageCount {
            let name = pageNames[(n - 1) % pageNames.count]
            let left = [
                "The \(name) section opens here. The monitors",
                "visited the northern district, where the investi-",
                "gation found damaged warehouses and",
                "a bridge near the river.",
            ]
            let right = [
                "Witnesses described the convoy that",
                "crossed the checkpoint before dawn; the",
                "reconstruc-",
                "tion of events relied on satellite images.",
                "So ends the \(name) section.",
            ]
            var lines = [Line(y: 750, "Report of the Panel of Experts", size: 9)]
            lines += column(left, x: 72)
            lines += column(right, x: 320)
            lines.append(Line(y: 40, "Distribution: general. Page \(n) of \(pageCount)", size: 9))
            pages.append(Page(lines))
        }
        return pdf(pages, info: ["Title": title, "Author": "Dossier test desk", "CreationDate": "D:20240315093000Z"])
    }
}
