import DossierSupport

/// A one-line progress bar on standard error: files, MB, rate and time left. Only for terminals;
/// callers create it only when stderr is a TTY and `--quiet` is off. The indexer reports
/// progress as values (``Indexer/Progress``) through a callback; this draws them.
final class ProgressBar {
    let total: Int
    private var lastDraw = -1.0

    init(total: Int) {
        self.total = total
    }

    /// Redraws at most ten times a second.
    func update(done: Int, bytes: Int, elapsed: Double) {
        guard elapsed - lastDraw >= 0.1 || done >= total else { return }
        lastDraw = elapsed
        let fraction = total > 0 ? min(1, Double(done) / Double(total)) : 1
        let width = 24
        let filled = Int(fraction * Double(width))
        let rate = elapsed > 0 ? Double(bytes) / 1_000_000 / elapsed : 0
        let eta = fraction > 0 && fraction < 1 ? elapsed / fraction - elapsed : 0
        let line =
            "\r[" + String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled) + "] "
            + "\(Figures.grouped(done))/\(Figures.grouped(total)) files, \(Figures.megabytes(bytes)), "
            + "\(Figures.decimal(rate, places: 1)) MB/s, \(Figures.decimal(eta, places: 0)) s left\u{1B}[K"
        emit(line)
    }

    /// Erases the bar.
    func clear() {
        emit("\r\u{1B}[K")
    }

    private func emit(_ text: String) {
        Console.errorRaw(text)
    }
}
