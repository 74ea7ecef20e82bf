import DossierSupport

/// Collapses white space quickly (ASCII first, Unicode white space too), for the titles, headers and
/// metadata values the HTML, e-mail and JSON readers clean up by the thousand.
enum Whitespace {
    /// `text` with every run of white space (line ends, tabs, no-break and other Unicode spaces)
    /// replaced by one space, and none at either end.
    static func collapse(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if CharacterClass.isSpace(scalar) {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace {
                out.append(0x20)
                pendingSpace = false
            }
            if scalar.value < 0x80 {
                out.append(UInt8(scalar.value))
            } else {
                out.append(contentsOf: UTF8.encode(scalar)!)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
