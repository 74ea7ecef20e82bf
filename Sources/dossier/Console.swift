
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Standard error and terminal facts. Results go to standard output through an ``OutputSink``.
enum Console {
    /// Prints `dossier: error: MESSAGE` on stderr.
    static func error(_ message: String) {
        errorRaw("dossier: error: \(message)\n")
    }

    /// Prints `dossier: MESSAGE` on stderr.
    static func note(_ message: String) {
        errorRaw("dossier: \(message)\n")
    }

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
