"""The absorb contract: every documented operation against the target, all schemathesis phases and checks,
stateful workflows through the spec's links, and the plain auth tests. The contract plugin
(lmskit.contract.pytest_hooks) collects them for the VendorContract below (see lmskit.contract.suite)."""

from lmskit.contract.suite import VendorContract

contract = VendorContract("absorb")
