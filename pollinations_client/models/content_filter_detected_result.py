# Generated from openapi.yaml by `make generate`; do not edit.
from __future__ import annotations

# The runtime is used as `_t.*` only: a model of the API may itself be called `Model`.
from .. import types as _t


class ContentFilterDetectedResult(_t.Model):
    """The `ContentFilterDetectedResult` object of the pollinations.ai API."""

    __slots__ = ()

    filtered: _t.Field[bool] = _t.Field("filtered", _t.plain("bool"))
    detected: _t.Field[bool] = _t.Field("detected", _t.plain("bool"))
    _REQUIRED = (
        "filtered",
        "detected",
    )

    def __init__(
        self,
        *,
        filtered: bool,
        detected: bool,
    ) -> None:
        self._init(
            {
                "filtered": filtered,
                "detected": detected,
            }
        )
