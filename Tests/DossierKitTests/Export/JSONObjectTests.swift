import DossierExport
import Foundation
import Testing

@Suite struct JSONObjectTests {
    static let samples = [
        "", "plain", "quote \" and backslash \\", "line\nbreak\r\nand\ttab", "\u{0}\u{1}\u{1F}\u{7F}",
        "line separator \u{2028} paragraph \u{2029}", "é ü ß Ж ع 中文 🇺🇦 👩‍👩‍👧", "\u{E000}marks\u{E001}", "\u{2027}\u{202A}",
    ]

    @Test(arguments: samples)
    func quotedStringsDecodeToThemselves(text: String) throws {
        let quoted = JSONObject.quote(text)
        #expect(!quoted.contains("\n") && !quoted.contains("\u{2028}") && !quoted.contains("\u{2029}"))
        let decoded = try JSONSerialization.jsonObject(with: Data(("[" + quoted + "]").utf8)) as! [String]
        #expect(decoded == [text])
    }

    @Test func escapesAreTheShortOnes() {
        #expect(JSONObject.quote("a\"b\\c\nd\re\tf\u{1}g\u{2028}") == #""a\"b\\c\nd\re\tf\u0001g\u2028""#)
    }
}
