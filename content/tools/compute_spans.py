#!/usr/bin/env python3
"""Authoring helper for ClaimDeck decks (format_version 1). Standard library only.

Spans are [begin, end) offsets in BYTES of the UTF-8 article file, so a curly
quote or a dash counts 3 and a no-break space counts 2. Never count by hand:
write the quote, then let this script find it.

    python3 content/tools/compute_spans.py content/decks/panjshir-2021.json
        Report, for every quote, whether its span is right and where the quote
        really is. Changes nothing.

    python3 content/tools/compute_spans.py --write content/decks/panjshir-2021.json
        Recompute every span from its quote and rewrite the deck file.
        With --normalize, a quote that matches the article except for spaces
        (no-break vs ordinary) or straight vs curly quotation marks is replaced
        by the article's exact bytes first.

    python3 content/tools/compute_spans.py --check content/decks/panjshir-2021.json
        Verify that every quote equals the article bytes at its span, plus the
        other rules of FORMAT.md (ids, topics, verdicts, techniques, evidence).
        Prints every problem and exits 1 if there is any. Add --summary for a
        table of claims per article, verdict and topic.

The app's own check is `claimdeck-cli validate path/to/deck.json`; this script
is for writing decks and should agree with it.
"""

import argparse
import json
import os
import re
import sys
from collections import Counter, OrderedDict

TECHNIQUES = [
    "Loaded Language",
    "Name Calling, Labeling",
    "Repetition",
    "Exaggeration, Minimisation",
    "Doubt",
    "Appeal to fear-prejudice",
    "Flag-Waving",
    "Causal Oversimplification",
    "Slogans",
    "Appeal to Authority",
    "Black-and-White Fallacy",
    "Thought-terminating Cliches",
    "Whataboutism",
    "Reductio ad Hitlerum",
    "Red Herring",
    "Bandwagon",
    "Obfuscation, Intentional Vagueness, Confusion",
    "Straw Men",
]
VERDICTS = ["verified", "contested", "propaganda"]
STANCES = ["corroborates", "contradicts", "qualifies"]
ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
FILE_RE = re.compile(r"^[A-Za-z0-9_.-]+$")
MIN_SHARE = 0.25  # every verdict should hold at least this share of the claims
MAX_SHARE = 0.45  # ...and at most this share, so that pressing one button never pays


# ---------------------------------------------------------------- reading


def load_deck(path):
    with open(path, "rb") as f:
        raw = f.read()
    return json.loads(raw.decode("utf-8"), object_pairs_hook=OrderedDict)


def articles_folder(deck_path):
    """content/decks/x.json -> content/articles/"""
    deck_dir = os.path.dirname(os.path.abspath(deck_path))
    return os.path.join(os.path.dirname(deck_dir), "articles")


def load_articles(deck, deck_path, problems):
    texts = {}
    folder = articles_folder(deck_path)
    for art in deck.get("articles", []):
        aid, name = art.get("id", ""), art.get("file", "")
        if not isinstance(name, str) or not FILE_RE.match(name) or name.startswith("."):
            problems.append(f"article {aid!r}, field 'file': {name!r} must be a bare file name (letters, digits, . _ -)")
            continue
        path = os.path.join(folder, name)
        try:
            with open(path, "rb") as f:
                data = f.read()
            data.decode("utf-8")
        except OSError as e:
            problems.append(f"article {aid!r}, field 'file': cannot read {path}: {e.strerror}")
            continue
        except UnicodeDecodeError:
            problems.append(f"article {aid!r}, field 'file': {path} is not UTF-8")
            continue
        texts[aid] = data
    return texts


# ---------------------------------------------------------------- finding quotes


def occurrences(haystack, needle):
    out, start = [], 0
    while needle:
        i = haystack.find(needle, start)
        if i < 0:
            break
        out.append(i)
        start = i + 1
    return out


