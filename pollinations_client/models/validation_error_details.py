# Generated from openapi.yaml by `make generate`; do not edit.
from __future__ import annotations

from typing import TYPE_CHECKING

# The runtime is used as `_t.*` only: a model of the API may itself be called `Model`.
from .. import types as _t

if TYPE_CHECKING:
    from ..models.validation_error_details_field_errors import ValidationErrorDetailsFieldErrors


class ValidationErrorDetails(_t.Model):
    """The `ValidationErrorDetails` object of the pollinations.ai API."""

    __slots__ = ()

    name: _t.Field[str] = _t.Field("name", _t.plain("str"))
    form_errors: _t.Field[list[str]] = _t.Field("formErrors", _t.list_of(_t.plain("str")))
    field_errors: _t.Field[ValidationErrorDetailsFieldErrors] = _t.Field(
        "fieldErrors", _t.model("ValidationErrorDetailsFieldErrors")
    )
    stack: _t.Field[str | None] = _t.Field("stack", _t.plain("str"))
    _REQUIRED = (
        "name",
        "formErrors",
        "fieldErrors",
    )

    def __init__(
        self,
        *,
        name: str,
        form_errors: list[str],
        field_errors: ValidationErrorDetailsFieldErrors,
        stack: str | None = None,
    ) -> None:
        self._init(
            {
                "name": name,
                "formErrors": form_errors,
                "fieldErrors": field_errors,
                "stack": stack,
            }
        )
