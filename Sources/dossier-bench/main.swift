import DossierSearch
// In-process search latency for Scripts/bench: top-10 passages with snippets, per query.
//
//   dossier-bench DB QUERIES_FILE [REPS] [--exact]
//
// By default queries are expanded through the index's topic lexicon, as `dossier search` does;
// with --exact they are plain FTS5 queries, as `dossier search --exact` (and the reference) runs them.
//
// Prints one line per query (p50/p95 ms, hits) and a pooled summary that leaves out the query
// "the" (reported on its own line, as in ../shared/bench/anchors).
import Foundation

#if canImport(Glibc)
import Glibc
#endif

func complain(_ message: String) -> Never {
    var bytes = Array((message + "\n").utf8)
    _ = bytes.withUnsafeMutableBytes { write(2, $0.baseAddress!, $0.count) }
    exit(2)
}

func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) * 1000 + Double(ts.tv_nsec) / 1e6
}

func cpuNow() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) * 1000 + Double(ts.tv_nsec) / 1e6
}

func percentile(_ samples: [Double], _ p: Double) -> Double {
    let sorted = samples.sorted()
    let index = max(0, Int((p / 100 * Double(sorted.count)).rounded(.up)) - 1)
    return sorted[min(index, sorted.count - 1)]
}

let args = CommandLine.arguments
guard args.count >= 3 else {
    complain("usage: dossier-bench DB QUERIES_FILE [REPS]")
}
let reps = args.count > 3 ? Int(args[3]) ?? 20 : 20
let exact = args.contains("--exact")
let queries = (try? String(contentsOfFile: args[2], encoding: .utf8))?.split(separator: "\n").map(String.init).filter { !$0.isEmpty } ?? []
/// Milliseconds with three decimals.
func milliseconds(_ value: Double) -> String {
    let scaled = Int((value * 1000).rounded())
    let fraction = String(scaled % 1000)
    return String(scaled / 1000) + "." + String(repeating: "0", count: 3 - fraction.count) + fraction
}

do {
    let searcher = try Searcher(path: args[1])
    if let weight = ProcessInfo.processInfo.environment["DOSSIER_TITLE_WEIGHT"].flatMap(Double.init) {
        searcher.ranking.titleWeight = weight  // for measuring the ranking's cost, not for use
    }
    var pooled: [Double] = []
    var cpuPooled: [Double] = []
    for text in queries {
        let query = try QueryParser().parse(text)
        var times: [Double] = []
        var cpu: [Double] = []
        var shown = 0
        for rep in 0..<(reps + 2) {
            let start = now()
            let cpuStart = cpuNow()
            shown = try searcher.search(SearchRequest(query: query, limit: 10, expand: !exact)) { _ in true }
            if rep >= 2 {
                times.append(now() - start)
                cpu.append(cpuNow() - cpuStart)
            }
        }
        if text != "the" {
            pooled += times
            cpuPooled += cpu
        }
        print(
            "query\t\(text)\tp50_ms=\(milliseconds(percentile(times, 50)))\tp95_ms=\(milliseconds(percentile(times, 95)))\tcpu_p50_ms=\(milliseconds(percentile(cpu, 50)))\tshown=\(shown)"
        )
    }
    print(
        "summary\tqueries=\(queries.filter { $0 != "the" }.count)\treps=\(reps)\tp50_ms=\(milliseconds(percentile(pooled, 50)))\tp95_ms=\(milliseconds(percentile(pooled, 95)))\tcpu_p50_ms=\(milliseconds(percentile(cpuPooled, 50)))\tcpu_p95_ms=\(milliseconds(percentile(cpuPooled, 95)))\texcludes=the"
    )
} catch {
    complain("dossier-bench: \(error)")
}
