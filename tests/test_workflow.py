"""The GitHub Actions workflow shipped in .github/workflows: valid YAML of the right shape, and every lmskit
command it runs exists with every option it passes (so a renamed option fails here, not in a user's CI)."""

from __future__ import annotations

import re
import shlex
from typing import Any

import pytest
import yaml

from tests.conftest import REPO, run_lmskit

WORKFLOW = REPO / ".github" / "workflows" / "lmskit.yml"


def workflow() -> dict[Any, Any]:
    loaded = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def lmskit_commands() -> list[list[str]]:
    found = []
    for job in workflow()["jobs"].values():
        for step in job["steps"]:
            script = step.get("run", "")
            # Expressions are filled in by Actions; stand in a word for each.
            script = re.sub(r"\$\{\{.*?\}\}", "X", script)
            for line in script.splitlines():
                line = line.strip()
                if line.startswith("echo"):
                    continue
                for match in re.finditer(r"lmskit ([a-z]+(?: [a-z]+)?)((?: [^|;&)]*)?)", line):
                    words = shlex.split(match.group(0))
                    found.append(words)
    return found


def test_the_workflow_has_its_triggers_and_jobs() -> None:
    document = workflow()
    triggers = document[True]  # YAML 1.1 reads the key `on` as True
    assert {"push", "pull_request", "schedule", "workflow_dispatch"} <= set(triggers)
    assert set(document["jobs"]) == {"checks", "spec-diff", "live"}
    assert document["permissions"] == {"contents": "read"}
    assert document["jobs"]["spec-diff"]["permissions"]["pull-requests"] == "write"
    live = document["jobs"]["live"]
    assert [item["vendor"] for item in live["strategy"]["matrix"]["include"]] == ["digitalchalk", "bridge", "absorb"]
    # The live run is skipped, not failed, when a vendor's secrets are absent.
    gated = [step for step in live["steps"] if step.get("id") != "configured"]
    assert all("steps.configured.outputs.yes == 'true'" in step.get("if", "") for step in gated)
    for job in document["jobs"].values():
        assert job.get("timeout-minutes"), job
        for step in job["steps"]:
            if "uses" in step:
                assert re.fullmatch(r"actions/[a-z-]+@v\d+", step["uses"]), step["uses"]


def test_the_live_job_reads_every_credential_the_specs_name() -> None:
    from lmskit.spec.api import load_api

    env = workflow()["jobs"]["live"]["env"]
    for vendor in ("digitalchalk", "bridge", "absorb"):
        for name in (*load_api(vendor).security.environment_names(vendor), f"LMSKIT_{vendor.upper()}_BASE_URL"):
            assert env.get(name) == f"${{{{ secrets.{name} }}}}", name


COMMANDS = lmskit_commands()


def test_the_workflow_runs_the_commands_a_user_needs() -> None:
    names = {" ".join(words[1:3]) if words[1] == "fixtures" else words[1] for words in COMMANDS}
    assert {"lint", "generate", "contract", "validate", "fixtures check", "diff", "record"} <= names


@pytest.mark.parametrize("words", COMMANDS, ids=[" ".join(w[:3]) for w in COMMANDS])
def test_each_lmskit_command_and_option_exists(words: list[str]) -> None:
    command = words[1:3] if words[1] == "fixtures" else words[1:2]
    result = run_lmskit(*command, "--help")
    assert result.exit_code == 0, result.stderr
    for option in (word for word in words if word.startswith("--")):
        assert option in result.stdout, f"lmskit {' '.join(command)} has no {option}"
