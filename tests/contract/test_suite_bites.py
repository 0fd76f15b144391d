"""The contract suites catch a broken vendor: each fake, with one fault injected, fails its own suite."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from tests.conftest import REPO

FAULTS = {
    # A wrong field type: grade becomes a string.
    "digitalchalk": """
        original = fake.handlers["getRegistration"]

        def broken(call):
            reply = original(call)
            return Reply(reply.status, {**reply.body, "grade": "ninety"}, reply.headers)

        module.FAKE = dataclasses.replace(fake, handlers={**fake.handlers, "getRegistration": broken})
    """,
    # A missing required field: listed enrollments lose the learner's id.
    "bridge": """
        original = fake.handlers["listProgramEnrollments"]

        def broken(call):
            reply = original(call)
            items = [{k: v for k, v in e.items() if k != "id"} for e in reply.body["enrollments"]]
            return Reply(reply.status, {**reply.body, "enrollments": items}, reply.headers)

        module.FAKE = dataclasses.replace(fake, handlers={**fake.handlers, "listProgramEnrollments": broken})
    """,
    # A 500 on a malformed id.
    "absorb": """
        statuses = {**fake.validation_statuses, "path": (500,)}
        module.FAKE = dataclasses.replace(fake, validation_statuses=statuses)
    """,
}
# The operation each fault breaks: the run is only that operation's test (a whole run finds them too, slower).
BROKEN = {"digitalchalk": "getRegistration", "bridge": "listProgramEnrollments", "absorb": "getCourseEnrollment"}
EXPECTED = {
    "digitalchalk": "Response violates schema",
    "bridge": "Response violates schema",
    "absorb": "Server error",
}


@pytest.mark.parametrize("vendor", sorted(FAULTS))
def test_a_fault_in_the_fake_fails_the_contract(vendor: str, tmp_path) -> None:
    suite = (REPO / "contracts" / vendor / f"test_{vendor}_contract.py").read_text(encoding="utf-8")
    patch = "import dataclasses\nimport importlib\nfrom lmskit.fakes.vendor import Reply\n\n"
    patch += f'module = importlib.import_module("lmskit.fakes.{vendor}")\nfake = module.FAKE\n'
    patch += textwrap.dedent(FAULTS[vendor]) + "\n"
    module = tmp_path / f"test_{vendor}_with_fault.py"
    module.write_text(patch + suite, encoding="utf-8")
    (tmp_path / "conftest.py").write_text('pytest_plugins = ["lmskit.contract.pytest_hooks"]\n', encoding="utf-8")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            str(module),
            "-q",
            "-p",
            "no:cacheprovider",
            "-x",
            "--assert=plain",
            "--include",
            BROKEN[vendor],
            "--rootdir",
            str(tmp_path),
            "-c",
            "/dev/null",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,
        check=False,
    )
    assert result.returncode == 1, result.stdout[-3000:] + result.stderr[-2000:]
    assert EXPECTED[vendor] in result.stdout
