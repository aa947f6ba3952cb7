# Generated from openapi.yaml by `make generate`; do not edit.
from __future__ import annotations

from typing import TYPE_CHECKING

# The runtime is used as `_t.*` only: a model of the API may itself be called `Model`.
from .. import types as _t

if TYPE_CHECKING:
    from ..models.validation_error_info import ValidationErrorInfo


class ValidationErrorResponse(_t.Model):
    """The `ValidationErrorResponse` object of the pollinations.ai API."""

    __slots__ = ()

    status: _t.Field[float] = _t.Field("status", _t.plain("float"))
    success: _t.Field[bool] = _t.Field("success", _t.plain("bool"))
    error: _t.Field[ValidationErrorInfo] = _t.Field("error", _t.model("ValidationErrorInfo"))
    _REQUIRED = (
        "status",
        "success",
        "error",
    )

    def __init__(
        self,
        *,
        status: float,
        success: bool,
        error: ValidationErrorInfo,
    ) -> None:
        self._init(
            {
                "status": status,
                "success": success,
                "error": error,
            }
        )
