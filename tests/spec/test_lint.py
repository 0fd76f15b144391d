from __future__ import annotations

import json

import pytest

from lmskit.spec.lint import LintFinding, lint_spec
from lmskit.spec.loader import load_spec
from lmskit.vendors import VENDORS
from tests.conftest import run_lmskit


def findings_of(copy) -> list[LintFinding]:
    return lint_spec(copy.load())


def only(findings: list[LintFinding], rule: str) -> list[LintFinding]:
    return [finding for finding in findings if finding.rule == rule]


def test_every_vendor_spec_is_lint_clean(vendor_name: str) -> None:
    spec = load_spec(VENDORS[vendor_name].spec_path)
    assert [str(f) for f in lint_spec(spec)] == []


def test_cli_lints_all_three_specs_and_exits_0() -> None:
    result = run_lmskit("lint")
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "4 operations, ok" in result.stderr
    assert "5 operations, ok" in result.stderr
    assert "28 operations, ok" in result.stderr


def test_yaml_syntax_error_names_file_line_and_column_and_exits_2(spec_copy) -> None:
    copy = spec_copy("bridge")
    copy.replace("  title: Bridge Author API — Program Enrollments\n", "  title: Bridge: Program Enrollments\n")
    result = run_lmskit("lint", copy.path)
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr
    # libyaml says "… in this context", the pure-Python parser "… here": the place is what matters.
    assert f"{copy.path}:3:16: YAML syntax error: mapping values are not allowed" in result.stderr


def test_invalid_date_time_in_docs_example_is_reported_at_its_line(spec_copy) -> None:
    copy = spec_copy("digitalchalk")
    # Put back the docs' own defect (a five-digit year) into the ejected example.
    copy.replace(
        '                    lastActiveDate: "2012-01-04T06:07:14Z"\n',
        '                    lastActiveDate: "22012-01-04T06:07:14Z"\n',
    )
    [finding] = findings_of(copy)
    assert finding.rule == "examples"
    assert finding.line == copy.line_of('"22012-01-04T06:07:14Z"')
    assert finding.pointer.endswith("/examples/ejected/value/lastActiveDate")
    assert 'is not a "date-time"' in finding.message
    assert "'ejected'" in finding.message


def test_bridge_docs_timestamp_format_fails_the_date_time_check(spec_copy) -> None:
    copy = spec_copy("bridge")
    copy.replace(
        '                    - end_at: "2017-12-31T07:00:00Z"\n',
        '                    - end_at: "2017-12-31 07:00:00"\n',
    )
    found = only(findings_of(copy), "examples")
    # The request example is shared by PATCH and PUT through a YAML anchor, so both operations report it.
    assert {f.line for f in found} == {copy.line_of('"2017-12-31 07:00:00"')}
    assert len(found) == 2
    assert all('"2017-12-31 07:00:00" is not a "date-time"' in f.message for f in found)


def test_wrong_type_in_example_is_reported(spec_copy) -> None:
    copy = spec_copy("absorb")
    copy.replace(
        "      value:\n        attemptId: 9d7c6b5a", "      value:\n        attemptId: 12345\n        x: 9d7c6b5a"
    )
    found = only(findings_of(copy), "examples")
    assert found, "an integer attemptId must fail `type: string, format: uuid`"
    assert all('12345 is not of type "string"' in f.message for f in found)


def test_out_of_range_grade_explains_the_closest_oneof_branch(spec_copy) -> None:
    copy = spec_copy("digitalchalk")
    copy.replace("                  grade: 99.7\n", "                  grade: 199.7\n")
    [finding] = findings_of(copy)
    assert "closest alternative: /grade: 199.7 is greater than the maximum of 100" in finding.message


def test_missing_operation_id_is_reported_at_the_operation(spec_copy) -> None:
    copy = spec_copy("bridge")
    copy.replace("    delete:\n      operationId: deleteProgramEnrollment\n", "    delete:\n")
    findings = findings_of(copy)
    [missing] = only(findings, "operation")
    assert missing.message == "DELETE /api/author/programs/{program_id}/learners/{id} has no operationId"
    assert missing.line == copy.line_of("    delete:")
    # The list operation's link to it now dangles, and says so.
    [link] = only(findings, "links")
    assert "unknown operationId 'deleteProgramEnrollment'" in link.message


