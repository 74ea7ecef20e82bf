import DossierSupport

/// The columns of hits in every machine format, in order. Formats only ever gain columns, at the end.
public enum HitColumns {
    public static let names = [
        "rank", "score", "path", "title", "date", "author", "source", "url", "format", "language",
        "passage", "start", "end", "topics", "snippet", "text", "date_source", "copies", "copy_count", "page",
    ]

    /// The snippet's match markers outside the terminal.
    public static let matchOpen = "["
    public static let matchClose = "]"

    /// A hit's score as printed: four decimals (``Figures/score(_:)``, the one score formatter).
    public static func score(_ value: Double) -> String {
        Figures.score(value)
    }
}
