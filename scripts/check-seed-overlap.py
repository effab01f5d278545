#!/usr/bin/env python3
"""Report runs of N or more consecutive words shared between content files and the seed article.

Scratch checker for the example content (stdlib only). Text inside quotation
marks (“…” or "...") is skipped on both sides, so short attributed quotations
are allowed. Words are lowercased; curly apostrophes are normalised; a word is
a run of letters, digits and apostrophes.

Usage: scripts/check-seed-overlap.py [--seed PATH] [--n 8] [PATH ...]
Exit status: 0 when nothing overlaps, 1 when any run is found.
"""
import argparse
import os
import re
import sys

DEFAULT_SEED = "/work/shared/seed/000_cfe309468d5a9128.txt"
HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_PATHS = [os.path.join(HERE, "..", "content"), os.path.join(HERE, "..", "dossier.yml")]

WORD = re.compile(r"[a-z0-9']+")
QUOTED = re.compile(r"“[^”]*”|\"[^\"\n]*\"")


def words(text):
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    text = QUOTED.sub(" \u0000 ", text)  # a quotation breaks a run
    out = []
    for chunk in text.lower().split("\u0000"):
        out.append([w.strip("'") for w in WORD.findall(chunk) if w.strip("'")])
    return out


def shingles(segments, n):
    result = {}
    for seg in segments:
        for i in range(len(seg) - n + 1):
            result.setdefault(tuple(seg[i:i + n]), i)
    return result


def runs(segments, seed_set, n):
    """Merge consecutive overlapping shingles into maximal runs."""
    found = []
    for seg in segments:
        i = 0
        while i <= len(seg) - n:
            if tuple(seg[i:i + n]) in seed_set:
                j = i
                while j + 1 <= len(seg) - n and tuple(seg[j + 1:j + 1 + n]) in seed_set:
                    j += 1
                found.append(" ".join(seg[i:j + n]))
                i = j + n
            else:
                i += 1
    return found


def files(paths):
    for p in paths:
        if os.path.isdir(p):
            for root, _, names in os.walk(p):
                for name in sorted(names):
                    if name.endswith((".md", ".yml", ".yaml")):
                        yield os.path.join(root, name)
        elif os.path.exists(p):
            yield p


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", default=DEFAULT_SEED)
    ap.add_argument("--n", type=int, default=8)
    ap.add_argument("paths", nargs="*")
    args = ap.parse_args()
    with open(args.seed, encoding="utf-8") as f:
        seed_set = set(shingles(words(f.read()), args.n))
    bad = 0
    checked = 0
    for path in sorted(set(files(args.paths or DEFAULT_PATHS))):
        checked += 1
        with open(path, encoding="utf-8") as f:
            for run in runs(words(f.read()), seed_set, args.n):
                bad += 1
                print(f"{os.path.relpath(path)}: {run}")
    print(f"checked {checked} file(s); {bad} overlapping run(s) of {args.n}+ words", file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