def test_missing_summary_and_undeclared_tag_are_reported(spec_copy) -> None:
    copy = spec_copy("bridge")
    copy.replace("      summary: Remove learner from program\n", "")
    copy.replace(
        '      tags: [Program Enrollments]\n      x-lmskit-confidence: low\n      x-lmskit-source: "B-GEM add_',
        '      tags: [Program Enrolments]\n      x-lmskit-confidence: low\n      x-lmskit-source: "B-GEM add_',
    )
    messages = [f.message for f in only(findings_of(copy), "operation")]
    assert messages == [
        "tag 'Program Enrolments' of POST /api/author/programs/{program_id}/learners"
        " is not declared in the top-level `tags`",
        "DELETE /api/author/programs/{program_id}/learners/{id} has no summary",
    ]


def test_duplicate_operation_id_is_reported(spec_copy) -> None:
    copy = spec_copy("absorb")
    copy.replace("      operationId: getUserCourseGradeEnrollment\n", "      operationId: getUserCourseEnrollment\n")
    [finding] = only(findings_of(copy), "operation")
    assert "duplicate operationId 'getUserCourseEnrollment'" in finding.message


def test_undeclared_path_parameter_is_reported(spec_copy) -> None:
    copy = spec_copy("absorb")
    copy.replace("  /bulk/studentcourses:\n", "  /bulk/{tenant}/studentcourses:\n")
    [finding] = only(findings_of(copy), "path-params")
    assert (
        finding.message
        == "GET /bulk/{tenant}/studentcourses has {tenant} in its path but no `in: path` parameter 'tenant'"
    )


def test_dangling_and_external_refs_are_reported_and_do_not_crash_the_structural_check(spec_copy) -> None:
    copy = spec_copy("absorb")
    copy.replace(
        "    FinishAttemptResult:\n      type: object\n",
        "    Broken:\n"
        "      properties:\n"
        '        status: {$ref: "#/components/schemas/AttemptState"}\n'
        '        score: {$ref: "common.yaml#/Score"}\n'
        "    FinishAttemptResult:\n      type: object\n",
    )
    findings = findings_of(copy)
    messages = sorted(f.message for f in findings)
    assert messages == [
        "$ref '#/components/schemas/AttemptState' cannot be resolved: 'AttemptState' does not exist",
        "$ref 'common.yaml#/Score' points to another file",
    ]
    assert {f.rule for f in findings} == {"refs"}


def test_links_to_unknown_parameters_are_reported(spec_copy) -> None:
    copy = spec_copy("absorb")
    copy.replace(
        "                attemptId: $response.body#/attemptId\n            finishUserLessonAttempt:",
        "                attemptID: $response.body#/attemptId\n            finishUserLessonAttempt:",
    )
    [finding] = only(findings_of(copy), "links")
    assert "sets 'attemptID', which POST /attempts/{attemptId}/finish does not have" in finding.message


def test_malformed_erratum_is_reported(spec_copy) -> None:
    copy = spec_copy("digitalchalk")
    copy.replace(
        '          why: "22012 is not an RFC 3339 year',
        '          reason: "22012 is not an RFC 3339 year',
    )
    messages = {f.message for f in only(findings_of(copy), "errata")}
    assert messages == {"erratum has no 'why' text", "erratum has an unknown key 'reason'"}


def test_confidence_needs_a_known_level_and_a_source(spec_copy) -> None:
    copy = spec_copy("bridge")
    copy.replace(
        '      x-lmskit-confidence: medium\n          x-lmskit-source: "B-GTK',
        '      x-lmskit-confidence: maybe\n          x-lmskit-sources: "B-GTK',
    )
    messages = {f.message for f in only(findings_of(copy), "errata")}
    assert messages == {"x-lmskit-confidence is 'maybe'", "x-lmskit-confidence without x-lmskit-source"}


def test_evidence_annotations_and_the_client_format_are_checked(spec_copy) -> None:
    copy = spec_copy("absorb")
    copy.replace("          confidence: medium\n    TimeSpan:", "          confidence: likely\n    TimeSpan:")
    copy.replace("      decision: \"Not followed: the mock's", "      verdict: \"Not followed: the mock's")
    copy.replace("      x-lmskit-client-format: date-time\n", "      x-lmskit-client-format: datetime\n")
    found = only(findings_of(copy), "errata")
    assert {f.message for f in found} == {
        "erratum confidence is 'likely'",
        "evidence entry must have exactly source, shows, decision, confidence",
        "x-lmskit-client-format 'datetime' needs a `type: string` schema without `format`",
    }
    assert {f.line for f in found} == {
        copy.line_of("confidence: likely"),
        copy.line_of("x-lmskit-client-format: datetime"),
        copy.line_of('- source: "quanglekim021223/LSPLATFORMPR app/mocks/levelup.py @57daf7c, a FastAPI'),
    }


