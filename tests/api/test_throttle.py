"""Token guessing is throttled per client address: 429 with Retry-After after a few failures."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from eventwire.api import create_app
from eventwire.api.throttle import LoginThrottle

TOKEN = "k3-Wq9-zP4x-Lm2v"


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_backoff_doubles_after_the_free_tries_and_a_success_clears_it():
    clock = Clock()
    throttle = LoginThrottle(free=3, base=1.0, cap=8.0, clock=clock)
    assert [throttle.failed("a") for _ in range(3)] == [0.0, 0.0, 1.0]
    assert throttle.retry_after("a") == 1.0
    clock.now += 1.0
    assert throttle.retry_after("a") == 0.0
    assert [throttle.failed("a") for _ in range(4)] == [2.0, 4.0, 8.0, 8.0]  # capped
    assert throttle.retry_after("b") == 0.0  # another address is not affected
    throttle.succeeded("a")
    assert throttle.retry_after("a") == 0.0 and throttle.failed("a") == 0.0


def test_a_quiet_address_is_forgotten_and_the_table_is_bounded():
    clock = Clock()
    throttle = LoginThrottle(free=1, forget=60, max_clients=3, clock=clock)
    assert throttle.failed("a") > 0
    clock.now += 61
    assert throttle.retry_after("a") == 0.0
    for name in "bcdef":
        throttle.failed(name)
    assert len(throttle._records) == 3


@pytest.fixture
def guarded(sample_db, pipeline):
    app = create_app(sample_db, token=TOKEN, pipeline=pipeline)
    app.state.settings.throttle.clock = clock = Clock()
    return app, clock


def test_wrong_api_tokens_are_throttled_per_address(guarded):
    app, clock = guarded
    attacker = TestClient(app, client=("203.0.113.9", 4000))
    wrong = {"Authorization": "Bearer guess"}
    assert [attacker.get("/events", headers=wrong).status_code for _ in range(5)] == [401] * 5
    r = attacker.get("/events", headers=wrong)
    assert r.status_code == 429
    assert int(r.headers["retry-after"]) >= 1 and "try again" in r.json()["detail"]
    assert "content-security-policy" in r.headers
    # while blocked even the right token is refused (no guessing oracle), but not for others
    right = {"Authorization": f"Bearer {TOKEN}"}
    assert attacker.get("/events", headers=right).status_code == 429
    assert TestClient(app, client=("198.51.100.7", 4000)).get("/events", headers=right).status_code == 200
    # requests without any token are not guesses and are not counted
    assert attacker.get("/healthz").status_code == 200
    clock.now += 2
    assert attacker.get("/events", headers=right).status_code == 200  # and it clears the address
    assert attacker.get("/events", headers=wrong).status_code == 401


def test_the_login_form_is_throttled_too(guarded):
    app, clock = guarded
    browser = TestClient(app, client=("203.0.113.10", 4000))
    assert [browser.post("/ui/login", data={"token": "nope"}).status_code for _ in range(5)] == [401] * 5
    blocked = browser.post("/ui/login", data={"token": TOKEN}, follow_redirects=False)
    assert blocked.status_code == 429 and "retry-after" in blocked.headers
    clock.now += 2
    assert browser.post("/ui/login", data={"token": TOKEN}, follow_redirects=False).status_code == 303
