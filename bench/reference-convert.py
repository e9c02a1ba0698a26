#!/usr/bin/env python3
"""
Baseline for `npm run bench`: a re-implementation of the reference system's JSONL -> Markdown
converter (written for this bench, not fetched), so arxiv-digest's render can be timed against
the reference's own language on the same machine, in the same run.

Usage:
  CATEGORIES=cs.CV,cs.CL python3 bench/reference-convert.py --data DAY_AI_enhanced_X.jsonl --out OUT.md
  ... --repeat N   time N in-process conversions; prints the timings as JSON on stdout

Only the standard library is used, so the baseline runs on any python3 without setup.
"""
import argparse
import json
import math
import os
import statistics
import sys
import time

# The reference's paper template, kept verbatim: the output must match its digests byte for byte.
TEMPLATE = """### [{idx}] [{title}]({url})
*{authors}*

Main category: {cate}

TL;DR: {tldr}


<details>
  <summary>Details</summary>
Motivation: {motivation}

Method: {method}

Result: {result}

Conclusion: {conclusion}

Abstract: {summary}

</details>
"""


def load(path):
    with open(path, "r", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def convert(data, preference):
    def rank(cate):
        return preference.index(cate) if cate in preference else len(preference)

    # sorted() first, then a stable sort by rank: preferred categories in the given order, the
    # rest alphabetically (the reference sorts a set, whose order Python does not define).
    categories = sorted(sorted({item["categories"][0] for item in data}), key=rank)
    count = {cate: 0 for cate in categories}
    for item in data:
        count[item["categories"][0]] += 1

    parts = ["<div id=toc></div>\n\n# Table of Contents\n\n"]
    for cate in categories:
        parts.append(f"- [{cate}](#{cate}) [Total: {count[cate]}]\n")

    idx = 0
    for cate in categories:
        parts.append(f"\n\n<div id='{cate}'></div>\n\n# {cate} [[Back]](#toc)\n\n")
        entries = []
        for item in data:
            if item["categories"][0] != cate:
                continue
            idx += 1
            ai = item["AI"]
            entries.append(
                TEMPLATE.format(
                    idx=idx,
                    title=item["title"],
                    url=item["abs"],
                    authors=",".join(item["authors"]),
                    cate=cate,
                    tldr=ai["tldr"].strip(),
                    motivation=ai["motivation"],
                    method=ai["method"],
                    result=ai["result"],
                    conclusion=ai["conclusion"],
                    summary=item["summary"],
                )
            )
        parts.append("\n\n".join(entries))
    return "".join(parts)


def percentile(sorted_ms, p):
    # Nearest rank, the same definition bench/stats.ts uses, so the two sides compare like for like.
    return sorted_ms[max(0, math.ceil(p / 100 * len(sorted_ms)) - 1)]


def main():
    ap = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    ap.add_argument("--data", required=True, help="enhanced JSONL file")
    ap.add_argument("--out", required=True, help="Markdown file to write")
    ap.add_argument("--repeat", type=int, default=0, help="time N in-process conversions, print JSON")
    ap.add_argument("--warmup", type=int, default=5, help="untimed conversions before --repeat")
    args = ap.parse_args()
    preference = [c.strip() for c in os.environ.get("CATEGORIES", "cs.CV, cs.CL").split(",") if c.strip()]

    if args.repeat <= 0:
        markdown = convert(load(args.data), preference)
    else:
        # Two figures mirror the TypeScript side: load+convert (like loadDay+renderMarkdown, the
        # input read each time) and convert alone (like renderMarkdown on an already-loaded day).
        for _ in range(args.warmup):
            convert(load(args.data), preference)
        total, only = [], []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            data = load(args.data)
            t1 = time.perf_counter()
            markdown = convert(data, preference)
            t2 = time.perf_counter()
            total.append((t2 - t0) * 1000)
            only.append((t2 - t1) * 1000)
        total.sort()
        only.sort()
        json.dump(
            {
                "repeat": args.repeat,
                "median_ms": statistics.median(total),
                "p95_ms": percentile(total, 95),
                "convert_median_ms": statistics.median(only),
                "convert_p95_ms": percentile(only, 95),
                "python": sys.version.split()[0],
            },
            sys.stdout,
        )
        sys.stdout.write("\n")

    with open(args.out, "w", encoding="utf-8", newline="") as f:
        f.write(markdown)


if __name__ == "__main__":
    main()
