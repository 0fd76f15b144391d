from __future__ import annotations

from lmskit.cli import main

main()
