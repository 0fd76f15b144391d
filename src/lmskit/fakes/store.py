"""SQLite state for a fake: in memory by default, a WAL file with ``--db PATH``.

One connection guarded by a lock serialises writes, so concurrent requests never lose an update;
SQLite itself is the source of truth, so a restart with the same ``--db`` sees the same state.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from lmskit.errors import StoreError as StoreError

_KIT_TABLES = """
CREATE TABLE IF NOT EXISTS lmskit_meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"""


def _columns(connection: sqlite3.Connection) -> dict[str, set[str]]:
    tables = [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    return {table: {row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')} for table in tables}


def _check_columns(connection: sqlite3.Connection, schema_sql: str, path: Path) -> None:
    """A --db file made by another version of the fake may lack columns this one needs (CREATE TABLE IF NOT
    EXISTS keeps the old table): say so now, not as a failed query on some later request."""
    wanted = sqlite3.connect(":memory:")
    try:
        wanted.executescript(schema_sql)
        expected = _columns(wanted)
    finally:
        wanted.close()
    found = _columns(connection)
    for table, columns in expected.items():
        if table not in found:
            continue  # made below
        missing = sorted(columns - found[table])
        if missing:
            raise StoreError(
                f"{path}: table {table} lacks column(s) {', '.join(missing)}: the file was made by another version"
                " of lmskit; remove it or pass a new --db path"
            )


class Store:
    def __init__(self, schema_sql: str, path: Path | None = None, credential_tables: tuple[str, ...] = ()) -> None:
        self.path = path
        self._schema_sql = schema_sql
        self._lock = threading.RLock()
        # Bumped whenever a row of a credential table changes (SQLite triggers call back into Python): a
        # credential's verdict stays true until it moves. A rolled-back change bumps it too, which only costs
        # one more lookup.
        self.credential_epoch = 0
        self._depth = 0  # transactions open on this connection (the lock makes them this thread's)
        try:
            if path is None:
                self._connection = sqlite3.connect(":memory:", check_same_thread=False, isolation_level=None)
            else:
                try:
                    path.parent.mkdir(parents=True, exist_ok=True)
                except OSError as exc:
                    raise StoreError(
                        f"{path}: cannot make its folder ({exc.strerror}); pass a --db path in a folder you can write"
                    ) from None
                self._connection = sqlite3.connect(path, check_same_thread=False, isolation_level=None, timeout=30)
                self._connection.execute("PRAGMA journal_mode=WAL")
                # With WAL, NORMAL survives a killed process (the OS keeps the writes) and spares an fsync per
                # commit; only a power cut can lose the last transactions, which a fake can afford.
                self._connection.execute("PRAGMA synchronous=NORMAL")
            self._connection.row_factory = sqlite3.Row
            self._connection.execute("PRAGMA foreign_keys=ON")
            if path is not None:
                _check_columns(self._connection, schema_sql, path)
            self._connection.executescript(_KIT_TABLES + schema_sql)
            self._connection.create_function("lmskit_credentials_changed", 0, self._credentials_changed)
            for table in credential_tables:
                for change in ("INSERT", "UPDATE", "DELETE"):
                    self._connection.execute(
                        f'CREATE TEMP TRIGGER IF NOT EXISTS "lmskit_{table}_{change.lower()}" AFTER {change}'
                        f' ON main."{table}" BEGIN SELECT lmskit_credentials_changed(); END'
                    )
        except sqlite3.Error as exc:
            raise StoreError(
                f"{path or ':memory:'}: cannot open the fake's database ({exc}); check the path and its permissions"
            ) from exc

    def transaction(self) -> Transaction:
        """One atomic unit of work; everything inside commits together or not at all:
        ``with store.transaction() as db: db.execute(...)``.

        Nested inside another transaction of this thread it is a savepoint: a seed that fails halfway through
        its own transactions rolls back with the wipe before it (the control API applies seeds all or nothing).
        """
        return Transaction(self)

    def _credentials_changed(self) -> None:
        self.credential_epoch += 1

    def rows(self, sql: str, parameters: Sequence[Any] = ()) -> list[dict[str, Any]]:
        with self._lock:
            # Plain tuples zipped with the column names once: a third cheaper than dict(sqlite3.Row) per row.
            cursor = self._connection.cursor()
            cursor.row_factory = None
            cursor.execute(sql, parameters)
            if cursor.description is None:  # a statement that returns no rows
                return []
            names = [column[0] for column in cursor.description]
            return [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]

    def execute(self, sql: str, parameters: Sequence[Any] = ()) -> int:
        """One writing statement, atomic on its own (outside a transaction SQLite gives it one of its own);
        the number of rows it changed. Inside ``transaction()`` it is part of that transaction."""
        with self._lock:
            return self._connection.execute(sql, parameters).rowcount

    def row(self, sql: str, parameters: Sequence[Any] = ()) -> dict[str, Any] | None:
        found = self.rows(sql, parameters)
        return found[0] if found else None

    def wipe(self) -> None:
        """Delete every vendor row (the kit's own bookkeeping, such as "seeded", stays)."""
        with self.transaction() as db:
            tables = [
                r[0]
                for r in db.execute(
                    "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
                    " AND name NOT LIKE 'lmskit_%'"
                )
            ]
            db.execute("PRAGMA defer_foreign_keys=ON")
            for table in tables:
                db.execute(f'DELETE FROM "{table}"')

    def close(self) -> None:
        with self._lock:
            self._connection.close()


class Transaction:
    """The context manager of ``Store.transaction``, a class rather than a generator: every write request
    opens one, and a generator-based context manager costs as much again as the BEGIN and COMMIT it wraps."""

    __slots__ = ("_commit", "_depth", "_rollback", "_store")

    def __init__(self, store: Store) -> None:
        self._store = store
        self._depth = 0
        self._commit = self._rollback = ""

    def __enter__(self) -> sqlite3.Connection:
        store = self._store
        store._lock.acquire()
        depth = self._depth = store._depth
        if depth == 0:
            begin, self._commit, self._rollback = "BEGIN IMMEDIATE", "COMMIT", "ROLLBACK"
        else:
            begin, self._commit, self._rollback = (
                f"SAVEPOINT lmskit_{depth}",
                f"RELEASE lmskit_{depth}",
                f"ROLLBACK TO lmskit_{depth}",
            )
        try:
            store._connection.execute(begin)
        except BaseException:
            store._lock.release()
            raise
        store._depth = depth + 1
        return store._connection

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: object) -> None:
        store = self._store
        connection = store._connection
        try:
            if kind is not None:
                connection.execute(self._rollback)
                if self._depth:
                    connection.execute(self._commit)  # a savepoint rolled back to is still open
                return
            try:
                connection.execute(self._commit)
            except sqlite3.Error:
                # A deferred foreign key fails at COMMIT, which leaves the transaction open: close it.
                connection.execute(self._rollback)
                if self._depth:
                    connection.execute(self._commit)
                raise
        finally:
            store._depth = self._depth
            store._lock.release()
