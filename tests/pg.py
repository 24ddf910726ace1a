"""A throwaway PostgreSQL server for tests: initdb into a temp folder, listen on 127.0.0.1, tear down.

Uses Debian's postgresql binaries (``/usr/lib/postgresql/<version>/bin``) or whatever
``initdb`` is on PATH. PostgreSQL refuses to run as root, so as root the server runs as
the ``postgres`` system user (created by the Debian package) through ``runuser``.
Tests skip when the binaries are missing, except under CI (``CI=true``), where a missing
server is a failure: .ci/install-postgres.sh installs it.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

import pytest


def find_bindir() -> Path | None:
    candidates = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[-3].split(".")[0])
    )
    if candidates:
        return Path(candidates[-1]).parent
    found = shutil.which("initdb")
    return Path(found).parent if found else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PostgresServer:
    """One server for the test session; ``new_database()`` gives each test its own database."""

    def __init__(self, bindir: Path):
        self.bindir = bindir
        self.tmp = Path(tempfile.mkdtemp(prefix="eventwire-pg-"))
        self.data = self.tmp / "data"
        self.port = _free_port()
        self.run_as: str | None = None
        if os.geteuid() == 0:
            self.run_as = "postgres"
            try:
                user = pwd.getpwnam(self.run_as)
            except KeyError as exc:
                raise RuntimeError(
                    "running as root needs the 'postgres' system user (Debian's package)"
                ) from exc
            os.chown(self.tmp, user.pw_uid, user.pw_gid)

    def _cmd(self, *args: str) -> list[str]:
        prefix = ["runuser", "-u", self.run_as, "--"] if self.run_as else []
        return [*prefix, *args]

    def start(self) -> None:
        # C collation: ORDER BY on text sorts byte-wise, as SQLite does
        subprocess.run(
            self._cmd(str(self.bindir / "initdb"), "-D", str(self.data), "-A", "trust", "-U", "eventwire",
                      "-E", "UTF8", "--locale=C.UTF-8"),
            check=True, capture_output=True,
        )  # fmt: skip
        # fsync off: a test server's data need not survive a power cut, and it is much faster
        options = " ".join(
            [
                "-c listen_addresses=127.0.0.1",
                f"-p {self.port}",
                f"-c unix_socket_directories={self.tmp}",
                "-c fsync=off",
            ]
        )
        subprocess.run(
            self._cmd(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-l", str(self.tmp / "log"), "-w",
                      "-o", options, "start"),
            check=True, capture_output=True,
        )  # fmt: skip

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://eventwire@127.0.0.1:{self.port}/{database}"

    def _admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(sql)

    def new_database(self) -> str:
        name = "t_" + uuid.uuid4().hex[:12]
        self._admin(f"CREATE DATABASE {name}")
        return name

    def drop_database(self, name: str) -> None:
        self._admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def stop(self) -> None:
        subprocess.run(
            self._cmd(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop"),
            capture_output=True,
        )
        shutil.rmtree(self.tmp, ignore_errors=True)


def start_server_or_skip() -> PostgresServer:
    bindir = find_bindir()
    if bindir is None:
        if os.environ.get("CI") == "true":
            pytest.fail("PostgreSQL binaries missing in CI: run .ci/install-postgres.sh")
        pytest.skip("PostgreSQL binaries (initdb, pg_ctl) not installed")
    try:
        import psycopg  # noqa: F401
    except ImportError:
        if os.environ.get("CI") == "true":
            pytest.fail("psycopg missing in CI")
        pytest.skip("psycopg not installed")
    server = PostgresServer(bindir)
    try:
        server.start()
    except (subprocess.CalledProcessError, RuntimeError) as exc:
        log = server.tmp / "log"
        detail = log.read_text() if log.exists() else getattr(exc, "stderr", b"")
        server.stop()
        pytest.fail(f"could not start PostgreSQL: {exc}\n{detail!s}")
    return server


# Fixtures: a conftest imports these names (``from tests.pg import pg_server, pg_url, store_url``).
@pytest.fixture(scope="session")
def pg_server():
    server = start_server_or_skip()
    yield server
    server.stop()


@pytest.fixture
def pg_url(pg_server):
    """A fresh, empty PostgreSQL database for one test."""
    name = pg_server.new_database()
    yield pg_server.url(name)
    pg_server.drop_database(name)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store_url(request, tmp_path):
    """A database URL for a fresh store: a SQLite file path, or a new PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "s.db")
    return request.getfixturevalue("pg_url")
