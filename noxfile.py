"""Sessions: `nox -s contracts` is the main job (every contract suite against the bundled fakes), `nox -s tests`
the test suite; `lint`, `generate` and `drift` keep the specs, our code and the generated clients honest.

Every session installs the kit into its own virtualenv from pyproject.toml, so a fresh machine needs
nothing but Python and nox.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import nox

nox.options.sessions = ["lint", "drift", "tests", "slow", "contracts"]  # not bench or mutants: they measure
nox.options.error_on_missing_interpreters = True

GENERATED_PACKAGES = ("digitalchalk_client", "bridge_client", "absorb_client")


@nox.session
def lint(session: nox.Session) -> None:
    """Specs (lmskit lint), our code (ruff, mypy --strict) and the generated clients (mypy --strict)."""
    session.install("-e", ".[dev]")
    session.run("lmskit", "lint")
    session.run("ruff", "check", "src", "tests", "contracts", "benchmarks", "mutants", "noxfile.py")
    session.run("ruff", "format", "--check", "src", "tests", "contracts", "benchmarks", "mutants", "noxfile.py")
    session.run("mypy")
    session.run("mypy", "--strict", *(arg for package in GENERATED_PACKAGES for arg in ("-p", package)))


@nox.session
def generate(session: nox.Session) -> None:
    """Regenerate generated/ from specs/ with the pinned openapi-python-client and ruff."""
    session.install("-e", ".[generate]")
    session.run("lmskit", "generate", *session.posargs)


@nox.session
def docs(session: nox.Session) -> None:
    """The documentation site, built with --strict: a broken link, anchor or a page missing from the nav fails."""
    session.install("-e", ".[docs]")
    session.run("mkdocs", "build", "--strict", "--site-dir", "build/site")


@nox.session
def package(session: nox.Session) -> None:
    """Build the wheel and the sdist, and check what each holds (the clients, the specs, py.typed, the docs)."""
    session.install("build", "-e", ".[test]")
    shutil.rmtree("build/dist", ignore_errors=True)
    session.run("python", "-m", "build", "--outdir", "build/dist", silent=True)
    session.run("python", "-c", _PACKAGE_CHECK, "build/dist")
    # The install a sync service makes: that wheel, no extras, in a fresh virtualenv (tests/test_light_install.py).
    wheel = next(Path("build/dist").glob("lms_contract_kit-*.whl"))
    session.run("pytest", "tests/test_light_install.py", "--package-wheel", str(wheel), "-p", "no:cacheprovider", "-q")


# What the wheel and the sdist must hold, checked by name (python -c, so the session needs no module of ours).
_PACKAGE_CHECK = """
import sys, tarfile, zipfile
from pathlib import Path
from tomllib import loads
folder = Path(sys.argv[1])
version = loads(Path("pyproject.toml").read_text())["project"]["version"]
wheel = zipfile.ZipFile(next(folder.glob(f"lms_contract_kit-{version}-*.whl"))).namelist()
sdist = tarfile.open(next(folder.glob(f"lms_contract_kit-{version}.tar.gz"))).getnames()
wanted_wheel = ["lmskit/__init__.py", "lmskit/py.typed", "lmskit/_specs/absorb.yaml", "absorb_client/__init__.py",
                "bridge_client/__init__.py", "digitalchalk_client/__init__.py", "lmskit/fakes/absorb/seed.yaml",
                "lmskit/generate/templates/endpoint_module.py.jinja"]
wanted_sdist = ["LICENSE", "CHANGELOG.md", "README.md", "mkdocs.yml", "docs/index.md", "specs/absorb.yaml",
                "pyproject.toml"]
missing = [n for n in wanted_wheel if n not in wheel]
missing += [n for n in wanted_sdist if not any(name.endswith("/" + n) for name in sdist)]
licensed = any(name.endswith("licenses/LICENSE") or name.endswith("/LICENSE") for name in wheel)
if missing or not licensed:
    sys.exit(f"the packages lack: {', '.join(missing) or 'the LICENSE in the wheel'}")
print(f"wheel: {len(wheel)} files, sdist: {len(sdist)} files; everything expected is there")
"""


@nox.session
def drift(session: nox.Session) -> None:
    """Fail with a per-file diff when a spec changed and generated/ was not regenerated."""
    session.install("-e", ".[generate]")
    session.run("lmskit", "generate", "--check", *session.posargs)


@nox.session
def tests(session: nox.Session) -> None:
    """The kit's own test suite without the slow set (whole contract runs, servers in child processes)."""
    session.install("-e", ".[test]")
    # One worker per core (pytest-xdist); `nox -s tests -- -n 0` runs in one process, `-- -m ""` the slow set too.
    # Bytecode is cached even where PYTHONDONTWRITEBYTECODE is set (some CI images set it): without the cache
    # every child process compiles the kit again and pytest rewrites the asserts of schemathesis and Hypothesis
    # again, seconds each.
    session.run("pytest", "-n", "auto", "-m", "not slow", *session.posargs, env={"PYTHONDONTWRITEBYTECODE": None})


@nox.session
def slow(session: nox.Session) -> None:
    """The slow set: whole contract runs, mutation samples, plain schemathesis, CLIs and servers in child processes."""
    session.install("-e", ".[test]")
    session.run("pytest", "-n", "auto", "-m", "slow", *session.posargs, env={"PYTHONDONTWRITEBYTECODE": None})


@nox.session
def contracts(session: nox.Session) -> None:
    """Every vendor's contract suite against its fake, quick profile, twice: in-process, then served on a loopback
    port (real HTTP, the code path a tenant's run takes). JUnit XML in reports/ and reports/served/.

    `nox -s contracts -- absorb --profile thorough` passes arguments on to both `lmskit contract` runs.
    """
    session.install("-e", ".[contract]")
    session.run("lmskit", "contract", "--junit", "reports", *session.posargs)
    session.run("lmskit", "contract", "--target", "served", "--junit", "reports/served", *session.posargs)


@nox.session
def mutants(session: nox.Session) -> None:
    """Mutation testing: each fault of mutants/faults.py (30 realistic vendor faults) applied to a bundled fake, the
    quick profile and plain `schemathesis run` against it, killed or survived and by which check (about 25 minutes
    on 2 cores). A measurement, not a test: `nox -s mutants -- --profile thorough --no-plain`, `-- --only NAME`.
    """
    session.install("-e", ".[contract]")
    session.run("python", "-m", "mutants.run", *session.posargs)


BENCHES = ("validate", "fakes", "contracts", "clients")


@nox.session
def bench(session: nox.Session) -> None:
    """Speed, as ratios to baselines measured in the same run (about 35 minutes on 2 cores):

    validate   lmskit.validate and validate_many against bare jsonschema-rs; HARs of 10 and 300 MB per format
    fakes      each fake's get/list/write at 1, 8 and 32 connections against a bare Starlette ceiling
    contracts  contract runs against a baseline commit's, in-process and against a served fake
    clients    100,000 Absorb enrollments through paginate() vs a hand-written loop; peak RSS at 10k vs 100k

    Speed is measured here, never in the test suite. `nox -s bench -- fakes` runs one part.
    """
    session.install("-e", ".[all]")
    chosen = [name for name in session.posargs if name in BENCHES] or list(BENCHES)
    for name in chosen:
        session.run("python", f"benchmarks/bench_{name}.py")
