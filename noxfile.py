"""Sessions: `nox -s contracts` is the main job (every contract suite against the bundled fakes), `nox -s tests`
the test suite; `lint`, `generate` and `drift` keep the specs, our code and the generated clients honest.

Every session installs the kit into its own virtualenv from pyproject.toml, so a fresh machine needs
nothing but Python and nox.
"""

from __future__ import annotations

import nox

nox.options.sessions = ["lint", "drift", "tests", "contracts"]
nox.options.error_on_missing_interpreters = True

GENERATED_PACKAGES = ("digitalchalk_client", "bridge_client", "absorb_client")


@nox.session
def lint(session: nox.Session) -> None:
    """Specs (lmskit lint), our code (ruff, mypy --strict) and the generated clients (mypy --strict)."""
    session.install("-e", ".[dev]")
    session.run("lmskit", "lint")
    session.run("ruff", "check", "src", "tests", "contracts", "benchmarks", "noxfile.py")
    session.run("ruff", "format", "--check", "src", "tests", "contracts", "benchmarks", "noxfile.py")
    session.run("mypy")
    session.run("mypy", "--strict", *(arg for package in GENERATED_PACKAGES for arg in ("-p", package)))


@nox.session
def generate(session: nox.Session) -> None:
    """Regenerate generated/ from specs/ with the pinned openapi-python-client and ruff."""
    session.install("-e", ".")
    session.run("lmskit", "generate", *session.posargs)


@nox.session
def drift(session: nox.Session) -> None:
    """Fail with a per-file diff when a spec changed and generated/ was not regenerated."""
    session.install("-e", ".")
    session.run("lmskit", "generate", "--check", *session.posargs)


@nox.session
def tests(session: nox.Session) -> None:
    """The kit's own test suite (includes lint and drift checks of the committed specs and clients)."""
    session.install("-e", ".[test]")
    session.run("pytest", *session.posargs)


@nox.session
def contracts(session: nox.Session) -> None:
    """Every vendor's contract suite against its fake, quick profile; JUnit XML in reports/.

    `nox -s contracts -- absorb --profile thorough` passes arguments on to `lmskit contract`.
    """
    session.install("-e", ".")
    session.run("lmskit", "contract", "--junit", "reports", *session.posargs)


@nox.session
def bench(session: nox.Session) -> None:
    """Validation throughput against jsonschema-rs, jsonschema and schemathesis in one run, and a 100 MB HAR.

    Speed is measured here, never in the test suite; figures are ratios to a baseline of the same run.
    """
    session.install("-e", ".")
    session.run("python", "benchmarks/bench_validate.py", *session.posargs)
