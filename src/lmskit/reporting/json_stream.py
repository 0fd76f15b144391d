"""``--format json``, written as the results arrive: memory stays flat however large the capture.

    {"results": [{...}, ...], "files": 3, "valid": 10, "invalid": 1, "skipped": 0, "not_covered": [...],
     "unusable": [...], "drift": [...]}

Each result lists at most ten issues of a kind and counts the rest in ``more_errors`` / ``more_warnings``.
"""

from __future__ import annotations

import json
from typing import TextIO

from lmskit.validation.drift import DriftItem
from lmskit.validation.results import RunReport, ValidationResult


class JsonReporter:
    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self._first = True
        self.stream.write('{\n  "results": [')

    def __call__(self, result: ValidationResult) -> None:
        self.stream.write(("\n    " if self._first else ",\n    ") + json.dumps(result.to_json()))
        self._first = False

    def finish(self, report: RunReport, drift: list[DriftItem] | None = None) -> None:
        self.stream.write("\n  ]" if not self._first else "]")
        tail = report.counts_json()
        if drift is not None:
            tail["drift"] = [item.to_json() for item in drift]
        for key, value in tail.items():
            self.stream.write(f',\n  "{key}": {json.dumps(value)}')
        self.stream.write("\n}\n")
