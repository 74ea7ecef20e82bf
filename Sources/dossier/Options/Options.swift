import ArgumentParser
import DossierExport
import DossierSearch

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `--db`, shared by every command that opens an index.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The index file.", discussion: "Default: $DOSSIER_DB, else ./dossier.db.", valueName: "path"))
    var db: String?

    /// The index path: --db, else $DOSSIER_DB, else dossier.db.
    var path: String {
        if let db { return db }
        if let env = getenv("DOSSIER_DB"), env.pointee != 0 { return String(cString: env) }
        return "dossier.db"
    }
}

/// When to colour output.
enum ColourChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never
}

extension OutputFormat: ExpressibleByArgument {}

/// Dossier's version.
enum DossierVersion {
    static let string = "0.1.0"
}

/// `--since`, `--until`, `--source`, `--path`, `--language`: which articles a search looks in.
struct FilterOptions: ParsableArguments {
    @Option(
        name: .long, help: ArgumentHelp("Only articles dated on or after this (ISO 8601: 2023, 2023-07, 2023-07-06).", valueName: "date"))
    var since: String?

    @Option(name: .long, help: ArgumentHelp("Only articles dated on or before this (2023-07 means to the end of July).", valueName: "date"))
    var until: String?

    @Option(name: .long, help: ArgumentHelp("Only articles from this source (URL host or first folder); repeatable.", valueName: "name"))
    var source: [String] = []

    @Option(name: .long, help: ArgumentHelp("Only articles with a path matching this glob (`*`, `?`, `[...]`).", valueName: "glob"))
    var path: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Only articles in these languages (ISO 639-1 codes such as en, uk, ru); repeatable or comma-separated.", valueName: "code"))
    var language: [String] = []

    @OptionGroup var runs: RunOptions

    func validate() throws {
        try Self.validateDates(since: since, until: until)
    }

    /// Rejects a `--since` or `--until` that is not an ISO 8601 date (search and export alike).
    static func validateDates(since: String?, until: String?) throws {
        for (name, value) in [("--since", since), ("--until", until)] {
            if let value, !isDatePrefix(value) {
                throw ValidationError("\(name) takes an ISO 8601 date such as 2023, 2023-07 or 2023-07-06, not '\(value)'")
            }
        }
    }

    /// The filters for a ``SearchRequest`` (`runs` is resolved against the index: ``RunOptions/window(_:)``).
    /// - throws: ``SearchError/unknownLanguage(_:)``.
    func filters() throws -> SearchFilters {
        var filters = SearchFilters(since: since, until: until, sources: source, pathGlob: path)
        filters.languages = try SearchFilters.languages(parsing: language)
        return filters
    }

    /// `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, optionally followed by `T` and a time.
    static func isDatePrefix(_ text: String) -> Bool {
        let chars = Array(text)
        let shape = Array("dddd-dd-dd")
        for (i, c) in chars.prefix(10).enumerated() {
            if shape[i] == "d" ? !c.isASCII || !c.isNumber : c != "-" { return false }
        }
        return [4, 7, 10].contains(chars.count) || (chars.count > 10 && chars[10] == "T")
    }
}

/// `--new` and `--indexed-since`, for `search` and (for every query) `export`: the index runs whose
/// articles are kept.
/// `--all-copies`, for the commands that fold wire copies.
struct CopyOptions: ParsableArguments {
    @Flag(
        name: .long,
        help:
            "Show every wire copy's hits: by default the hits of an article's copies are left out after the best copy's, which names them.")
    var allCopies = false
}

struct RunOptions: ParsableArguments {
    @Flag(name: .long, help: "Only articles the last index run added or changed.")
    var new = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Only articles index runs added or changed since this date (ISO 8601) or run (#N, as stats lists).", valueName: "date|run"))
    var indexedSince: String?

    func validate() throws {
        if new && indexedSince != nil { throw ValidationError("--new and --indexed-since cannot be combined") }
        if let indexedSince { _ = try Self.parse(indexedSince) }
    }

    /// The runs to keep articles of, or nil for all; an error when the index has none that fit.
    func window(_ searcher: Searcher) throws -> ClosedRange<Int64>? {
        if new {
            guard let runs = try searcher.newRuns() else {
                throw DossierError(description: "--new needs a finished index run, and this index records none; run `dossier index` first")
            }
            return runs
        }
        guard let indexedSince else { return nil }
        let parsed = try Self.parse(indexedSince)
        guard let runs = try searcher.runs(indexedSinceDate: parsed.date, run: parsed.run) else {
            throw DossierError(description: "no finished index run since \(indexedSince); `dossier stats` lists the runs")
        }
        return runs
    }

    /// A run id (`12`, `#12`) or an ISO 8601 date.
    static func parse(_ value: String) throws -> (date: String?, run: Int64?) {
        let digits = value.hasPrefix("#") ? String(value.dropFirst()) : value
        if let run = Int64(digits), !FilterOptions.isDatePrefix(value) { return (nil, run) }
        guard FilterOptions.isDatePrefix(value) else {
            throw ValidationError("--indexed-since takes a date such as 2026-12-03 or a run such as #12, not '\(value)'")
        }
        return (value, nil)
    }
}