def test_duplicate_yaml_key_is_reported_at_the_second_occurrence(spec_copy) -> None:
    copy = spec_copy("digitalchalk")
    copy.replace(
        "        graderComment:\n          type: string\n",
        "        graderComment:\n          type: string\n        grade:\n          type: string\n",
    )
    [finding] = only(findings_of(copy), "yaml")
    assert "duplicate key 'grade'" in finding.message
    first = copy.text.splitlines().index("        grade:") + 1
    assert finding.line > first


def test_structural_error_from_openapi_spec_validator_has_a_location(spec_copy) -> None:
    copy = spec_copy("bridge")
    copy.replace("        - name: search\n          in: query\n", "        - name: search\n          in: querystring\n")
    [finding] = only(findings_of(copy), "structure")
    assert finding.line == copy.line_of("in: querystring")
    assert "'querystring'" in finding.message or '"querystring"' in finding.message


def test_cli_exit_1_on_findings_with_file_line_and_hint(spec_copy) -> None:
    copy = spec_copy("digitalchalk")
    copy.replace("                  grade: 99.7\n", "                  grade: -1\n")
    result = run_lmskit("lint", copy.path)
    assert result.exit_code == 1
    line = copy.line_of("grade: -1")
    assert f"{copy.path}:{line}:" in result.stdout
    assert "; correct the example" in result.stdout
    assert "Traceback" not in result.stderr


def test_cli_json_output_has_a_stable_shape(spec_copy) -> None:
    copy = spec_copy("digitalchalk")
    copy.replace("                  grade: 99.7\n", "                  grade: -1\n")
    result = run_lmskit("lint", copy.path, "--format", "json")
    assert result.exit_code == 1
    payload = json.loads(result.stdout)
    [entry] = payload["specs"]
    assert entry["operations"] == 4
    [finding] = entry["findings"]
    assert set(finding) == {"rule", "path", "line", "column", "pointer", "message", "hint"}
    assert (
        finding["pointer"]
        == "/paths/~1registrations~1{id}/put/requestBody/content/application~1json/examples/assignGrade/value/grade"
    )


def test_cli_reports_the_readable_spec_and_exits_2_for_the_unreadable_one(tmp_path) -> None:
    missing = tmp_path / "nope.yaml"
    result = run_lmskit("lint", "bridge", missing)
    assert result.exit_code == 2
    assert "bridge.yaml: 5 operations, ok" in result.stderr
    assert f"lmskit: {missing}: no such file; pass the path of an OpenAPI YAML file" in result.stderr
    assert "Traceback" not in result.stderr


def test_cli_unknown_vendor_suggests_the_closest() -> None:
    result = run_lmskit("lint", "absorbb")
    assert result.exit_code == 2
    assert result.stderr.strip() == "lmskit: unknown vendor 'absorbb'; did you mean 'absorb'?"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "the file is empty"),
        ("- a\n- b\n", "the document is not a mapping"),
    ],
)
def test_cli_rejects_documents_that_are_not_specs(tmp_path, content: str, message: str) -> None:
    path = tmp_path / "odd.yaml"
    path.write_text(content, encoding="utf-8")
    result = run_lmskit("lint", path)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_contract_extension_must_name_real_operations_and_4xx_statuses(spec_copy) -> None:
    copy = spec_copy("absorb")
    copy.replace("    state-rejection-statuses: [400]\n", "    state-rejection-statuses: [500]\n")
    copy.replace(
        "    auth-probe: {operationId: listMyCourseEnrollments}\n", "    auth-probe: {operationId: listMine}\n"
    )
    copy.replace("        operationId: authenticate\n        headers:", "        operationId: login\n        headers:")
    messages = sorted(f.message for f in only(findings_of(copy), "extensions"))
    assert messages == [
        "auth-probe names no operation of this spec ({'operationId': 'listMine'})",
        "state-rejection-statuses must list 4xx status codes",
        "x-lmskit-token names no operation of this spec",
    ]
