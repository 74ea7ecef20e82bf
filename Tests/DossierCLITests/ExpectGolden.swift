import DossierTestSupport
import Testing

/// Records an issue unless `actual` is the golden file `Tests/Fixtures/FOLDER/NAME` (``Golden/check(_:_:folder:)``).
func expectGolden(_ actual: String, _ name: String, folder: String = "golden", sourceLocation: SourceLocation = #_sourceLocation) {
    if let report = Golden.check(actual, name, folder: folder) { Issue.record(Comment(rawValue: report), sourceLocation: sourceLocation) }
}
