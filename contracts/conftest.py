"""Contract suites: run with `lmskit contract` (or `nox -s contracts`), or `pytest contracts/` directly.

Target and profile come from the environment (`lmskit contract` sets them): LMSKIT_<VENDOR>_BASE_URL for
a live tenant, LMSKIT_CONTRACT_PROFILE=quick|thorough, LMSKIT_CONTRACT_ALLOW_WRITES=1, LMSKIT_CONTRACT_BUDGET.
"""

pytest_plugins = ["lmskit.contract.pytest_hooks"]
