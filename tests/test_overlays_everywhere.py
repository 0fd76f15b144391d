"""One overlay adding a custom field to Absorb's CourseEnrollment reaches every stage: the generated client, the
fake (request validation, and the field filled from the overlay's example), validation and the contract run;
listed once in the project's settings, it applies to every command and to the pytest plugin."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import textwrap
from pathlib import Path

import httpx
import pytest

import lmskit
from lmskit.fakes import get_fake
from lmskit.fakes.app import build_app
from tests.conftest import REPO, run_lmskit, run_pytest

EXAMPLE = REPO / "examples" / "overlays" / "absorb-custom-fields.yaml"
API_KEY = "2f6a1d3c-8b4e-4f1a-9c7d-5e3b2a1f0d9c"
ENROLLMENT_ID = "a14c149a-2ce0-41d4-b532-02189ad3cb22"
ENROLLMENT = {
    "id": ENROLLMENT_ID,
    "courseId": "7c9e6679-7425-40de-944b-e07fc1f90ae7",
    "status": 3,
    "timeSpent": "00:10:00",
    "acmeCostCentre": "CC-1001",
}


def test_a_client_generated_with_the_overlay_reads_the_field(tmp_path: Path) -> None:
    result = run_lmskit(
        "generate", "absorb", "--overlay", EXAMPLE, "--out", tmp_path, "--package", "acme_absorb_client"
    )
    assert result.exit_code == 0, result.stderr
    assert "generated from the absorb spec with 1 overlay(s)" in result.stderr
    model = (tmp_path / "acme_absorb_client" / "models" / "course_enrollment.py").read_text(encoding="utf-8")
    assert "acme_cost_centre: str | Unset = UNSET" in model
    read = subprocess.run(
        [
            sys.executable,
            "-c",
            "from acme_absorb_client.models import CourseEnrollment as C; "
            f"print(C.from_dict({ENROLLMENT!r}).acme_cost_centre)",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert read.stdout.strip() == "CC-1001", read.stderr
    # The user's drift gate for their own client: the same command with --check; the hint repeats it.
    arguments = ["generate", "absorb", "--overlay", EXAMPLE, "--out", tmp_path, "--package", "acme_absorb_client"]
    assert run_lmskit(*arguments, "--check").exit_code == 0
    with (tmp_path / "acme_absorb_client" / "client.py").open("a", encoding="utf-8") as handle:
        handle.write("# edited by hand\n")
    stale = run_lmskit(*arguments, "--check")
    assert stale.exit_code == 1
    assert f"run `lmskit generate absorb --out {tmp_path} --package acme_absorb_client`" in stale.stderr


def test_the_fake_fills_the_field_and_validates_requests_with_it() -> None:
    app = build_app(get_fake("absorb"), api=lmskit.load_api("absorb", [EXAMPLE]))

    async def exchange() -> tuple[httpx.Response, httpx.Response, httpx.Response]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://fake") as client:
            login = {"username": "api.admin", "password": "fake-admin-password", "privateKey": API_KEY}
            base = {"x-api-key": API_KEY, "x-api-version": "2"}
            token = (await client.post("/authenticate", headers=base, json=login)).json()
            headers = {**base, "Authorization": f"Bearer {token}"}
            got = await client.get(f"/enrollments/{ENROLLMENT_ID}", headers=headers)
            path = "/users/6b2d9c1e-3f4a-4b5c-8d6e-7f8a9b0c1d2e/enrollments"
            bad = await client.post(
                path, headers=headers, json={"courseId": ENROLLMENT["courseId"], "acmeCostCentre": "x"}
            )
            good = await client.post(
                path, headers=headers, json={"courseId": ENROLLMENT["courseId"], "acmeCostCentre": "CC-2000"}
            )
            return got, bad, good

    got, bad, good = asyncio.run(exchange())
    assert got.status_code == 200 and got.json()["acmeCostCentre"] == "CC-1001"
    assert bad.status_code == 422 and bad.json()["message"] == "Invalid format provided for acmeCostCentre"
    assert good.status_code == 200


def test_validation_knows_the_field_only_with_the_overlay() -> None:
    plain = lmskit.validate("absorb", "getCourseEnrollment", 200, ENROLLMENT)
    assert plain.valid and [w.pointer for w in plain.warnings] == ["/acmeCostCentre"]
    layered = lmskit.validate("absorb", "getCourseEnrollment", 200, ENROLLMENT, overlays=[EXAMPLE])
    assert layered.valid and not layered.warnings
    wrong = lmskit.validate(
        "absorb", "getCourseEnrollment", 200, {**ENROLLMENT, "acmeCostCentre": "x"}, overlays=[EXAMPLE]
    )
    assert [e.pointer for e in wrong.errors] == ["/acmeCostCentre"]


@pytest.mark.slow
def test_a_contract_run_with_the_overlay_checks_the_field(tmp_path: Path) -> None:
    # The operations whose schemas the overlay changes: each reads or writes a CourseEnrollment.
    operations = ["getCourseEnrollment", "listCourseEnrollments", "createOrUpdateCourseEnrollment"]
    selected = [argument for name in operations for argument in ("--include", name)]
    result = run_lmskit("contract", "absorb", "--overlay", EXAMPLE, *selected, "--junit", tmp_path, timeout=600)
    assert result.exit_code == 0, result.stdout[-3000:]
    assert "absorb fake (in-process): 3/3 operations" in result.stdout


def project(tmp_path: Path, settings: str, name: str = "lmskit.toml") -> Path:
    folder = tmp_path / "acme"
    (folder / "overlays").mkdir(parents=True)
    (folder / "overlays" / "absorb.yaml").write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / name).write_text(textwrap.dedent(settings), encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    ("settings", "name"),
    [
        ('overlays = ["overlays/absorb.yaml"]\n', "lmskit.toml"),
        ('[overlays]\nabsorb = ["overlays/absorb.yaml"]\n', "lmskit.toml"),
        ('[project]\nname = "acme"\n[tool.lmskit.overlays]\nabsorb = ["overlays/absorb.yaml"]\n', "pyproject.toml"),
    ],
)
def test_the_projects_settings_apply_the_overlay_and_say_so(tmp_path: Path, settings: str, name: str) -> None:
    folder = project(tmp_path, settings, name)
    capture = folder / "enrollment.json"
    capture.write_text(
        '{"request": {"method": "GET", "url": "https://rest.myabsorb.com/enrollments/' + ENROLLMENT_ID + '"},'
        ' "response": {"status": 200, "body": ' + str(ENROLLMENT).replace("'", '"') + "}}",
        encoding="utf-8",
    )
    result = run_lmskit("validate", capture, "--strict", cwd=folder)
    assert result.exit_code == 0, result.stdout + result.stderr
    label = "pyproject.toml [tool.lmskit]" if name == "pyproject.toml" else "lmskit.toml"
    assert f"lmskit: overlays from {label}: overlays/absorb.yaml (--no-config to ignore)" in result.stderr
    ignored = run_lmskit("validate", capture, "--strict", "--no-config", cwd=folder)
    assert ignored.exit_code == 1 and "/acmeCostCentre is not documented" in ignored.stdout


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ("overlays = 3\n", "`overlays` must be a list of files or a table of vendor = [files]"),
        ("[overlays]\nabsorbb = []\n", "unknown vendor 'absorbb'; did you mean 'absorb'?"),
        ("colour = 1\n", "unknown setting 'colour' in the top level; the settings are: overlays"),
        ("overlays = [\n", "not valid TOML"),
        ('overlays = ["missing.yaml"]\n', "missing.yaml: no such file; pass the path of an OpenAPI Overlay document"),
    ],
)
def test_bad_project_settings_are_one_line_and_exit_2(tmp_path: Path, settings: str, message: str) -> None:
    folder = project(tmp_path, settings)
    result = run_lmskit("lint", "absorb", cwd=folder)
    assert result.exit_code == 2
    assert message in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_an_overlay_for_no_vendor_in_particular_must_say_which(tmp_path: Path) -> None:
    anonymous = tmp_path / "anonymous.yaml"
    anonymous.write_text(EXAMPLE.read_text(encoding="utf-8").replace("extends: absorb.yaml\n", ""), encoding="utf-8")
    result = run_lmskit("lint", "--overlay", anonymous)
    assert result.exit_code == 2
    assert "cannot tell which vendor this overlay is for; add `extends: <vendor>.yaml`" in result.stderr
    assert run_lmskit("lint", "--overlay", f"absorb={anonymous}").exit_code == 0
    assert run_lmskit("lint", "absorb", "--overlay", anonymous).exit_code == 0


USER_TEST = """
from absorb_client.api.enrollments import get_course_enrollment


def test_my_sync_reads_the_custom_field(absorb_fake, lmskit_validate):
    response = get_course_enrollment.sync_detailed("a14c149a-2ce0-41d4-b532-02189ad3cb22", client=absorb_fake.client)
    assert response.status_code == 200
    assert response.parsed.additional_properties["acmeCostCentre"] == "CC-1001"
    result = lmskit_validate("absorb", "getCourseEnrollment", 200, response.parsed.to_dict())
    assert not result.warnings
"""


def test_the_pytest_plugin_serves_and_validates_with_the_projects_overlays(tmp_path: Path) -> None:
    folder = project(
        tmp_path, '[project]\nname = "acme"\n[tool.lmskit]\noverlays = ["overlays/absorb.yaml"]\n', "pyproject.toml"
    )
    (folder / "test_sync.py").write_text(USER_TEST, encoding="utf-8")
    result = run_pytest("test_sync.py", cwd=folder, timeout=120)
    assert result.returncode == 0, result.stdout[-3000:]
    assert "1 passed" in result.stdout
