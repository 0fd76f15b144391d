"""Reading a file a user named: a regular file, of bounded size, or one line saying what it is instead.

Every command reads its inputs through ``read_bytes``/``read_text``: a FIFO would block forever, ``/dev/zero``
would fill memory, and a folder or a missing file would end in a traceback. The limit is
``LMSKIT_MAX_INPUT_BYTES`` (512 MiB), read when the file is.
"""

from __future__ import annotations

import stat
from pathlib import Path

from lmskit.settings import current


class UnreadableInput(OSError):
    """Why a named path cannot be read as a file: the message is one line ending with the fix."""


def max_input_bytes() -> int:
    return current().max_input_bytes


def read_bytes(path: Path, what: str = "a file", limit: int | None = None, *, pipes: bool = False) -> bytes:
    """The bytes of ``path``; UnreadableInput for anything but a regular file within the limit. ``pipes``: a FIFO
    (``lmskit validate <(curl …)``) is read too, up to the limit."""
    limit = max_input_bytes() if limit is None else limit
    try:
        found = Path(path).stat()
    except FileNotFoundError:
        raise UnreadableInput(f"no such file; pass the path of {what}") from None
    except OSError as exc:
        raise UnreadableInput(f"cannot read it ({exc.strerror}); check the path and its permissions") from None
    if stat.S_ISDIR(found.st_mode):
        raise UnreadableInput(f"is a folder; pass the path of {what}")
    if not stat.S_ISREG(found.st_mode) and not (pipes and stat.S_ISFIFO(found.st_mode)):
        kind = "a FIFO" if stat.S_ISFIFO(found.st_mode) else "a device or socket"
        raise UnreadableInput(f"is {kind}, not a file; save {what} to a file and pass that")
    if found.st_size > limit:
        raise UnreadableInput(f"is larger than {limit // 2**20} MiB; split it, or raise LMSKIT_MAX_INPUT_BYTES")
    try:
        with Path(path).open("rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise UnreadableInput(f"cannot read it ({exc.strerror}); check its permissions") from None
    if len(data) > limit:
        raise UnreadableInput(f"is larger than {limit // 2**20} MiB; split it, or raise LMSKIT_MAX_INPUT_BYTES")
    return data


def read_text(path: Path, what: str = "a file", limit: int | None = None, *, pipes: bool = False) -> str:
    """``read_bytes`` decoded as UTF-8 (a byte-order mark allowed)."""
    data = read_bytes(path, what, limit, pipes=pipes)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnreadableInput(f"is not UTF-8 text (byte {exc.start}); save it as UTF-8") from None


def check_readable(path: Path, what: str = "a file", *, pipes: bool = False) -> None:
    """For readers that stream: UnreadableInput unless ``path`` is a regular file (or a FIFO, with ``pipes``)."""
    try:
        mode = Path(path).stat().st_mode
    except OSError as exc:
        raise UnreadableInput(f"cannot read it ({exc.strerror}); check the path and its permissions") from None
    if stat.S_ISDIR(mode):
        raise UnreadableInput(f"is a folder; pass the path of {what}")
    if not stat.S_ISREG(mode) and not (pipes and stat.S_ISFIFO(mode)):
        raise UnreadableInput(f"is a device or socket, not a file; save {what} to a file and pass that")


def is_regular_file(path: Path) -> bool:
    try:
        return stat.S_ISREG(Path(path).stat().st_mode)
    except OSError:
        return False