def loose_pattern(quote):
    """A regex matching quote with any run of spaces/no-break spaces and either
    straight or curly quotation marks/apostrophes."""
    parts = []
    for ch in quote:
        if ch in " \u00a0":
            parts.append(None)
        elif ch in "'\u2018\u2019":
            parts.append("['\u2018\u2019]")
        elif ch in '"\u201c\u201d':
            parts.append('["\u201c\u201d]')
        elif ch in "-\u2013\u2014":
            parts.append("[-\u2013\u2014]")
        else:
            parts.append(re.escape(ch))
    rx, prev_space = "", False
    for p in parts:
        if p is None:
            if not prev_space:
                rx += "[ \u00a0]+"
            prev_space = True
        else:
            rx += p
            prev_space = False
    return re.compile(rx)


def locate(text_bytes, quote, old_span, normalize):
    """Returns (span, exact_quote, note) or (None, None, error)."""
    qb = quote.encode("utf-8")
    hits = occurrences(text_bytes, qb)
    if not hits and normalize:
        text = text_bytes.decode("utf-8")
        m = list(loose_pattern(quote).finditer(text))
        if len(m) == 1:
            exact = m[0].group(0)
            begin = len(text[: m[0].start()].encode("utf-8"))
            return [begin, begin + len(exact.encode("utf-8"))], exact, "quote normalised to the article's bytes"
        if len(m) > 1:
            return None, None, f"quote matches {len(m)} places loosely; make it longer"
    if not hits:
        return None, None, "quote not found in the article word for word"
    if len(hits) == 1:
        return [hits[0], hits[0] + len(qb)], quote, None
    if old_span and old_span[0] in hits:
        return [old_span[0], old_span[0] + len(qb)], quote, None
    return [hits[0], hits[0] + len(qb)], quote, f"quote occurs {len(hits)} times; took the first (make it longer to be sure)"


def quote_items(deck):
    """Yields (place, holder_dict, article_id) for every quote in the deck."""
    for c in deck.get("claims", []):
        cid = c.get("id", "?")
        yield f"claim {cid!r}, field 'quote'", c, c.get("article")
        for i, e in enumerate(c.get("evidence", [])):
            yield f"claim {cid!r}, field 'evidence[{i}]'", e, e.get("article")


# ---------------------------------------------------------------- writing


def _esc(s):
    out = json.dumps(s, ensure_ascii=False)
    # Keep invisible characters visible to whoever edits the file.
    for ch in ["\u00a0", "\u200b", "\u200c", "\u200d", "\u2028", "\u2029", "\ufeff"]:
        out = out.replace(ch, "\\u%04x" % ord(ch))
    return out


