"""The digitalchalk contract: every documented operation against the target, all schemathesis phases and checks,
stateful workflows through the spec's links, and the plain auth tests (see lmskit.contract.suite)."""

from lmskit.contract.suite import contract_tests

globals().update(contract_tests("digitalchalk"))
