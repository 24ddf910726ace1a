"""`eventwire serve` start-up policy (no server is started here)."""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

from eventwire.api.security import csp_header, is_loopback
from eventwire.cli.main import cli


@pytest.mark.parametrize(
    ("host", "expected"),
    [("127.0.0.1", True), ("127.0.0.5", True), ("::1", True), ("[::1]", True), ("localhost", True),
     ("0.0.0.0", False), ("192.168.1.10", False), ("::", False), ("example.org", False)],
)  # fmt: skip
def test_is_loopback(host, expected):
    assert is_loopback(host) is expected


def test_serve_refuses_a_public_address_without_a_token(tmp_path, monkeypatch):
    monkeypatch.delenv("EVENTWIRE_TOKEN", raising=False)
    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "x.db"), "--host", "0.0.0.0"])
    assert result.exit_code != 0
    assert "without an API token" in result.output
    assert "EVENTWIRE_TOKEN" in result.output


def test_serve_rejects_a_non_http_tile_url(tmp_path):
    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "x.db"), "--tiles-url", "javascript:x"])
    assert result.exit_code != 0 and "--tiles-url" in result.output


def test_csp_allows_only_the_tile_origin_when_tiles_are_configured():
    assert "tile.example.org" not in csp_header()
    assert "img-src 'self' data: https://tile.example.org" in csp_header("https://tile.example.org")


@pytest.mark.parametrize(
    "token", ["x", " ", "   padded-but-long-enough  ", "aaaaaaaaaaaaaaaaaaaa", "short-but-mixed"]
)
def test_serve_refuses_a_weak_token_on_a_public_address(tmp_path, monkeypatch, token):
    monkeypatch.delenv("EVENTWIRE_TOKEN", raising=False)
    result = CliRunner().invoke(
        cli, ["serve", "--db", str(tmp_path / "x.db"), "--host", "0.0.0.0", "--token", token]
    )
    assert result.exit_code != 0
    assert "refusing this API token" in result.output
    assert "EVENTWIRE_TOKEN=" in result.output  # with a strong example to use instead


def test_a_strong_token_passes_and_a_weak_one_only_warns_on_loopback(capsys):
    from eventwire.cli.serve import _check_token

    _check_token("0.0.0.0", "Zr8-qPw2-LkX7-m4Tn")
    _check_token("127.0.0.1", "abc")  # loopback: a warning, not a refusal
    assert "warning" in capsys.readouterr().err
    with pytest.raises(click.ClickException, match="whitespace"):
        _check_token("127.0.0.1", "two words")  # cannot be sent intact on any address
