/// Formats numbers for people.
///
/// Only numbers, no sentences: the lines the CLI prints around them (the index summary, the
/// progress bar) are built in `Sources/dossier`. `dossier-bench` uses ``decimal(_:places:)``.
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
