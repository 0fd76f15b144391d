"""The bridge contract: every documented operation against the target, all schemathesis phases and checks."""

from lmskit.contract.suite import RunOptions, Suite

suite = Suite("bridge", RunOptions.from_env("bridge"))
schema = suite.schema


@schema.parametrize()
def test_conformance(case) -> None:
    suite.call_and_validate(case)


TestWorkflows = suite.state_machine_test()


def test_valid_credentials_get_2xx() -> None:
    status = suite.probe(suite.authenticator.current())
    assert 200 <= status < 300, f"the auth probe answered {status} with the configured credentials"


def test_wrong_credentials_get_401() -> None:
    status = suite.probe(suite.authenticator.wrong_headers())
    assert status == 401, f"the auth probe answered {status} with wrong credentials, not 401"
