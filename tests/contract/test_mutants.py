"""The contract suites kill the faults vendors really ship: a handful of the corpus (mutants/faults.py), one per
kind of promise, each in a process of its own. The whole corpus is a measurement: `nox -s mutants`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest

from mutants.faults import BY_NAME, FAULTS
from tests.conftest import REPO

# fault → (the operations its run needs, the check that must name it)
REPRESENTATIVE = {
    "dc-grade-not-kept": (["updateRegistration"], "LMS101 Write not shown by the next read"),
    "dc-location-elsewhere": (["createRegistration"], "LMS102 Location does not resolve"),
    "br-cursor-repeats": (["listProgramEnrollments"], "LMS203 Item listed twice"),
    "ab-filter-ignored": (["listCourseEnrollments"], "LMS201 Filter not applied"),
    "ab-total-off-by-one": (["listUserCourseEnrollments"], "LMS205 Total does not count the items"),
    "ab-created-id-missing": (["createCourseEnrollment"], "LMS103 Answer lacks what its link reads"),
    "br-basic-any-secret": (["listProgramEnrollments"], "auth: wrong credentials get 401"),
    "br-429-without-retry-after": (["listProgramEnrollments"], "rate limit: a burst gets 429 with Retry-After"),
}


def failing(report: Path) -> set[str]:
    names = set()
    for case in ElementTree.parse(report).getroot().iter("testcase"):
        if case.find("failure") is not None or case.find("error") is not None:
            name = case.get("name", "")
            names.add(name.partition(" · ")[2] or name)
    return names


def test_the_corpus_is_large_and_every_fault_has_a_story() -> None:
    assert len(FAULTS) >= 20
    assert len(BY_NAME) == len(FAULTS)
    assert {fault.vendor for fault in FAULTS} == {"digitalchalk", "bridge", "absorb"}
    assert all(fault.story and fault.kind for fault in FAULTS)


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(REPRESENTATIVE))
def test_the_quick_profile_kills_a_representative_fault(name: str, tmp_path: Path) -> None:
    operations, check = REPRESENTATIVE[name]
    command = [sys.executable, "-m", "mutants.launch", name, "contract", BY_NAME[name].vendor, "--junit", str(tmp_path)]
    for operation in operations:
        command += ["--include", operation]
    done = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 1, done.stdout[-3000:] + done.stderr[-2000:]
    assert check in failing(tmp_path / "lmskit-contracts.xml"), done.stdout[-3000:]
    assert "Traceback" not in done.stdout + done.stderr
