#!/usr/bin/env python3
"""Compare Lunaria's status.json with langref's `status --format json` on a Starlight site.

Usage: lunaria_compare.py SITE LUNARIA_STATUS_JSON LANGREF_JSON

Prints the agreement table per (page, language), then every disagreement grouped by
reason. Reasons are found from the data and from git (run inside the clone):
  ext-differs       the translation exists with another extension (.md vs .mdx): Starlight
                    pairs by slug, Lunaria's `@lang/@path` pattern by file name.
  ignored-commits   every English commit after langref's baseline has one of Lunaria's
                    ignoreKeywords in its subject: Lunaria skips them, langref does not yet.
  copy-only         the only changes langref leaves open are copies (state copy): verbatim
                    material (code, a link, a path) changed in English and the translation
                    still holds the old; each copy is printed with the translation's line.
  date-order        the translation's last (non-ignored) commit is newer than the English
                    page's, though English changes since the translation's baseline were
                    never brought over: Lunaria compares dates, langref compares content.
  front-matter      Lunaria outdated, langref current, and the English body is the same as
                    at the translation's last commit, white space aside: only the front matter
                    changed (langref compares bodies).
  minor-drift       langref found the English changes since the baseline minor (links,
                    code, formatting: "drift": "minor"); Lunaria counts any commit.
  other             none of the above.
"""
import json, re, subprocess, sys, collections

site, lun_path, lr_path = sys.argv[1:4]
cfg = json.load(open(f"{site}/lunaria.config.json"))
keywords = cfg.get("ignoreKeywords", ["lunaria-ignore", "fix typo"])
ignore = re.compile("(" + "|".join(keywords) + ")", re.I)  # as Lunaria 0.1.1 builds it

def rel(p):
    return p.split("src/content/docs/", 1)[1]

lr = {(rel(x["source_path"]), x["lang"]): x for x in json.load(open(lr_path))["pages"]}
lun = {}
for e in json.load(open(lun_path)):
    for lang, l in e["localizations"].items():
        lun[(rel(e["sharedPath"]), lang)] = l

def lstate(l):
    return "missing" if l["isMissing"] else ("outdated" if l.get("isOutdated") else "current")

def rstate(x):
    return {"translated": "current", "stale": "outdated"}.get(x["state"], x["state"])

def subjects(rev_range, path):
    out = subprocess.run(["git", "-C", site, "log", "--format=%H %s", rev_range, "--", path],
                         capture_output=True, text=True, check=True).stdout
    return [line.split(" ", 1) for line in out.splitlines() if line]

def body(rev, path):
    out = subprocess.run(["git", "-C", site, "show", f"{rev}:./{path}"], capture_output=True, text=True)
    t = out.stdout
    if t.startswith("---\n") and "\n---\n" in t[4:]:
        t = t[4:].split("\n---\n", 1)[1]
    return " ".join(t.split()) if out.returncode == 0 else None

def line(path, n):
    try:
        return open(f"{site}/{path}").read().split("\n")[n - 1].strip()
    except (OSError, IndexError):
        return ""

def reason(k, l, x):
    ls, rs = lstate(l), rstate(x)
    if ls == "missing" and x.get("path") and not x["path"].endswith(k[0]):
        return "ext-differs", x["path"]
    if ls == "current" and rs == "outdated" and x.get("baseline"):
        src = x["source_path"].split("docs/", 1)[1]
        commits = subjects(x["baseline"] + "..HEAD", src)
        kept = [c for c in commits if not ignore.search(c[1])]
        if commits and not kept:
            return "ignored-commits", "; ".join(c[0][:9] + " " + c[1] for c in commits[:3])
        open_changes = [c for c in x.get("changes", []) if c.get("state") in ("new", "outdated")]
        copies = [c for c in x.get("changes", []) if c.get("state") == "copy"]
        if copies and not open_changes:
            states = collections.Counter(c.get("state") for c in x["changes"])
            tr = x["path"].split("docs/", 1)[1]
            lines = "; ".join(f"English {c.get('source_line')} {c['text'][:60]!r} / translation {c.get('translation_line')} "
                              f"{line(tr, c['translation_line'])[:60]!r}" for c in copies if c.get("translation_line"))
            return "copy-only", f"change states {dict(states)}; baseline {x['baseline'][:9]}; {lines}"
        return "date-order", (f"{len(kept)} unignored English commits since baseline "
                              f"{x['baseline'][:9]}, e.g. {kept[0][0][:9]} {kept[0][1]}; "
                              f"translation's last commit {l['git']['lastMajorCommitHash'][:9]} "
                              f"{l['git']['lastMajorChange'][:10]} {l['git']['lastMajorCommitMessage']}")
    if ls == "outdated" and rs == "current":
        src = x["source_path"].split("docs/", 1)[1]
        last = l["git"]["lastMajorCommitHash"]
        if body(last, src) is not None and body(last, src) == body("HEAD", src):
            return "front-matter", (f"English body unchanged (white space aside) since the translation's last "
                                    f"commit {last[:9]}; front matter changed")
    if ls == "outdated" and rs == "current" and x.get("drift") == "minor":
        return "minor-drift", f"{x.get('english_commits_since')} English commits since {x['baseline'][:9]}, drift minor"
    return "other", json.dumps({k2: v for k2, v in x.items() if k2 != "changes"})

pairs = collections.Counter()
groups = collections.defaultdict(list)
for k in sorted(lr):
    l, x = lun[k], lr[k]
    pairs[(lstate(l), rstate(x))] += 1
    if lstate(l) != rstate(x):
        r, why = reason(k, l, x)
        groups[(r, lstate(l), rstate(x))].append((k, why))

missing = set(lun) ^ set(lr)
print(f"pairs: {len(lr)} (page, language); only in one tool: {len(missing)}")
print("lunaria -> langref counts:")
for (a, b), n in sorted(pairs.items()):
    print(f"  {a:9} {b:9} {n}")
total = sum(len(v) for v in groups.values())
print(f"disagreements: {total}")
for (r, a, b), items in sorted(groups.items(), key=lambda g: -len(g[1])):
    print(f"\n## {r}: Lunaria {a}, langref {b} ({len(items)})")
    for (page, lang), why in items:
        print(f"  {lang:6} {page}: {why}")
