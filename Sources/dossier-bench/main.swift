// In-process search latency for Scripts/bench: top-10 passages with snippets, per query.
//
//   dossier-bench DB QUERIES_FILE [REPS]
//
// Prints one line per query (p50/p95 ms, hits) and a pooled summary that leaves out the query
// "the" (reported on its own line, as in ../shared/bench/anchors).
import DossierKit
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
let queries = (try? String(contentsOfFile: args[2], encoding: .utf8))?.split(separator: "\n").map(String.init).filter { !$0.isEmpty } ?? []
do {
    let searcher = try Searcher(path: args[1])
    var pooled: [Double] = []
    for text in queries {
        let query = try QueryParser().parse(text)
        var times: [Double] = []
        var shown = 0
        for rep in 0..<(reps + 2) {
            let start = now()
            shown = try searcher.search(query, limit: 10) { _ in true }
            if rep >= 2 { times.append(now() - start) }
        }
        if text != "the" { pooled += times }
        print("query\t\(text)\tp50_ms=\(Figures.decimal(percentile(times, 50), places: 3))\tp95_ms=\(Figures.decimal(percentile(times, 95), places: 3))\tshown=\(shown)")
    }
    print("summary\tqueries=\(queries.filter { $0 != "the" }.count)\treps=\(reps)\tp50_ms=\(Figures.decimal(percentile(pooled, 50), places: 3))\tp95_ms=\(Figures.decimal(percentile(pooled, 95), places: 3))\texcludes=the")
} catch {
    complain("dossier-bench: \(error)")
}
