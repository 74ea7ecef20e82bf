import DossierIngest
import DossierIndex

/// Formats numbers for people.
public enum Figures {
    /// `12345` → `12,345`.
    public static func grouped(_ n: Int) -> String {
        let digits = String(abs(n))
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
            out.append(ch)
        }
        return (n < 0 ? "-" : "") + out
    }

    /// `value` with `places` decimals.
    public static func decimal(_ value: Double, places: Int) -> String {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = Int((abs(value) * scale).rounded())
        let whole = scaled / Int(scale)
        let fraction = String(scaled % Int(scale))
        let sign = value < 0 && scaled != 0 ? "-" : ""
        if places == 0 { return sign + String(whole) }
        return sign + String(whole) + "." + String(repeating: "0", count: places - fraction.count) + fraction
    }

    /// Bytes as megabytes with one decimal: `1.5 MB`.
    public static func megabytes(_ bytes: Int) -> String {
        decimal(Double(bytes) / 1_000_000, places: 1) + " MB"
    }
}

/// The summary `dossier index` prints on stderr.
public enum IndexSummary {
    /// One line of counts, then one line of skipped files grouped by reason (when any were skipped).
    public static func lines(_ r: IngestReport) -> [String] {
        let mb = Double(r.bytesRead) / 1_000_000
        let rate = r.seconds > 0 ? mb / r.seconds : 0
        var lines = [
            "indexed \(Figures.grouped(r.filesIndexed)) files (\(Figures.grouped(r.new)) new, \(Figures.grouped(r.changed)) changed, "
                + "\(Figures.grouped(r.unchanged)) unchanged, \(Figures.grouped(r.moved)) moved, \(Figures.grouped(r.removed)) removed, "
                + "\(Figures.grouped(r.duplicates)) duplicate): \(Figures.grouped(r.articlesWritten)) articles, \(Figures.grouped(r.passagesWritten)) passages written, "
                + "\(Figures.decimal(mb, places: 1)) MB in \(Figures.decimal(r.seconds, places: 2)) s (\(Figures.decimal(rate, places: 1)) MB/s)"
        ]
        if !r.skipped.isEmpty {
            let groups = r.skippedByReason.map { "\($0.count) \($0.label)" }.joined(separator: ", ")
            lines.append("skipped \(Figures.grouped(r.skipped.count)) files: \(groups)")
        }
        if !r.truncated.isEmpty {
            lines.append("cut \(r.truncated.count) files at \(ArticleLoader.maxFileBytes / 1_048_576) MiB: " + r.truncated.joined(separator: ", "))
        }
        return lines
    }
}
