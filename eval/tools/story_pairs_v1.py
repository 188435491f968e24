#!/usr/bin/env python3
"""Builds the machine-drawn parts of eval/story-pairs-v1.tsv (eval/LABELLING.md, "Story pairs").

Reads ../shared/eval/news/agnews_test_sample5000.jsonl in place and prints pair lines to stdout.
It never looks at the project's StoryHasher: candidates are found with difflib character ratios
and shared rare words, edits are drawn with a seeded generator, and every label is a reader's.

usage: story_pairs_v1.py SHARED_JSONL NATURAL_VERDICTS TOPIC_VERDICTS > pairs.tsv
  NATURAL_VERDICTS: lines "<a> <b> <S|E|D> [note]", the reader's verdicts on the candidates read
  TOPIC_VERDICTS: lines "<a> <b> E", the drawn same-topic pairs the reader found to report one event
  (a and b are the numbers N of agnews-test-N)
"""
import collections, difflib, hashlib, itertools, json, random, re, sys

SALT = "story-pairs-v1"
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
by_id = {r["id"]: r for r in rows}


def clean(s):
    s = s.replace("\\", " ")
    s = re.sub(r"[& ]?#(\d+);", " ", s)
    s = re.sub(r"[& ]?(quot|amp|lt|gt);", " ", s)
    s = re.sub(r"<[^>]*>", " ", s)
    return re.sub(r"\s+", " ", s).strip()


def h(*parts):
    return hashlib.sha256((SALT + ":" + "|".join(parts)).encode("utf-8")).hexdigest()


def num(i):
    return int(i.rsplit("-", 1)[1])


text = {r["id"]: clean(r["title"]) + " " + clean(r["description"]) for r in rows}
words = {i: set(re.findall(r"[a-z0-9]+", t.lower())) for i, t in text.items()}
df = collections.Counter(w for s in words.values() for w in s)

# 1. candidates for natural near-duplicates: pairs sharing >= 3 rare words (df <= 30) whose
#    whole-text, title or description character ratio (difflib) is high
inv = collections.defaultdict(list)
for i, s in words.items():
    for w in s:
        if df[w] <= 30:
            inv[w].append(i)
shared = collections.Counter()
for w, ids in inv.items():
    for a, b in itertools.combinations(sorted(ids, key=num), 2):
        shared[(a, b)] += 1
candidates = set()
for (a, b), c in shared.items():
    if c < 3:
        continue
    ra = difflib.SequenceMatcher(None, text[a].lower(), text[b].lower(), autojunk=False).ratio()
    rt = difflib.SequenceMatcher(None, clean(by_id[a]["title"]).lower(), clean(by_id[b]["title"]).lower()).ratio()
    rd = difflib.SequenceMatcher(None, clean(by_id[a]["description"]).lower(),
                                 clean(by_id[b]["description"]).lower(), autojunk=False).ratio()
    if ra >= 0.45 or rt >= 0.7 or rd >= 0.55:
        candidates.add((a, b))
print(f"# {len(candidates)} candidate pairs", file=sys.stderr)

out = []
natural_ids = set()
LABEL = {"S": "SAME", "E": "EVENT", "D": "DIFFERENT"}
for line in open(sys.argv[2], encoding="utf-8"):
    f = line.split(maxsplit=3)
    a, b = sorted(("agnews-test-" + f[0], "agnews-test-" + f[1]), key=num)
    assert (a, b) in candidates, (a, b)
    kind = {"S": "natural", "E": "natural", "D": "natural"}[f[2]]
    out.append((kind, a, b, LABEL[f[2]], "-", f[3].strip() if len(f) > 3 else ""))
    natural_ids.update((a, b))

# boilerplate pairs: candidates whose descriptions share feed markup (lost HTML of links, font
# tags, ads), different stories by their headlines; a seeded sample of 60 is kept
BP = re.compile(r"A HREF|FONT face|ADVERTISEMENT")
judged = {(o[1], o[2]) for o in out}
bp = sorted((p for p in candidates if p not in judged
             and BP.search(by_id[p[0]]["description"]) and BP.search(by_id[p[1]]["description"])),
            key=lambda p: h("bp", *p))[:60]
for a, b in sorted(bp, key=lambda p: (num(p[0]), num(p[1]))):
    out.append(("natural-boilerplate", a, b, "DIFFERENT", "-", "feed markup shared; headlines name different stories"))

# 2. hard negatives: same AG class, >= 3 shared salient words (length >= 4, df 2..30), not a
#    candidate above; 75 per class in seeded order, each item used once
STOP = set("that with from this have will were said been their they which after about would more "
           "than also into over when what some could there other first year years last says week".split())
topic_events = set()
for line in open(sys.argv[3], encoding="utf-8"):
    f = line.split()
    topic_events.add(tuple(sorted(("agnews-test-" + f[0], "agnews-test-" + f[1]), key=num)))
hard = []
for cls in sorted({r["label_name"] for r in rows}):
    ids = [r["id"] for r in rows if r["label_name"] == cls]
    sal = {i: {w for w in words[i] if len(w) >= 4 and 2 <= df[w] <= 30 and w not in STOP} for i in ids}
    pairs = []
    for a, b in itertools.combinations(sorted(ids, key=num), 2):
        if (a, b) in candidates:
            continue
        if len(sal[a] & sal[b]) >= 3:
            pairs.append((h("hard", a, b), a, b))
    pairs.sort()
    used, n = set(), 0
    for _, a, b in pairs:
        if a in used or b in used or a in natural_ids or b in natural_ids:
            continue
        used.update((a, b))
        label = "EVENT" if (a, b) in topic_events else "DIFFERENT"
        hard.append(("topic", a, b, label, "-", ""))
        n += 1
        if n == 75:
            break
assert topic_events <= {(o[1], o[2]) for o in hard}, topic_events - {(o[1], o[2]) for o in hard}
out.extend(hard)
hard_ids = {x for o in hard for x in o[1:3]}

# 3. edited copies: 360 items (none used above) with a description of >= 15 words, in seeded
#    order; each gets a seeded recipe of 2 to 5 syndication edits (eval/LABELLING.md)
eligible = sorted((r["id"] for r in rows if r["id"] not in natural_ids and r["id"] not in hard_ids
                   and len(clean(r["description"]).split()) >= 15), key=lambda i: h("edit", i))[:360]
for i in sorted(eligible, key=num):
    rng = random.Random(int(h("recipe", i), 16))
    ops = ["head=" + rng.choice(["shorten", "swap", "update", "lead"])]
    if rng.random() < 0.7:
        ops.append("outlet=" + rng.choice(["ap", "reuters", "strip", "afp"]))
    if rng.random() < 0.5:
        ops.append("lead=drop")
    if rng.random() < 0.5:
        ops.append("tail=" + str(rng.randint(1, 5)))
    if rng.random() < 0.6:
        ops.append("subst=" + str(rng.randint(1, 4)))
    if rng.random() < 0.4:
        ops.append("numbers=restyle")
    if len(ops) == 1:
        ops.append("tail=" + str(rng.randint(1, 5)))
    out.append(("edited", i, i, "SAME", ";".join(ops), ""))

for n, (kind, a, b, label, recipe, note) in enumerate(out, 1):
    print(f"p{n:04d}\t{kind}\t{a}\t{b}\t{label}\t{recipe}\t{note}")
