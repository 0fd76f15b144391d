"""Contract runs: schemathesis suites against a fake (in-process) or a live tenant (read-only unless told)."""
