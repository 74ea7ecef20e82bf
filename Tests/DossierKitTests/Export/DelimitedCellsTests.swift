import DossierExport
import DossierModel
import DossierSupport
import Testing

/// Formula protection is the same in every delimited output (search, export and `topics`).
@Suite struct DelimitedCellsTests {
    @Test(arguments: ["=SUM(A1)", "+44 20", "-5", "@user", "\tx", "\rx"])
    func neutralizesFormulaStarts(cell: String) {
        #expect(DelimitedCells.neutralized(cell) == "'" + cell)
    }

    @Test(arguments: ["", "plain", "'=already", " =space", "é=", "5-3"])
    func leavesOtherCells(cell: String) {
        #expect(DelimitedCells.neutralized(cell) == cell)
    }

    /// The rows `dossier topics --format csv` prints: text cells neutralised, counts as they are.
    @Test func topicsRowsAreNeutralizedAndQuoted() {
        let row = DelimitedCells.line(
            ["evil", "=HYPERLINK(\"http://x\",\"y\")", "-cat", "3", "1"], style: .csv, neutralize: [true, true, true, false, false])
        #expect(String(decoding: row, as: UTF8.self) == "evil,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",'-cat,3,1\r\n")
        let crlf = DelimitedCells.line(["a\r\nb"], style: .csv, neutralize: false)
        #expect(String(decoding: crlf, as: UTF8.self) == "\"a\r\nb\"\r\n")
        let tsv = DelimitedCells.line(["=x\ty", "1"], style: .tsv, neutralize: [true, false])
        #expect(String(decoding: tsv, as: UTF8.self) == "'=x\\ty\t1\n")
    }
}
