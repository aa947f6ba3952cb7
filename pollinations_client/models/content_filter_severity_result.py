# Generated from openapi.yaml by `make generate`; do not edit.
from __future__ import annotations

from typing import TYPE_CHECKING

# The runtime is used as `_t.*` only: a model of the API may itself be called `Model`.
from .. import types as _t

if TYPE_CHECKING:
    from ..models.content_filter_severity import ContentFilterSeverity


class ContentFilterSeverityResult(_t.Model):
    """The `ContentFilterSeverityResult` object of the pollinations.ai API."""

    __slots__ = ()

    filtered: _t.Field[bool] = _t.Field("filtered", _t.plain("bool"))
    severity: _t.Field[ContentFilterSeverity] = _t.Field(
        "severity", _t.enum_of("ContentFilterSeverity")
    )
    _REQUIRED = (
        "filtered",
        "severity",
    )

    def __init__(
        self,
        *,
        filtered: bool,
        severity: ContentFilterSeverity,
    ) -> None:
        self._init(
            {
                "filtered": filtered,
                "severity": severity,
            }
        )
