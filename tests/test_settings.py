"""The limits: one definition each, read when used (never at import), set by an option or its variable when a
command starts, and documented with their defaults."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lmskit import settings
from lmskit.errors import UsageError
from tests.conftest import REPO, invoke_lmskit


def test_the_environment_is_read_when_a_limit_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    assert settings.current().max_findings == 1_000
    monkeypatch.setenv("LMSKIT_MAX_FINDINGS", "7")
    assert settings.current().max_findings == 7  # after import: read at call time
    monkeypatch.setenv("LMSKIT_MAX_FINDINGS", "seven")
    assert settings.current().max_findings == 1_000  # library code falls back; the CLI refuses it
    with pytest.raises(UsageError, match="LMSKIT_MAX_FINDINGS='seven' is not a whole number of at least 1"):
        settings.Settings.from_environ()


def _broken_body(tmp_path: Path) -> Path:
    envelope = {
        "request": {"method": "GET", "url": "https://api.digitalchalk.com/dc/api/v5/registrations"},
        "response": {"status": 200, "body": {"results": [{"id": 5, "status": "bogus"} for _ in range(30)]}},
    }
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(envelope), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("arguments", "env"),
    [(["--max-findings", "3"], {}), ([], {"LMSKIT_MAX_FINDINGS": "3"})],
    ids=["option", "variable"],
)
def test_a_command_takes_a_limit_from_its_option_or_its_variable(
    tmp_path: Path, arguments: list[str], env: dict[str, str]
) -> None:
    result = invoke_lmskit(*arguments, "validate", "--format", "json", _broken_body(tmp_path), env=env)
    assert result.exit_code == 1
    findings = json.loads(result.stdout)["results"][0]["errors"]
    assert len(findings) == 4 and "the first 3 are listed" in findings[-1]["message"]
    assert settings.current().max_findings == 1_000  # the command's limit ended with it


def test_every_limit_is_documented_with_its_default_and_its_option() -> None:
    page = (REPO / "docs" / "reference" / "environment.md").read_text(encoding="utf-8")
    for limit in settings.LIMITS.values():
        mib = limit.default // 2**20
        default = f"{mib} MiB" if limit.default % 2**20 == 0 and mib else f"{limit.default:,}"
        assert f"| `{limit.variable}` (`lmskit {limit.option}`) | {default} | {limit.meaning} |" in page
