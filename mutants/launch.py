"""Run one tool against a bundled fake with one fault of the corpus applied, in this process.

    python -m mutants.launch FAULT contract VENDOR [lmskit contract options…]   # the kit's suite, in-process
    python -m mutants.launch FAULT plain VENDOR [schemathesis run options…]     # plain schemathesis, served fake
    python -m mutants.launch none plain VENDOR                                 # the unmodified fake

The exit code is the tool's: 0 means the fault got through.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main(argv: list[str]) -> int:
    if len(argv) < 3 or argv[1] not in ("contract", "plain"):
        print(__doc__, file=sys.stderr)
        return 2
    name, tool, vendor, *rest = argv
    if name != "none":
        from mutants.faults import BY_NAME

        BY_NAME[name].apply()
    if tool == "contract":
        from lmskit.cli import main as lmskit

        sys.argv = ["lmskit", "contract", vendor, *rest]
        try:
            lmskit()
        except SystemExit as exc:
            return int(exc.code or 0) if not isinstance(exc.code, str) else 2
        return 0
    return plain(vendor, rest)


def plain(vendor: str, rest: list[str]) -> int:
    """Serve the (faulty) fake on loopback and point `schemathesis run` at it, with the kit's schemathesis.toml
    and credential headers, as docs/contracts.md tells a user to."""
    from lmskit.contract.auth import Authenticator
    from lmskit.contract.targets import fake_target
    from lmskit.fakes import get_fake
    from lmskit.fakes.app import build_app
    from lmskit.fakes.server import FakeServer
    from lmskit.spec.api import load_api

    api = load_api(vendor)
    app = build_app(get_fake(vendor), api=api, strict=True)
    with FakeServer(app) as server:
        # The token a user fetches with curl before the run (Absorb's /authenticate), from the same fake.
        target = fake_target(api, app)
        headers = Authenticator(api, target.credentials, target.send).current()
        command = [sys.executable, "-m", "schemathesis.cli", "run", str(REPO / "specs" / f"{vendor}.yaml")]
        command += ["--url", server.base_url, "--checks", "all", *rest]
        for header, value in headers.items():
            command += ["-H", f"{header}: {value}"]
        return subprocess.run(command, cwd=REPO, check=False).returncode


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
