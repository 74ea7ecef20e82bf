#!/usr/bin/env python3
"""Writes samples.tsv (lang<TAB>kind<TAB>text) for Scripts/measure-languages: our sentences one by one and
in articles of six, English from the shared corpus, Bulgarian from its bgwiki pages."""
import glob, os, random, re, sys
random.seed(18)
fix = sys.argv[1]; corpus = sys.argv[2]
out = open("samples.tsv", "w")
def emit(lang, kind, text):
    text = re.sub(r"\s+", " ", text).strip()
    if text: out.write(f"{lang}\t{kind}\t{text}\n")
def sentences(text):
    return [s for s in re.split(r"(?<=[.!?])\s+", re.sub(r"\s+", " ", text)) if 50 <= len(s) <= 300]
for path in sorted(glob.glob(f"{fix}/*.txt")):
    lang = os.path.basename(path)[:2]
    lines = [l.strip() for l in open(path) if l.strip()]
    for l in lines: emit(lang, "short", l)
    # "articles": five of six sentences each, and the whole file
    for i in range(0, len(lines), 6): emit(lang, "article", " ".join(lines[i:i+6]))
    emit(lang, "article", " ".join(lines))
# English: sentences and whole articles from the shared corpus (abc-news and enwiki text)
en = sorted(glob.glob(f"{corpus}/abc-news/*.txt")) + sorted(glob.glob(f"{corpus}/enwiki/*.txt"))
random.shuffle(en)
shorts = []
for p in en[:80]:
    t = open(p, errors="replace").read()
    emit("en", "article", t[:20000])
    shorts += sentences(t)
for s in random.sample(shorts, min(200, len(shorts))): emit("en", "short", s)
# Bulgarian: real text from bgwiki; sentences, and 3 KB pieces as articles
bg = []
for p in sorted(glob.glob(f"{corpus}/bgwiki/*.txt")):
    raw = open(p, "rb").read(); t = raw.decode("utf-16") if raw[:2] in (b"\xff\xfe", b"\xfe\xff") else raw.decode("utf-8", "replace")
    bg += sentences(t)
    for i in range(0, min(len(t), 60000), 3000): emit("bg", "article", t[i:i+3000])
cyr = [s for s in bg if len(re.findall("[а-яА-Я]", s)) > len(s) // 2]
for s in random.sample(cyr, min(100, len(cyr))): emit("bg", "short", s)
