"""What a fake's handler raises to answer with the vendor's documented error shape."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(eq=False)
class ApiError(Exception):
    """An error answer: status, a message, and optionally the field it concerns.

    Each vendor renders it in its own documented body (DigitalChalk ``{errors, fieldErrors}``, Bridge
    ``{errors: [{code, title, detail}]}``, Absorb ``GenericErrorResponse``).
    """

    status: int
    message: str
    field_name: str | None = None
    code: str | None = None
    headers: dict[str, str] = field(default_factory=dict)

    def __str__(self) -> str:
        return f"{self.status}: {self.message}"
