"""The per-project key of the pseudonyms: the same learner gets the same pseudonym in every capture of a project,
and nobody without the key can tell who it was.

``LMSKIT_REDACT_SALT`` when set (CI: a repository secret); otherwise ``.lmskit/redact-salt`` at the project root,
made on first use beside a ``.gitignore`` of ``*``, so the key never lands in the repository.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping
from pathlib import Path

from lmskit.errors import UsageError

SALT_FILE = Path(".lmskit") / "redact-salt"


def project_root(start: Path | None = None) -> Path:
    """The folder holding lmskit.toml, pyproject.toml or .git above ``start``; ``start`` itself otherwise."""
    folder = (start or Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        if any((candidate / marker).exists() for marker in ("lmskit.toml", "pyproject.toml", ".git")):
            return candidate
    return folder


def project_salt(root: Path | None = None, environ: Mapping[str, str] | None = None) -> bytes:
    environ = os.environ if environ is None else environ
    given = environ.get("LMSKIT_REDACT_SALT")
    if given:
        if len(given) < 16:
            raise UsageError("LMSKIT_REDACT_SALT is shorter than 16 characters; use e.g. `openssl rand -hex 32`")
        return given.encode()
    path = project_root(root) / SALT_FILE
    try:
        if path.is_file():
            return path.read_text(encoding="utf-8").strip().encode()
        path.parent.mkdir(parents=True, exist_ok=True)
        ignore = path.parent / ".gitignore"
        if not ignore.exists():
            ignore.write_text("# lmskit's redaction key: never commit it.\n*\n", encoding="utf-8")
        value = secrets.token_hex(32)
        path.write_text(value + "\n", encoding="utf-8")
        path.chmod(0o600)
        return value.encode()
    except OSError as exc:
        raise UsageError(
            f"{path}: cannot read or make the redaction key ({exc.strerror}); set LMSKIT_REDACT_SALT instead"
        ) from None
