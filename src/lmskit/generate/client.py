"""Running openapi-python-client with pinned versions and settings.

Why these settings:
- ``--meta none`` writes a bare package that ships inside the kit's own wheel.
- ``--fail-on-warning``: without it the generator drops whole schemas and endpoints and still exits 0.
- Post-hooks pin ruff's rules: with ruff's defaults (no generated pyproject beside the output) PYI036
  rewrites ``*args: Any`` and the client no longer passes ``mypy --strict``. The hooks call the ruff
  binary installed beside this interpreter, so generation does not depend on PATH, and without a cache,
  so nothing but source lands in the output folder, and `--isolated`, so no pyproject.toml around the
  output folder changes the result.
"""

from __future__ import annotations

import shlex
import subprocess
import sys
import tempfile
from importlib import metadata
from pathlib import Path

import yaml
from ruff.__main__ import find_ruff_bin

from lmskit.errors import GenerationError
from lmskit.vendors import Vendor

PINNED_VERSIONS = {"openapi-python-client": "0.29.1", "ruff": "0.17.6"}


def check_pinned_versions() -> None:
    """Refuse to generate with other generator or formatter versions: their output differs."""
    for package, wanted in PINNED_VERSIONS.items():
        try:
            found = metadata.version(package)
        except metadata.PackageNotFoundError:
            found = "not installed"
        if found != wanted:
            raise GenerationError(
                f"{package} is {found}, the committed clients were generated with {wanted}; "
                f'run `pip install "{package}=={wanted}"` (or `nox -s generate`, which pins it)'
            )


def generator_config(vendor: Vendor) -> dict[str, object]:
    # The ruff binary itself, not `python -m ruff`: the hooks run inside the generated package, whose
    # types.py would shadow the standard library module of that name.
    ruff = shlex.quote(find_ruff_bin())
    return {
        "package_name_override": vendor.client_package,
        "post_hooks": [
            f"{ruff} check . --isolated --no-cache --fix-only --select F,I,UP --target-version py311",
            f"{ruff} format . --isolated --no-cache --line-length 120",
        ],
    }


def generate_client(vendor: Vendor, spec_path: Path, output_dir: Path) -> Path:
    """Generate ``vendor``'s client from ``spec_path`` into ``output_dir/<vendor>_client``; return that folder."""
    check_pinned_versions()
    target = output_dir / vendor.client_package
    with tempfile.TemporaryDirectory(prefix="lmskit-gen-") as scratch:
        config = Path(scratch) / "config.yaml"
        config.write_text(yaml.safe_dump(generator_config(vendor)), encoding="utf-8")
        command = [
            sys.executable, "-m", "openapi_python_client", "generate",
            "--path", str(spec_path),
            "--config", str(config),
            "--meta", "none",
            "--output-path", str(target),
            "--overwrite",
            "--fail-on-warning",
        ]  # fmt: skip
        result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        tail = " | ".join(
            line.strip() for line in (result.stdout + result.stderr).strip().splitlines()[-6:] if line.strip()
        )
        raise GenerationError(f"{spec_path}: openapi-python-client failed (exit {result.returncode}): {tail}")
    # PEP 561 marker: without it mypy ignores the client's annotations in the user's code.
    (target / "py.typed").write_text("", encoding="utf-8")
    return target
