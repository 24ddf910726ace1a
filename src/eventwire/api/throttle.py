"""Throttled token guessing: per client address, exponential back-off after a few failures."""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class _Record:
    failures: int = 0
    last: float = 0.0
    blocked_until: float = 0.0


class LoginThrottle:
    """After ``free`` wrong tokens from one address it must wait ``base`` seconds before the next
    try, and each further wrong one doubles the wait (at most ``cap``). A right token
    clears the address; an address that stays quiet for ``forget`` seconds starts afresh.
    At most ``max_clients`` addresses are remembered (the stalest are dropped first).

    Behind a reverse proxy every client has the proxy's address: the whole proxy is throttled.
    """

    def __init__(
        self,
        free: int = 5,
        base: float = 1.0,
        cap: float = 300.0,
        forget: float = 900.0,
        max_clients: int = 10_000,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.free, self.base, self.cap, self.forget = free, base, cap, forget
        self.max_clients = max_clients
        self.clock = clock
        self._records: OrderedDict[str, _Record] = OrderedDict()
        self._lock = threading.Lock()

    def retry_after(self, client: str) -> float:
        """Seconds this address must wait before its next try (0 when it may try now)."""
        with self._lock:
            record = self._records.get(client)
            if record is None:
                return 0.0
            now = self.clock()
            if now - record.last > self.forget:
                del self._records[client]
                return 0.0
            return max(0.0, record.blocked_until - now)

    def failed(self, client: str) -> float:
        """Count a wrong token; returns how long the address is now blocked (0 while free)."""
        with self._lock:
            now = self.clock()
            record = self._records.pop(client, None) or _Record()
            if now - record.last > self.forget:
                record = _Record()
            record.failures += 1
            record.last = now
            over = record.failures - self.free  # 0 at the last free try: the next one must wait
            if over >= 0:
                record.blocked_until = now + min(self.cap, self.base * 2**over)
            self._records[client] = record  # most recent last
            while len(self._records) > self.max_clients:
                self._records.popitem(last=False)
            return max(0.0, record.blocked_until - now)

    def succeeded(self, client: str) -> None:
        with self._lock:
            self._records.pop(client, None)
