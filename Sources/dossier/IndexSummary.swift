import DossierExport
import DossierIndex
import DossierIngest
import DossierSupport

/// The summary `dossier index` prints on stderr.
enum IndexSummary {
    /// One line of counts, then one line of skipped files grouped by reason (when any were skipped).
    static func lines(_ r: IngestReport) -> [String] {
        let mb = Double(r.bytesRead) / 1_000_000
        let rate = r.seconds > 0 ? mb / r.seconds : 0
        var lines = [
            "indexed \(count(r.filesIndexed, "file")) (\(Figures.grouped(r.new)) new, \(Figures.grouped(r.changed)) changed, "
                + "\(Figures.grouped(r.unchanged)) unchanged, \(Figures.grouped(r.moved)) moved, \(Figures.grouped(r.removed)) removed, "
                + "\(Figures.grouped(r.duplicates)) duplicate, \(Figures.grouped(r.wireCopies)) wire \(r.wireCopies == 1 ? "copy" : "copies")): \(count(r.articlesWritten, "article")), \(count(r.passagesWritten, "passage")) written, "
                + "\(Figures.decimal(mb, places: 1)) MB in \(Figures.decimal(r.seconds, places: 2)) s (\(Figures.decimal(rate, places: 1)) MB/s)"
        ]
        if !r.skipped.isEmpty {
            let groups = r.skippedByReason.map { "\($0.count) \($0.label)" }.joined(separator: ", ")
            lines.append("skipped \(count(r.skipped.count, "file")): \(groups)")
        }
        if !r.truncated.isEmpty {
            lines.append(
                "cut \(count(r.truncated.count, "file")) at \(ArticleLoader.maxFileBytes / 1_048_576) MiB: "
                    + r.truncated.joined(separator: ", "))
        }
        if r.pagesWithoutText > 0 {
            lines.append(
                "\(count(r.pagesWithoutText, "page")) in \(count(r.filesWithScans, "PDF")) had no text layer (scans): "
                    + "not indexed; reading them needs OCR, not available yet")
        }
        return lines.map(TerminalText.sanitized)
    }

    /// `1 file`, `2 files`, `12,345 files` (for a noun whose plural adds `s`).
    static func count(_ n: Int, _ noun: String) -> String {
        Figures.grouped(n) + " " + noun + (n == 1 ? "" : "s")
    }
}
