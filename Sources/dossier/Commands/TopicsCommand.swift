import ArgumentParser
import DossierExport
import DossierIndex
import DossierSearch
import DossierSupport
import DossierTopics

/// `dossier topics`: the lexicon's topics with counts, co-occurring topics, counts per month,
/// and `--check` for lexicon files.
struct TopicsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "topics",
        abstract: "List topics with passage and article counts, or check a lexicon file.",
        discussion: """
            Passages are tagged at index time with the topics they name (see
            docs/topics.md). --with TOPIC lists the topics named in the same passages,
            most frequent first. --by month counts articles and passages per month
            (articles dated by their content). --lexicon FILE --check validates a
            lexicon file and prints its problems with line numbers.
            Example: dossier topics --category weapon
            Example: dossier topics --by month --topic kyiv
            Exit status: 0, 1 when nothing is listed, 2 on error (or an invalid lexicon).
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, csv }
    enum Period: String, ExpressibleByArgument, CaseIterable { case month }

    @OptionGroup var database: DatabaseOptions

    @OptionGroup var lexicon: LexiconOptions

    @Option(name: .long, help: "Only topics of this category.")
    var category: String?

    @Option(name: .long, help: ArgumentHelp("List the topics named in the same passages as this one.", valueName: "topic"))
    var with: String?

    @Option(name: .long, help: ArgumentHelp("Count articles per month (for --topic, --category, or all tags).", valueName: "period"))
    var by: Period?

    @Option(name: .long, help: ArgumentHelp("With --by: only this topic.", valueName: "topic"))
    var topic: String?

    @Option(name: [.short, .long], help: "Output format: text, json or csv.")
    var format: Format = .text

    @Flag(name: .long, help: "Validate the --lexicon file (or $DOSSIER_LEXICON) and exit.")
    var check = false

    func validate() throws {
        if check && lexicon.file == nil { throw ValidationError("--check needs --lexicon FILE") }
        if with != nil && by != nil { throw ValidationError("use either --with or --by") }
        if topic != nil && by == nil { throw ValidationError("--topic goes with --by month") }
    }

    func run() throws {
        let out = FileDescriptorSink()
        if check {
            try runCheck(out)
            return
        }
        let stats = try TopicStatistics(path: database.path)
        let searcher = try Searcher(path: database.path)
        try lexicon.checkMatches(indexHash: try searcher.lexiconHash(), database: database.path)
        guard try stats.hasTags() else {
            throw DossierError(description: "\(database.path) has no topic tags yet; run `dossier index FOLDER` to tag it")
        }
        let known = try searcher.lexicon()
        if let category, !known.categories.contains(category.lowercased()) {
            throw DossierError(description: "no category is named \"\(category)\"; categories: \(known.categories.joined(separator: ", "))")
        }
        if by != nil {
            let id = try topic.map { try Self.topicID($0, in: known) }
            try printTimeline(try stats.timeline(topicID: id, category: category), out)
        } else {
            let rows: [TopicStatistics.Row]
            if let with {
                rows = try stats.cooccurring(with: try Self.topicID(with, in: known), category: category)
            } else {
                rows = try stats.topics(category: category)
            }
            try printRows(rows, out)
            if rows.isEmpty { throw ExitCode(1) }
        }
        try out.flush()
    }

    /// The one topic `name` means, or an error naming the candidates.
    static func topicID(_ name: String, in lexicon: Lexicon) throws -> String {
        let found = lexicon.topics(named: name)
        guard !found.isEmpty else { throw DossierError(description: "no topic is named \"\(name)\"; list them with `dossier topics`") }
        guard found.count == 1 else {
            throw DossierError(
                description: "\"\(name)\" names several topics (\(found.map(\.id).joined(separator: ", "))); pass one of these ids")
        }
        return found[0].id
    }

    func runCheck(_ out: FileDescriptorSink) throws {
        guard let file = lexicon.file else { return }
        let problems = Lexicon.validate(file: file)
        if problems.isEmpty {
            let checked = try Lexicon(contentsOfFile: file)
            let merged = Lexicon.builtIn.merging(checked)
            let replaced = checked.topics.filter { Lexicon.builtIn.topic(id: $0.id) != nil }.count
            try out.write(
                TerminalText.sanitized(
                    "\(file): ok: \(checked.topics.count) topics in \(checked.categories.count) categories"
                        + " (\(replaced) replacing built-in topics; \(merged.topics.count) in all)\n"))
            try out.flush()
            return
        }
        for problem in problems { Console.text("\(problem)\n") }
        throw ExitCode(2)
    }

    func printRows(_ rows: [TopicStatistics.Row], _ out: FileDescriptorSink) throws {
        switch format {
        case .json:
            try out.write("[")
            for (i, row) in rows.enumerated() {
                var object = JSONObject()
                object.add("id", row.id)
                object.add("label", row.label)
                object.add("category", row.category)
                object.add("passages", number: String(row.passages))
                object.add("articles", number: String(row.articles))
                try out.write((i == 0 ? "\n" : ",\n") + object.text)
            }
            try out.write(rows.isEmpty ? "]\n" : "\n]\n")
        case .csv:
            try out.write(bytes: DelimitedCells.line(["id", "label", "category", "passages", "articles"], style: .csv, neutralize: false))
            for row in rows {
                // id, label and category are text from the lexicon: neutralised like search and export cells.
                try out.write(
                    bytes: DelimitedCells.line(
                        [row.id, row.label, row.category, String(row.passages), String(row.articles)], style: .csv,
                        neutralize: [true, true, true, false, false]))
            }
        case .text:
            let header = ["TOPIC", "LABEL", "CATEGORY", "PASSAGES", "ARTICLES"]
            let cells = rows.map {
                [
                    TerminalText.sanitized($0.id), TerminalText.sanitized($0.label), TerminalText.sanitized($0.category),
                    Figures.grouped($0.passages),
                    Figures.grouped($0.articles),
                ]
            }
            try out.write(Self.table([header] + cells, rightAligned: [3, 4]))
        }
    }

    func printTimeline(_ timeline: TopicStatistics.Timeline, _ out: FileDescriptorSink) throws {
        switch format {
        case .json:
            var months: [String] = []
            for month in timeline.months {
                var object = JSONObject()
                object.add("month", month.month)
                object.add("articles", number: String(month.articles))
                object.add("passages", number: String(month.passages))
                months.append(object.text)
            }
            var object = JSONObject()
            object.add("months", raw: "[" + months.joined(separator: ",") + "]")
            object.add("undated_articles", number: String(timeline.undatedArticles))
            object.add("undated_passages", number: String(timeline.undatedPassages))
            try out.write(object.text + "\n")
        case .csv:
            try out.write(bytes: DelimitedCells.line(["month", "articles", "passages"], style: .csv, neutralize: false))
            for month in timeline.months {
                try out.write(
                    bytes: DelimitedCells.line(
                        [month.month, String(month.articles), String(month.passages)], style: .csv, neutralize: [true, false, false]))
            }
            // Undated articles last, with an empty month, so that the rows add up to the total.
            try out.write(
                bytes: DelimitedCells.line(
                    ["", String(timeline.undatedArticles), String(timeline.undatedPassages)], style: .csv, neutralize: false))
        case .text:
            let widest = timeline.months.map(\.articles).max() ?? 0
            let bars = Console.stdoutIsTerminal
            var rows: [[String]] = [["MONTH", "ARTICLES", "PASSAGES"] + (bars ? [""] : [])]
            for month in timeline.months {
                var row = [TerminalText.sanitized(month.month), Figures.grouped(month.articles), Figures.grouped(month.passages)]
                if bars { row.append(Self.bar(month.articles, of: widest, width: 40)) }
                rows.append(row)
            }
            try out.write(Self.table(rows, rightAligned: [1, 2]))
            try out.write("undated articles: \(Figures.grouped(timeline.undatedArticles))\n")
        }
    }

    /// A bar of `value` out of `maximum` in `width` cells, with eighth blocks for the remainder.
    static func bar(_ value: Int, of maximum: Int, width: Int) -> String {
        guard maximum > 0, value > 0 else { return "" }
        let eighths = max(1, value * width * 8 / maximum)
        let partial = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"][eighths % 8]
        return String(repeating: "█", count: eighths / 8) + partial
    }

    /// Rows as aligned columns separated by two spaces.
    static func table(_ rows: [[String]], rightAligned: Set<Int>) -> String {
        var widths: [Int] = []
        for row in rows {
            for (i, cell) in row.enumerated() {
                if i >= widths.count { widths.append(0) }
                widths[i] = max(widths[i], cell.count)
            }
        }
        var out = ""
        for row in rows {
            var line = ""
            for (i, cell) in row.enumerated() {
                let pad = String(repeating: " ", count: widths[i] - cell.count)
                let last = i == row.count - 1
                line += (i == 0 ? "" : "  ") + (rightAligned.contains(i) ? pad + cell : cell + (last ? "" : pad))
            }
            while line.hasSuffix(" ") { line.removeLast() }
            out += line + "\n"
        }
        return out
    }
}
