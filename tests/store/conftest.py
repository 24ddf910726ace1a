"""Every store test runs twice: on a SQLite file and on a real PostgreSQL server started for the session."""

from tests.pg import pg_server, pg_url, store_url  # noqa: F401 - fixtures
