"""Average-link grouping of a batch of new articles, with the existing stories held fixed.

Each new article starts alone; existing stories are clusters that may grow but never
merge with each other (a placed article is not moved by a later batch). The two clusters
with the highest *average* pair score (``scoring.pair_score``; a pair that candidate
retrieval did not propose counts 0) merge, while that average reaches ``min_score``.
Average link asks a newcomer to fit the story as a whole, not one chance member, which
keeps two similar happenings (two earthquakes, two title fights) apart. On a rebuild the
batch is the corpus, so this is plain average-link clustering over the candidate graph.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable


class Agglomeration:
    """Clusters over ids; ``link`` sums of pair scores between clusters; ``fixed`` = existing stories."""

    def __init__(self) -> None:
        self.members: dict[str, list[str]] = {}
        self.fixed: set[str] = set()
        self.links: dict[str, dict[str, float]] = {}
        self.cluster_of: dict[str, str] = {}

    def add_cluster(self, cid: str, members: Iterable[str], *, fixed: bool) -> None:
        self.members[cid] = list(members)
        for m in self.members[cid]:
            self.cluster_of[m] = cid
        self.links.setdefault(cid, {})
        if fixed:
            self.fixed.add(cid)

    def add_pair(self, a: str, b: str, score: float) -> None:
        ca, cb = self.cluster_of[a], self.cluster_of[b]
        if ca == cb or score <= 0:
            return
        self.links[ca][cb] = self.links[ca].get(cb, 0.0) + score
        self.links[cb][ca] = self.links[cb].get(ca, 0.0) + score

    def _average(self, x: str, y: str) -> float:
        return self.links[x].get(y, 0.0) / (len(self.members[x]) * len(self.members[y]))

    def run(self, threshold: float) -> dict[str, float]:
        """Merge while the best average link reaches ``threshold``; returns cluster -> its join score."""
        heap: list[tuple[float, str, str]] = []
        for x, ys in self.links.items():
            for y in ys:
                if x < y and not (x in self.fixed and y in self.fixed):
                    heapq.heappush(heap, (-self._average(x, y), x, y))
        joined: dict[str, float] = {}
        while heap:
            neg, x, y = heapq.heappop(heap)
            if x not in self.members or y not in self.members:
                continue
            score = self._average(x, y)
            if abs(score + neg) > 1e-12:  # stale entry: sizes or links changed since
                heapq.heappush(heap, (-score, x, y))
                continue
            if score < threshold:
                break
            keep, gone = (y, x) if y in self.fixed else (x, y)
            joined[keep] = max(joined.get(keep, 0.0), score)
            self._merge(keep, gone)
            for z in self.links[keep]:
                if not (keep in self.fixed and z in self.fixed):
                    a, b = sorted((keep, z))
                    heapq.heappush(heap, (-self._average(a, b), a, b))
        return joined

    def _merge(self, keep: str, gone: str) -> None:
        for m in self.members[gone]:
            self.cluster_of[m] = keep
        self.members[keep].extend(self.members.pop(gone))
        for z, value in self.links.pop(gone).items():
            self.links[z].pop(gone, None)
            if z == keep:
                continue
            self.links[keep][z] = self.links[keep].get(z, 0.0) + value
            self.links[z][keep] = self.links[z].get(keep, 0.0) + value
