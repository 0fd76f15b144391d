"""Contract suites: run with `lmskit contract` (or `nox -s contracts`), or `pytest contracts/` directly.

Both take the same options (`--target URL`, `--profile quick|thorough`, `--allow-writes`, `--budget N`,
`--max-examples N`, `--include`/`--exclude OP`, `--seed N`, `--param NAME=VALUE`, `--max-failures N`,
`--overlay FILE`, `--no-config`; see `pytest contracts/ --help`); a live tenant's credentials and
LMSKIT_<VENDOR>_BASE_URL come from the environment. `--lmskit-junit FILE` writes JUnit with a test case per
operation and per failing check.
"""

pytest_plugins = ["lmskit.contract.pytest_hooks"]
