import DossierExport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Standard error and terminal facts. Results go to standard output through an ``OutputSink``.
///
/// Messages (``error(_:)``, ``note(_:)``, ``text(_:)``) may quote content (paths, reasons, lexicon
/// lines, query words): they go through ``TerminalText/sanitized(_:)``. Only ``errorRaw(_:)``, for
/// the CLI's own escape sequences (progress lines), writes bytes as they are.
enum Console {
    /// Prints `dossier: error: MESSAGE` on stderr.
    static func error(_ message: String) {
        errorRaw("dossier: error: \(TerminalText.sanitized(message))\n")
    }

    /// Prints `dossier: MESSAGE` on stderr.
    static func note(_ message: String) {
        errorRaw("dossier: \(TerminalText.sanitized(message))\n")
    }

    /// Prints `text` on stderr, sanitised, as it is otherwise (no prefix, no line end added).
    static func text(_ text: String) {
        errorRaw(TerminalText.sanitized(text))
    }

    /// Writes `text` on stderr as it is: only for text the CLI made itself.
    static func errorRaw(_ text: String) {
        var bytes = Array(text.utf8)
        _ = bytes.withUnsafeMutableBytes { write(2, $0.baseAddress!, $0.count) }
    }

    static var stdoutIsTerminal: Bool { isatty(1) == 1 }
    static var stderrIsTerminal: Bool { isatty(2) == 1 }

    /// Whether to colour standard output.
    static func useColour(_ choice: ColourChoice) -> Bool {
        switch choice {
        case .always: return true
        case .never: return false
        case .auto:
            if let noColour = getenv("NO_COLOR"), noColour.pointee != 0 { return false }
            if let term = getenv("TERM"), String(cString: term) == "dumb" { return false }
            return stdoutIsTerminal
        }
    }
}
