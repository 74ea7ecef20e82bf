import Foundation

/// Whole-output golden files: the output is compared byte for byte with a file under `Tests/Fixtures`.
/// With `DOSSIER_UPDATE_GOLDEN=1` in the environment the file is rewritten instead (after a
/// deliberate change; review the diff before committing it).
///
/// This target does not import Testing (plain `swift build` compiles it, and Testing is not
/// everywhere a non-test target can see it): ``check(_:_:folder:)`` returns the report, and each
/// test target records it with its `expectGolden` (three lines).
public enum Golden {
    public static var updating: Bool { ProcessInfo.processInfo.environment["DOSSIER_UPDATE_GOLDEN"] == "1" }

    /// nil when `actual` is byte for byte the golden file `FOLDER/NAME` (`folder` relative to
    /// `Tests/Fixtures`, default `golden`), or when it was rewritten; else the report to record.
    public static func check(_ actual: String, _ name: String, folder: String = "golden") -> String? {
        check(Data(actual.utf8), name, folder: folder)
    }

    public static func check(_ actual: Data, _ name: String, folder: String = "golden") -> String? {
        let url = Paths.fixture(folder).appendingPathComponent(name)
        if updating {
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try actual.write(to: url)
                return nil
            } catch {
                return "cannot write golden file \(url.path): \(error)"
            }
        }
        guard let expected = FileManager.default.contents(atPath: url.path) else {
            return "missing golden file \(folder)/\(name); run with DOSSIER_UPDATE_GOLDEN=1 to write it"
        }
        return mismatch(expected: expected, got: actual, name: "\(folder)/\(name)")
    }

    /// nil when the bytes are equal; else expected and got between rulers, and the first differing line.
    public static func mismatch(expected: Data, got: Data, name: String) -> String? {
        if expected == got { return nil }
        let e = String(decoding: expected, as: UTF8.self)
        let g = String(decoding: got, as: UTF8.self)
        let ruler = String(repeating: "-", count: 72)
        let eLines = e.split(separator: "\n", omittingEmptySubsequences: false)
        let gLines = g.split(separator: "\n", omittingEmptySubsequences: false)
        var first = 0
        while first < eLines.count && first < gLines.count && Array(eLines[first].utf8) == Array(gLines[first].utf8) { first += 1 }
        func line(_ lines: [Substring]) -> String { first < lines.count ? String(lines[first]).debugDescription : "<end of output>" }
        return """
            \(name) differs (\(expected.count) bytes expected, \(got.count) got; DOSSIER_UPDATE_GOLDEN=1 rewrites it)
            first difference at line \(first + 1):
              expected: \(line(eLines))
              got:      \(line(gLines))
            \(ruler) expected
            \(e)\(e.hasSuffix("\n") || e.isEmpty ? "" : "\n")\(ruler) got
            \(g)\(g.hasSuffix("\n") || g.isEmpty ? "" : "\n")\(ruler)
            """
    }

    /// Replaces every match of the regular expression `pattern` in `text` with `template` (which
    /// may name groups: `$1`), for what truly varies between runs: elapsed times, rates, timestamps.
    public static func mask(_ text: String, _ pattern: String, with template: String) -> String {
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: template)
    }
}
