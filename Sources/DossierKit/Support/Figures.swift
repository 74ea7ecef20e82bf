/// Formats numbers: the digits every output of Dossier shares.
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

    /// A hit's score as every format prints it: four decimals, `7.1234`, `-0.5000`.
    ///
    /// The one score formatter: text, JSON, CSV, TSV and `--explain` all print these digits
    /// (``appendScore(_:to:)`` writes them as bytes for the export writers).
    public static func score(_ value: Double) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(16)
        appendScore(value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The digits of ``score(_:)``, appended to `bytes`.
    @inlinable
    public static func appendScore(_ value: Double, to bytes: inout [UInt8]) {
        let scaled = (value * 10000).rounded()
        if scaled < 0 { bytes.append(UInt8(ascii: "-")) }
        let units = Int(abs(scaled))
        appendDecimal(units / 10000, to: &bytes)
        bytes.append(UInt8(ascii: "."))
        let fraction = units % 10000
        var divisor = 1000
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(fraction / divisor % 10))
            divisor /= 10
        }
    }

    /// Appends the decimal digits of `value` (as `String(value)` has them).
    @inlinable
    public static func appendDecimal(_ value: Int, to out: inout [UInt8]) {
        if value < 0 {
            out.append(UInt8(ascii: "-"))
            if value == Int.min {
                out.append(contentsOf: String(value).utf8.dropFirst())
                return
            }
            appendDecimal(-value, to: &out)
            return
        }
        if value < 10 {
            out.append(UInt8(ascii: "0") + UInt8(value))
            return
        }
        var digits:
            (
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
            ) =
                (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            while rest > 0 {
                buffer[19 - count] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                count += 1
            }
            out.append(contentsOf: buffer[(20 - count)...])
        }
    }
}
