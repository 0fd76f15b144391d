"""``lmskit operations``: the operation table of every vendor spec (the README's table comes from here)."""

from __future__ import annotations

from typing import Annotated

import typer

from lmskit.spec.loader import load_spec
from lmskit.spec.operations import iter_operations
from lmskit.vendors import VENDORS, get_vendor


def operations_command(
    vendors: Annotated[list[str] | None, typer.Argument(help="Vendor names (default: all).")] = None,
) -> None:
    """Print a Markdown table: vendor, operationId, method, path."""
    print("| vendor | operationId | method | path |")
    print("|---|---|---|---|")
    for vendor in [get_vendor(name) for name in vendors] if vendors else VENDORS.values():
        spec = load_spec(vendor.spec_path)
        for operation in iter_operations(spec.document):
            print(f"| {vendor.name} | `{operation.operation_id}` | {operation.method.upper()} | `{operation.path}` |")
