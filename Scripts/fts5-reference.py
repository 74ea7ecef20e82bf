#!/usr/bin/env python3
"""The plain SQLite FTS5 load that Dossier is measured against (Scripts/bench).

  fts5-reference.py load DB FOLDER     one table, one transaction: the crash-safe reference of
                                       ../shared/MEASURED.md (text column first, WAL, synchronous=normal,
                                       porter unicode61 remove_diacritics 2, default hashsize)
  fts5-reference.py query DB QUERIES   top-10 bm25 with a snippet, in process: p50/p95 ms

Passages are blank-line-separated blocks of each .txt/.md file, walked in sorted order.
"""
import math, os, re, sqlite3, sys, time

PARA = re.compile(r"\n\s*\n")


def files(root):
    for d, dirs, names in os.walk(root):
        dirs[:] = sorted(x for x in dirs if not x.startswith("."))
        for n in sorted(names):
            if not n.startswith(".") and n.endswith((".txt", ".md")):
                yield os.path.join(d, n)


def load(db, root):
    con = sqlite3.connect(db, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=NORMAL")
    con.execute("CREATE VIRTUAL TABLE fts USING fts5(text, path UNINDEXED, ord UNINDEXED, "
                "tokenize='porter unicode61 remove_diacritics 2')")

    def rows():
        for path in files(root):
            with open(path, "rb") as fh:
                text = fh.read().decode("utf-8", "replace").replace("\r\n", "\n")
            rel = os.path.relpath(path, root)
            for i, para in enumerate(p.strip() for p in PARA.split(text)):
                if para:
                    yield para, rel, i

    t0 = time.perf_counter()
    con.execute("BEGIN")
    con.executemany("INSERT INTO fts(text, path, ord) VALUES (?, ?, ?)", rows())
    con.execute("COMMIT")
    n = con.execute("SELECT count(*) FROM fts").fetchone()[0]
    print(f"reference\tpassages={n}\tseconds={time.perf_counter() - t0:.2f}")


def pct(samples, p):
    s = sorted(samples)
    return s[max(0, math.ceil(p / 100 * len(s)) - 1)]


def query(db, queries_file, reps=20):
    con = sqlite3.connect(db)
    sql = ("SELECT path, ord, snippet(fts, 0, '[', ']', '…', 24) FROM fts "
           "WHERE fts MATCH ? ORDER BY rank LIMIT 10")
    pooled, cpu_pooled = [], []
    for q in [l.strip() for l in open(queries_file, encoding="utf-8") if l.strip()]:
        times, cpu = [], []
        for rep in range(reps + 2):
            t0, c0 = time.perf_counter(), time.thread_time()
            con.execute(sql, (q,)).fetchall()
            if rep >= 2:
                times.append((time.perf_counter() - t0) * 1000)
                cpu.append((time.thread_time() - c0) * 1000)
        if q != "the":
            pooled += times
            cpu_pooled += cpu
        print(f"query\t{q}\tp50_ms={pct(times, 50):.3f}\tp95_ms={pct(times, 95):.3f}\tcpu_p50_ms={pct(cpu, 50):.3f}")
    print(f"summary\tp50_ms={pct(pooled, 50):.3f}\tp95_ms={pct(pooled, 95):.3f}"
          f"\tcpu_p50_ms={pct(cpu_pooled, 50):.3f}\tcpu_p95_ms={pct(cpu_pooled, 95):.3f}\texcludes=the")


if __name__ == "__main__":
    if len(sys.argv) != 4 or sys.argv[1] not in ("load", "query"):
        sys.exit(__doc__)
    (load if sys.argv[1] == "load" else query)(sys.argv[2], sys.argv[3])
