"""Turning command-line words into spec files: a vendor name or a path."""

from __future__ import annotations

from pathlib import Path

from lmskit.errors import UsageError
from lmskit.vendors import VENDORS, get_vendor


def spec_paths(words: list[str] | None) -> list[Path]:
    """``["absorb", "my/copy.yaml"]`` → the absorb spec and ``my/copy.yaml``; nothing → every vendor's spec."""
    if not words:
        return [vendor.spec_path for vendor in VENDORS.values()]
    paths: list[Path] = []
    for word in words:
        if word in VENDORS:
            paths.append(VENDORS[word].spec_path)
        elif word.endswith((".yaml", ".yml", ".json")) or "/" in word or Path(word).exists():
            paths.append(Path(word))
        else:
            get_vendor(word)  # raises with a "did you mean"
            raise UsageError(f"{word!r} is neither a vendor nor a spec file")
    return paths
