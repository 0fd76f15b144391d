"""``lmskit operations``: the operation table of every vendor spec (the README's table comes from here)."""

from __future__ import annotations

from typing import Annotated

import typer

from lmskit.cli._apis import NoConfigOption, OverlayOption, apis_for, vendor_names


def operations_command(
    vendors: Annotated[list[str] | None, typer.Argument(help="Vendor names (default: all).")] = None,
    overlay: OverlayOption = None,
    no_config: NoConfigOption = False,
) -> None:
    """Print a Markdown table: vendor, operationId, method, path.

    Example: lmskit operations absorb
    """
    apis = apis_for(vendor_names(vendors), overlay, no_config)  # first: a wrong name prints no half table
    print("| vendor | operationId | method | path |")
    print("|---|---|---|---|")
    for name, api in apis.items():
        for operation in api.operations.values():
            print(f"| {name} | `{operation.operation_id}` | {operation.method.upper()} | `{operation.path}` |")
