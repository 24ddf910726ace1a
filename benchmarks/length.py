"""Cost of one analysis against the article's length: time per KB at 8, 32 and 128 KB.

Usage::

    python benchmarks/length.py                   # 8/32/128 KB, best of 3 runs each
    python benchmarks/length.py --sizes 8,16,32,64,128 --repeat 1 --json

The texts are synthetic dense conflict reports written by ``dense_report`` below (many
places, armed groups, quoted officials and relayed claims per paragraph; nothing is taken
from a real article). Each size is analyzed by the full default pipeline, parse included,
in one process after a warm-up; the figure is wall-clock seconds per 1,000 characters, the
best of ``--repeat`` runs (the machine may be shared: the load average is printed too).
Analysis is linear in length when the 128 KB figure is at most 1.5x the 8 KB one.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time

PLACES = (
    "Aleppo", "Idlib", "Homs", "Hama", "Raqqa", "Latakia", "Kharkiv", "Kherson", "Zaporizhzhia",
    "Odesa", "Mykolaiv", "Khartoum", "Omdurman", "El Fasher", "Nyala", "Mogadishu", "Kismayo",
    "Baidoa", "Gao", "Timbuktu", "Mopti", "Maiduguri", "Kaduna", "Aden", "Taiz", "Marib", "Hodeidah",
    "Goma", "Bunia", "Beni", "Mandalay", "Sittwe", "Kabul", "Kandahar", "Mosul", "Kirkuk", "Tripoli",
    "Benghazi", "Misrata", "Sirte", "Juba", "Malakal", "Ouagadougou", "Djibo", "Niamey", "Tillaberi",
)  # fmt: skip
ARMED = (
    "government forces", "rebel fighters", "the army", "militants", "an armed group",
    "paramilitary units", "insurgents", "security forces", "unidentified gunmen", "the air force",
)  # fmt: skip
GROUPS = (
    "the Rapid Support Forces", "Islamic State", "al-Shabaab", "the Popular Mobilisation Forces",
    "Hayat Tahrir al-Sham", "the Houthis", "the M23 movement", "the Arakan Army", "the Taliban",
)  # fmt: skip
PEOPLE = (
    "Karim Haddad", "Olena Marchenko", "Amadou Diallo", "Fatima Yusuf", "Tomas Ruiz", "Leila Nasser",
    "Ibrahim Sow", "Anna Kovalenko", "Hassan Omar", "Grace Mwangi", "Daniel Okoro", "Mira Petrova",
)  # fmt: skip
BODIES = (
    "the defence ministry", "the interior ministry", "the regional governor's office",
    "the United Nations", "the Red Cross", "a local monitoring group", "the health ministry",
    "the general staff", "the police",
)  # fmt: skip
OUTLETS = ("Reuters", "AFP", "the Associated Press", "Al Jazeera", "the BBC", "Anadolu Agency")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
ROLES = ("a spokesman for", "a commander of", "a senior official in", "an adviser to")

TEMPLATES = (
    "{armed} shelled {p1} on {day}, killing {n} civilians, {body} said.",
    "{P_armed} and {group} clashed near {p1}, {k} km north of {p2}, and at least {n} fighters died.",
    '"We will not withdraw from {p1}," {person}, {role} {group}, told {outlet}.',
    "According to {body}, a drone struck a market in {p1} early on {day}, wounding {n} people.",
    "{group} denied the claims, saying its forces had pulled back from {p1} and {p2}.",
    "Residents of {p1} said {armed} had arrested {n} men in the {p2} district, a witness told {outlet}.",
    "Hundreds of protesters gathered in {p1} on {day} to demand the release of detainees held in {p2}.",
    '"The attack on {p1} was a massacre," {person} said, adding that {n} homes were destroyed.',
    "Airstrikes hit {p1}, {p2} and {p3} overnight, {outlet} reported, citing {body}.",
    "{body} said {n} people had fled {p1} for {p2} since {day}.",
    "{person} told reporters in {p1} that {group} controlled the road to {p2}.",
    "{P_armed} recaptured {p1} after heavy fighting, {outlet} said, quoting {body}.",
)


def dense_report(chars: int, seed: int = 0) -> str:
    """A synthetic dense conflict report of at least ``chars`` characters (deterministic)."""
    rng = random.Random(seed)
    parts = [f"{rng.choice(PLACES).upper()}, March {rng.randint(1, 28)} ({rng.choice(OUTLETS[:2])}) - "]
    size = len(parts[0])
    in_paragraph = 0
    while size < chars:
        armed = rng.choice(ARMED)
        p1, p2, p3 = rng.sample(PLACES, 3)
        sentence = rng.choice(TEMPLATES).format(
            armed=armed, P_armed=armed[0].upper() + armed[1:], group=rng.choice(GROUPS),
            person=rng.choice(PEOPLE), body=rng.choice(BODIES), outlet=rng.choice(OUTLETS),
            role=rng.choice(ROLES), day=rng.choice(DAYS), p1=p1, p2=p2, p3=p3,
            n=rng.randint(2, 90), k=rng.randint(3, 60),
        )  # fmt: skip
        sentence = sentence[0].upper() + sentence[1:]
        in_paragraph += 1
        sep = "\n" if in_paragraph >= rng.randint(2, 4) else " "
        if sep == "\n":
            in_paragraph = 0
        parts.append(sentence + sep)
        size += len(sentence) + 1
    return "".join(parts).rstrip() + "\n"


def time_analysis(pipeline, text: str, repeat: int) -> float:
    """Best wall-clock seconds of ``repeat`` full analyses of ``text``."""
    from eventwire.models import Article

    best = float("inf")
    for _ in range(repeat):
        article = Article(id="bench", text=text, language="en", published="2024-03-10")
        t0 = time.perf_counter()
        pipeline.analyze(article)
        best = min(best, time.perf_counter() - t0)
    return best


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="8,32,128", help="sizes in KB (1 KB = 1,000 chars)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per size; the best is kept")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]

    from eventwire.pipeline import Pipeline

    pipeline = Pipeline().initialize()
    time_analysis(pipeline, dense_report(4000, seed=99), 1)  # warm-up: first-call costs
    load_before = os.getloadavg()
    rows = []
    for kb in sizes:
        text = dense_report(kb * 1000, seed=kb)
        seconds = time_analysis(pipeline, text, args.repeat)
        rows.append({"kb": kb, "chars": len(text), "seconds": round(seconds, 3),
                     "s_per_kb": round(seconds / (len(text) / 1000), 4)})  # fmt: skip
    figures = {
        "sizes": rows,
        "ratio_last_over_first": round(rows[-1]["s_per_kb"] / rows[0]["s_per_kb"], 2),
        "repeat": args.repeat,
        "load_average_before": [round(x, 2) for x in load_before],
        "load_average_after": [round(x, 2) for x in os.getloadavg()],
    }
    if args.json:
        print(json.dumps(figures))
    else:
        for r in rows:
            print(f"{r['kb']:>4} KB  {r['chars']:>7,} chars  {r['seconds']:7.2f} s  {r['s_per_kb']:.4f} s/KB")
        ratio = figures["ratio_last_over_first"]
        print(f"ratio {rows[-1]['kb']} KB / {rows[0]['kb']} KB per KB: {ratio:.2f}x")
        print(f"best of {args.repeat}; load average {figures['load_average_before']} -> "
              f"{figures['load_average_after']}")  # fmt: skip
    return figures


if __name__ == "__main__":
    main(sys.argv[1:])
