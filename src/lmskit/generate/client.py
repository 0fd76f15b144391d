"""Running openapi-python-client with pinned versions, settings and the kit's templates.

Why these settings:
- ``--meta none`` writes a bare package that ships inside the kit's own wheel (or the user's project).
- ``--fail-on-warning``: without it the generator drops whole schemas and endpoints and still exits 0.
- ``--custom-template-path`` (``templates/`` beside this file): the clients are tolerant readers. An enum
  value the spec does not list becomes a readable member (``EnrollmentStatus(14)``, name ``UNKNOWN_14``)
  with a warning; a null the spec does not allow is read as absent (UNSET) with a warning; a missing
  required field raises ``ResponseFieldError`` naming the model and the field. See templates/README.md.
- Post-hooks pin ruff's rules: with ruff's defaults (no generated pyproject beside the output) PYI036
  rewrites ``*args: Any`` and the client no longer passes ``mypy --strict``. The hooks call the ruff
  binary installed beside this interpreter, so generation does not depend on PATH, and without a cache,
  so nothing but source lands in the output folder, and `--isolated`, so no pyproject.toml around the
  output folder changes the result.
- ``_lmskit.py`` beside the client carries what ``lmskit.clients`` needs at run time (paging, retry safety,
  rate limit, security), so a client pages and authenticates as its spec says (``runtime_view``).
- The generator reads the Api's document (overlays applied) through ``client_view``, written to a
  temporary file: the committed clients come from the shipped specs alone.
"""

from __future__ import annotations

import json
import shlex
import subprocess
import sys
import tempfile
from importlib import metadata
from pathlib import Path

import yaml

from lmskit.errors import GenerationError
from lmskit.generate.client_view import client_view
from lmskit.generate.runtime_view import write_runtime_view
from lmskit.spec.api import Api

PINNED_VERSIONS = {"openapi-python-client": "0.29.1", "ruff": "0.17.6"}
TEMPLATES = Path(__file__).parent / "templates"


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
                f'run `pip install "{package}=={wanted}"` (or install the kit\'s [generate] extra, '
                'pip install ".[generate]" in its checkout)'
            )


def generator_config(package: str) -> dict[str, object]:
    from ruff.__main__ import find_ruff_bin

    # The ruff binary itself, not `python -m ruff`: the hooks run inside the generated package, whose
    # types.py would shadow the standard library module of that name.
    ruff = shlex.quote(find_ruff_bin())
    return {
        "package_name_override": package,
        "post_hooks": [
            f"{ruff} check . --isolated --no-cache --fix-only --select F,I,UP --target-version py311",
            f"{ruff} format . --isolated --no-cache --line-length 120",
        ],
    }


def generate_client(api: Api, output_dir: Path, package: str | None = None) -> Path:
    """Generate ``api``'s client into ``output_dir/<package>`` (default ``<vendor>_client``); return that folder."""
    check_pinned_versions()
    package = package or f"{api.vendor}_client"
    target = output_dir / package
    with tempfile.TemporaryDirectory(prefix="lmskit-gen-") as scratch:
        config = Path(scratch) / "config.yaml"
        config.write_text(yaml.safe_dump(generator_config(package)), encoding="utf-8")
        spec_file = Path(scratch) / f"{api.vendor}.json"
        spec_file.write_text(json.dumps(client_view(api.document)), encoding="utf-8")
        command = [
            sys.executable, "-m", "openapi_python_client", "generate",
            "--path", str(spec_file),
            "--config", str(config),
            "--custom-template-path", str(TEMPLATES),
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
        where = ", ".join(str(item.path) for item in api.overlays) or str(api.spec.path)
        raise GenerationError(f"{where}: openapi-python-client failed (exit {result.returncode}): {tail}")
    # PEP 561 marker: without it mypy ignores the client's annotations in the user's code.
    (target / "py.typed").write_text("", encoding="utf-8")
    view = write_runtime_view(api, target)
    from ruff.__main__ import find_ruff_bin

    # Formatted as the post-hooks format the generator's own files (they ran before this file existed).
    subprocess.run(
        [find_ruff_bin(), "format", str(view), "--isolated", "--no-cache", "--line-length", "120", "--quiet"],
        check=True,
    )
    return target
