"""SQLite state for a fake: in memory by default, a WAL file with ``--db PATH``.

One connection guarded by a lock serialises writes, so concurrent requests never lose an update;
SQLite itself is the source of truth, so a restart with the same ``--db`` sees the same state.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from lmskit.errors import LmskitError

_KIT_TABLES = """
CREATE TABLE IF NOT EXISTS lmskit_requests (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    method TEXT NOT NULL,
    path TEXT NOT NULL,
    status INTEGER NOT NULL,
    duration_ms REAL NOT NULL,
    at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS lmskit_meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"""


class StoreError(LmskitError):
    """The fake's SQLite file cannot be opened or its tables created."""


class Store:
    def __init__(self, schema_sql: str, path: Path | None = None) -> None:
        self.path = path
        self._schema_sql = schema_sql
        self._lock = threading.RLock()
        try:
            if path is None:
                self._connection = sqlite3.connect(":memory:", check_same_thread=False, isolation_level=None)
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                self._connection = sqlite3.connect(path, check_same_thread=False, isolation_level=None, timeout=30)
                self._connection.execute("PRAGMA journal_mode=WAL")
            self._connection.row_factory = sqlite3.Row
            self._connection.execute("PRAGMA foreign_keys=ON")
            self._connection.executescript(_KIT_TABLES + schema_sql)
        except sqlite3.Error as exc:
            raise StoreError(
                f"{path or ':memory:'}: cannot open the fake's database ({exc}); check the path and its permissions"
            ) from exc

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic unit of work; everything inside commits together or not at all."""
        with self._lock:
            self._connection.execute("BEGIN IMMEDIATE")
            try:
                yield self._connection
            except BaseException:
                self._connection.execute("ROLLBACK")
                raise
            self._connection.execute("COMMIT")

    def rows(self, sql: str, parameters: Sequence[Any] = ()) -> list[dict[str, Any]]:
        with self._lock:
            return [dict(row) for row in self._connection.execute(sql, parameters).fetchall()]

    def row(self, sql: str, parameters: Sequence[Any] = ()) -> dict[str, Any] | None:
        found = self.rows(sql, parameters)
        return found[0] if found else None

    def wipe(self) -> None:
        """Delete every vendor row (the request log stays: it records what clients did)."""
        with self.transaction() as db:
            tables = [
                r[0]
                for r in db.execute("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")
            ]
            db.execute("PRAGMA defer_foreign_keys=ON")
            for table in tables:
                if table != "lmskit_requests":
                    db.execute(f'DELETE FROM "{table}"')

    def log_request(self, method: str, path: str, status: int, duration_ms: float, at: str) -> None:
        with self.transaction() as db:
            db.execute(
                "INSERT INTO lmskit_requests (method, path, status, duration_ms, at) VALUES (?, ?, ?, ?, ?)",
                (method, path, status, duration_ms, at),
            )

    def close(self) -> None:
        with self._lock:
            self._connection.close()
