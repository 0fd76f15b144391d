"""Contains shared errors types that can be raised from API functions"""

from typing import Any


class UnexpectedStatus(Exception):
    """Raised by api functions when the response status an undocumented status and Client.raise_on_unexpected_status is True"""

    def __init__(self, status_code: int, content: bytes):
        self.status_code = status_code
        self.content = content

        super().__init__(
            f"Unexpected status code: {status_code}\n\nResponse content:\n{content.decode(errors='ignore')}"
        )


class ResponseFieldError(ValueError):
    """A response lacks a field the spec requires (or has null there): the model and field are named."""

    def __init__(self, model: str, field: str, problem: str):
        self.model = model
        self.field = field
        where = f"{model}.{field}" if field else model
        super().__init__(f"{where} {problem}")


class UnparseableResponse(ResponseFieldError):
    """An answer the client cannot read as the spec describes (a foreign error body, an id that is not a GUID, a
    missing required field): the answer is kept whole — ``status_code``, ``headers``, ``content`` — and the
    reason is ``__cause__``. A tolerant reader never loses the status code to a parse error."""

    def __init__(self, status_code: int, content: bytes, headers: Any, error: Exception):
        self.status_code = status_code
        self.content = content
        self.headers = headers
        model = getattr(error, "model", "response")
        field = getattr(error, "field", "")
        reason = str(error) if isinstance(error, ResponseFieldError) else f"{type(error).__name__}: {error}"
        super().__init__(model, field, f"(HTTP {status_code}) could not be read: {reason}")
        self.args = (f"HTTP {status_code}: the answer could not be read as the spec describes ({reason})",)


__all__ = ["ResponseFieldError", "UnexpectedStatus", "UnparseableResponse"]
