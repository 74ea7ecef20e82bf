import DossierExport
import DossierIndex
import Foundation
import Testing

@Suite struct AtomicFileTests {
    func folder() throws -> TempFolder { try TempFolder(prefix: "dossier-atomic") }

    @Test func temporaryNameIsHiddenAndRecognisable() {
        #expect(AtomicFile.temporaryPath(for: "out/hits.csv", pid: 42) == "out/.hits.csv.dossier-tmp-42")
        #expect(AtomicFile.temporaryPath(for: "hits.csv", pid: 7) == ".hits.csv.dossier-tmp-7")
        #expect(AtomicFile.temporaryPath(for: "/a/b/c.ndjson", pid: 1) == "/a/b/.c.ndjson.dossier-tmp-1")
    }

    @Test func nothingUnderTheRealNameUntilCommit() throws {
        let folder = try folder()
        let dir = folder.path
        defer { withExtendedLifetime(folder) {} }  // removed at the end of the test, not after its last use
        let path = dir + "/hits.csv"
        let file = try AtomicFile(path: path)
        try file.write(String(repeating: "row,row\r\n", count: 100_000))
        try file.flush()
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(FileManager.default.fileExists(atPath: file.temporaryPath))
        try file.commit()
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(!FileManager.default.fileExists(atPath: file.temporaryPath))
        #expect(try String(contentsOfFile: path, encoding: .utf8).utf8.count == 900_000)
    }

    @Test func discardLeavesNothingAndKeepsAnOldFile() throws {
        let folder = try folder()
        let dir = folder.path
        defer { withExtendedLifetime(folder) {} }  // removed at the end of the test, not after its last use
        let path = dir + "/hits.csv"
        try "previous export\n".write(toFile: path, atomically: true, encoding: .utf8)
        do {
            let file = try AtomicFile(path: path)
            try file.write("half a row")
            file.discard()
            #expect(!FileManager.default.fileExists(atPath: file.temporaryPath))
        }
        do {
            let file = try AtomicFile(path: path)
            try file.write("dropped without commit")
            _ = file  // deinit discards
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["hits.csv"])
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "previous export\n")
    }

    @Test func missingFolderIsAnExportError() {
        #expect(throws: ExportError.self) { try AtomicFile(path: "/no/such/folder/hits.csv") }
    }

    @Test func hashingSinkHashesWhatPassesThrough() throws {
        let inner = StringSink()
        let sink = HashingSink(inner)
        try sink.write("hello ")
        try sink.write("wörld\n")
        #expect(inner.text == "hello wörld\n")
        #expect(sink.byteCount == 13)
        #expect(sink.sha256 == ContentHash.sha256(Array("hello wörld\n".utf8)))
    }
}
