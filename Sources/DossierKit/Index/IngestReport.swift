import DossierIngest

/// What an `index` run did, for its summary line and exit status.
public struct IngestReport: Sendable, Equatable {
    /// Files read and stored for the first time.
    public var new = 0
    /// Files whose size or modification time changed, read again and replaced.
    public var changed = 0
    /// Files with the same size and modification time as last run: not read.
    public var unchanged = 0
    /// Files stored earlier that are gone from the folder, removed from the index.
    public var removed = 0
    /// Files that are gone from one path and new at another with the same content (not re-tokenized).
    public var moved = 0
    /// Files that were not indexed, by reason, with their paths.
    public var skipped: [(path: String, reason: SkipReason)] = []
    /// Files cut at ``ArticleLoader/maxFileBytes``.
    public var truncated: [String] = []
    /// Pages with images but no text (scans) in the PDFs read, and in those skipped for having no text at all.
    public var pagesWithoutText = 0
    /// The files holding such pages.
    public var filesWithScans = 0
    /// Articles read in this run whose content was already indexed under another path.
    public var duplicates = 0
    /// Articles written in this run that are wire copies of another stored article (``CopyClusters``).
    public var wireCopies = 0
    /// Non-fatal problems inside files that were indexed (a malformed line of a feed, ...).
    public var warnings: [String] = []
    /// Articles and passages written in this run.
    public var articlesWritten = 0
    public var passagesWritten = 0
    /// Bytes read from files in this run.
    public var bytesRead = 0
    /// Wall-clock seconds of the run.
    public var seconds = 0.0

    public init() {}

    /// Files that are in the index after the run (new + changed + unchanged + moved).
    public var filesIndexed: Int { new + changed + unchanged + moved }

    /// Skipped files grouped by reason label, most frequent first, then by label.
    public var skippedByReason: [(label: String, count: Int)] {
        var counts: [String: Int] = [:]
        for entry in skipped { counts[entry.reason.label, default: 0] += 1 }
        return counts.map { ($0.key, $0.value) }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
    }

    /// True when a file that should have been readable could not be read.
    public var hasErrors: Bool { skipped.contains { $0.reason.isError } }

    public static func == (a: IngestReport, b: IngestReport) -> Bool {
        a.new == b.new && a.changed == b.changed && a.unchanged == b.unchanged && a.removed == b.removed && a.moved == b.moved
            && a.skipped.map(\.path) == b.skipped.map(\.path) && a.articlesWritten == b.articlesWritten
            && a.passagesWritten == b.passagesWritten
    }
}
