"""JUnit XML: one test suite per operation, one test case per response."""

from __future__ import annotations

from collections import defaultdict
from xml.etree import ElementTree

from lmskit.validation.results import RunReport, ValidationResult


def junit_xml(report: RunReport) -> str:
    groups: dict[str, list[ValidationResult]] = defaultdict(list)
    for result in report.results:
        groups[f"{result.vendor} {result.operation}"].append(result)
    root = ElementTree.Element(
        "testsuites", name="lmskit validate", tests=str(len(report.results)), failures=str(report.invalid)
    )
    for name in sorted(groups):
        results = groups[name]
        suite = ElementTree.SubElement(
            root, "testsuite", name=name, tests=str(len(results)), failures=str(sum(not r.valid for r in results))
        )
        for result in results:
            case = ElementTree.SubElement(suite, "testcase", classname=name, name=f"{result.source} [{result.status}]")
            if not result.valid:
                text = "\n".join(f"{issue.pointer or '/'}: {issue.message}" for issue in result.errors)
                failure = ElementTree.SubElement(case, "failure", message=result.errors[0].message)
                failure.text = text
    ElementTree.indent(root)
    return ElementTree.tostring(root, encoding="unicode", xml_declaration=True)