def dumps(value, indent=0):
    pad, inner = "  " * indent, "  " * (indent + 1)
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = [f"{inner}{_esc(k)}: {dumps(v, indent + 1)}" for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    if isinstance(value, list):
        if not value:
            return "[]"
        if all(not isinstance(v, (dict, list)) for v in value):
            flat = "[" + ", ".join(dumps(v) for v in value) + "]"
            if len(flat) + len(inner) <= 120 or all(isinstance(v, (int, float)) for v in value):
                return flat
        items = [inner + dumps(v, indent + 1) for v in value]
        return "[\n" + ",\n".join(items) + "\n" + pad + "]"
    if isinstance(value, str):
        return _esc(value)
    return json.dumps(value)


def write_deck(deck, path):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(dumps(deck) + "\n")


# ---------------------------------------------------------------- checking


def count_sentences(text):
    return len([s for s in re.split(r"(?<=[.!?])[\"'\u201d\u2019)]*\s+(?=[A-Z\u2018\u201c'\"(])", text.strip()) if s])


def check(deck, texts, problems, warnings):
    def need(obj, key, typ, place, optional=False):
        if key not in obj:
            if not optional:
                problems.append(f"{place}, field {key!r}: is missing")
            return False
        ok = isinstance(obj[key], typ) and not (typ is int and isinstance(obj[key], bool))
        if not ok:
            problems.append(f"{place}, field {key!r}: has the wrong type")
        return ok

    if deck.get("format_version") != 1:
        problems.append("field 'format_version': must be 1")
    for key, typ in [("id", str), ("version", int), ("title", str), ("description", str), ("language", str)]:
        need(deck, key, typ, "deck", optional=key in ("description", "language"))
    if isinstance(deck.get("id"), str) and not ID_RE.match(deck["id"]):
        problems.append("deck, field 'id': use lower-case kebab-case")

    art_ids = [a.get("id") for a in deck.get("articles", [])]
    for a in deck.get("articles", []):
        place = f"article {a.get('id')!r}"
        for key in ("id", "file", "title"):
            need(a, key, str, place)
        for key in ("byline", "provenance"):
            need(a, key, str, place, optional=True)
        aid = a.get("id")
        if aid in texts and isinstance(a.get("title"), str):
            first_line = texts[aid].decode("utf-8").split("\n", 1)[0]
            if a["title"] != first_line:
                problems.append(f"{place}, field 'title': differs from the first line of {a.get('file')}")
    topic_ids = [t.get("id") for t in deck.get("topics", [])]
    claim_ids = [c.get("id") for c in deck.get("claims", [])]
    for kind, ids in (("article", art_ids), ("topic", topic_ids), ("claim", claim_ids)):
        for i, n in Counter(ids).items():
            if n > 1:
                problems.append(f"{kind} {i!r}: the id is used twice")
        for i in ids:
            if not isinstance(i, str) or not ID_RE.match(i):
                problems.append(f"{kind} {i!r}: ids must be lower-case kebab-case")
    for t in deck.get("topics", []):
        need(t, "title", str, f"topic {t.get('id')!r}")
    used_topics = {c.get("topic") for c in deck.get("claims", [])}
    for t in topic_ids:
        if t not in used_topics:
            warnings.append(f"topic {t!r}: declared but no claim uses it")

    for c in deck.get("claims", []):
        cid = c.get("id", "?")
        place = f"claim {cid!r}"
        for key, typ in [("id", str), ("article", str), ("text", str), ("quote", str), ("span", list),
                         ("topic", str), ("verdict", str), ("rationale", str), ("evidence", list)]:
            need(c, key, typ, place)
        need(c, "techniques", list, place, optional=True)
        if "known_now" in c and (not isinstance(c["known_now"], str) or not c["known_now"].strip()):
            problems.append(f"{place}, field 'known_now': omit it rather than leave it empty")
        if c.get("article") not in art_ids:
            problems.append(f"{place}, field 'article': {c.get('article')!r} is not an article of this deck")
        if c.get("topic") not in topic_ids:
            problems.append(f"{place}, field 'topic': {c.get('topic')!r} is not declared in 'topics'")
        if c.get("verdict") not in VERDICTS:
            problems.append(f"{place}, field 'verdict': {c.get('verdict')!r} is not one of {', '.join(VERDICTS)}")
        techs = c.get("techniques", [])
        if c.get("verdict") == "propaganda" and not techs:
            problems.append(f"{place}, field 'techniques': a propaganda claim needs at least one technique")
        for t in techs:
            if t.get("name") not in TECHNIQUES:
                problems.append(f"{place}, field 'techniques': {t.get('name')!r} is not one of the 18 techniques")
            words = t.get("words")
            if not isinstance(words, list) or not words:
                problems.append(f"{place}, field 'techniques': {t.get('name')!r} needs a non-empty 'words' list")
                continue
            for w in words:
                if not isinstance(w, str) or not w or w not in c.get("quote", ""):
                    problems.append(f"{place}, field 'techniques': the words {w!r} of {t.get('name')!r} are not in the quote")
        seen_ev = set()
        for i, e in enumerate(c.get("evidence", [])):
            ep = f"{place}, field 'evidence[{i}]'"
            for key, typ in [("article", str), ("quote", str), ("span", list), ("stance", str)]:
                need(e, key, typ, ep)
            if e.get("article") == c.get("article"):
                problems.append(f"{ep}: cites the claim's own article")
            elif e.get("article") not in art_ids:
                problems.append(f"{ep}: {e.get('article')!r} is not an article of this deck")
            if e.get("stance") not in STANCES:
                problems.append(f"{ep}: stance {e.get('stance')!r} is not one of {', '.join(STANCES)}")
            if e.get("article") in seen_ev:
                warnings.append(f"{ep}: a second entry for {e.get('article')!r} (one per article is the house style)")
            seen_ev.add(e.get("article"))
        r = c.get("rationale", "")
        if isinstance(r, str):
            if not r.strip():
                problems.append(f"{place}, field 'rationale': is empty")
            elif not 2 <= count_sentences(r) <= 4:
                warnings.append(f"{place}, field 'rationale': {count_sentences(r)} sentences (house style: 2-4)")

    for place, holder, aid in quote_items(deck):
        if aid not in texts:
            continue
        quote, span = holder.get("quote"), holder.get("span")
        if not isinstance(quote, str) or not quote:
            problems.append(f"{place}: the quote is empty")
            continue
        if not (isinstance(span, list) and len(span) == 2 and all(isinstance(x, int) and not isinstance(x, bool) for x in span)
                and 0 <= span[0] <= span[1]):
            problems.append(f"{place}: span must be [begin, end] with 0 <= begin <= end")
            continue
        data = texts[aid]
        if span[1] > len(data):
            problems.append(f"{place}: span {span} runs past the end of the article ({len(data)} bytes)")
            continue
        if data[span[0]:span[1]] != quote.encode("utf-8"):
            hits = occurrences(data, quote.encode("utf-8"))
            hint = f"the quote is at [{hits[0]}, {hits[0] + len(quote.encode('utf-8'))}]" if hits else "the quote is not in the article word for word"
            problems.append(f"{place}: the quote does not match the article at span {span}; {hint}")


def summary(deck):
    claims = deck.get("claims", [])
    n = len(claims)
    lines = []
    arts = [a["id"] for a in deck.get("articles", [])]
    lines.append(f"{'article':32} {'claims':>6} {'verif':>6} {'cont':>6} {'prop':>6}")
    for a in arts:
        cs = [c for c in claims if c.get("article") == a]
        v = Counter(c.get("verdict") for c in cs)
        lines.append(f"{a:32} {len(cs):6} {v['verified']:6} {v['contested']:6} {v['propaganda']:6}")
    v = Counter(c.get("verdict") for c in claims)
    lines.append(f"{'TOTAL':32} {n:6} {v['verified']:6} {v['contested']:6} {v['propaganda']:6}")
    if n:
        lines.append("share: " + ", ".join(f"{k} {100.0 * v[k] / n:.1f}%" for k in VERDICTS))
    lines.append("")
    lines.append(f"{'topic':26} {'claims':>6} {'verif':>6} {'cont':>6} {'prop':>6} {'articles':>8}")
    for t in deck.get("topics", []):
        cs = [c for c in claims if c.get("topic") == t["id"]]
        tv = Counter(c.get("verdict") for c in cs)
        na = len({c.get("article") for c in cs})
        lines.append(f"{t['id']:26} {len(cs):6} {tv['verified']:6} {tv['contested']:6} {tv['propaganda']:6} {na:8}")
    ev = sum(len(c.get("evidence", [])) for c in claims)
    no_ev = sum(1 for c in claims if not c.get("evidence"))
    kn = sum(1 for c in claims if c.get("known_now"))
    te = sum(1 for c in claims if c.get("techniques"))
    lines.append("")
    lines.append(f"evidence entries {ev}; claims without evidence {no_ev}; with known_now {kn}; with techniques {te}")
    return "\n".join(lines)


def balance_problems(deck, min_per_article, min_claims):
    out = []
    claims = deck.get("claims", [])
    n = len(claims)
    if n < min_claims:
        out.append(f"deck: {n} claims, fewer than {min_claims}")
    v = Counter(c.get("verdict") for c in claims)
    for k in VERDICTS:
        if n and v[k] / n < MIN_SHARE:
            out.append(f"deck: verdict {k!r} holds {100.0 * v[k] / n:.1f}% of claims, under {100 * MIN_SHARE:.0f}%")
        if n and v[k] / n > MAX_SHARE:
            out.append(f"deck: verdict {k!r} holds {100.0 * v[k] / n:.1f}% of claims, over {100 * MAX_SHARE:.0f}%")
    for a in deck.get("articles", []):
        k = sum(1 for c in claims if c.get("article") == a.get("id"))
        if k < min_per_article:
            out.append(f"article {a.get('id')!r}: {k} claims, fewer than {min_per_article}")
    return out


# ---------------------------------------------------------------- main


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("deck", nargs="?", default=os.path.join(os.path.dirname(__file__), "..", "decks", "panjshir-2021.json"))
    mode = ap.add_mutually_exclusive_group()
    mode.add_argument("--write", action="store_true", help="recompute every span and rewrite the deck")
    mode.add_argument("--check", action="store_true", help="verify spans and rules; exit 1 on any problem")
    ap.add_argument("--normalize", action="store_true", help="with --write: fix quotes that differ only in spaces or quote marks")
    ap.add_argument("--summary", action="store_true", help="print claims per article, verdict and topic")
    ap.add_argument("--balance", action="store_true",
                    help="with --check: also require >= 48 claims, >= 7 per article, every verdict 25-45%%")
    args = ap.parse_args(argv)

    problems, warnings = [], []
    try:
        deck = load_deck(args.deck)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        print(f"{args.deck}: cannot be read as JSON: {e}", file=sys.stderr)
        return 1
    texts = load_articles(deck, args.deck, problems)

    if args.check:
        check(deck, texts, problems, warnings)
        if args.balance:
            problems.extend(balance_problems(deck, 7, 48))
        for w in warnings:
            print(f"{args.deck}: warning: {w}", file=sys.stderr)
        for p in problems:
            print(f"{args.deck}: {p}", file=sys.stderr)
        if args.summary:
            print(summary(deck))
        if problems:
            print(f"{len(problems)} problem(s) in {args.deck}", file=sys.stderr)
            return 1
        print(f"{args.deck}: OK ({len(deck.get('claims', []))} claims, every quote matches its span)")
        return 0

    changed = 0
    for place, holder, aid in quote_items(deck):
        if aid not in texts:
            problems.append(f"{place}: article {aid!r} is not loaded")
            continue
        quote = holder.get("quote", "")
        span, exact, note = locate(texts[aid], quote, holder.get("span"), args.normalize and args.write)
        if span is None:
            problems.append(f"{place}: {note}")
            continue
        if note:
            warnings.append(f"{place}: {note}")
        if holder.get("span") != span or exact != quote:
            changed += 1
            if args.write:
                holder["quote"] = exact
                holder["span"] = span
            else:
                print(f"{place}: span {holder.get('span')} should be {span}")
    for w in warnings:
        print(f"warning: {w}", file=sys.stderr)
    for p in problems:
        print(f"{args.deck}: {p}", file=sys.stderr)
    if args.write and not problems:
        # Rebuild in a stable order of keys.
        write_deck(deck, args.deck)
        print(f"{args.deck}: {changed} span(s) updated")
    elif args.write:
        print(f"{args.deck}: not written; fix the quotes above first", file=sys.stderr)
    else:
        print(f"{changed} span(s) differ from their quotes")
    if args.summary:
        print(summary(deck))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
