# Generated from openapi.yaml by `make generate`; do not edit.
from __future__ import annotations

from typing import TYPE_CHECKING

# The runtime is used as `_t.*` only: a model of the API may itself be called `Model`.
from .. import types as _t

if TYPE_CHECKING:
    from ..models.daily_usage import DailyUsage


class DailyUsageResponse(_t.Model):
    """The `DailyUsageResponse` object of the pollinations.ai API."""

    __slots__ = ()

    usage: _t.Field[list[DailyUsage]] = _t.Field(
        "usage", _t.list_of(_t.model("DailyUsage")), "Array of daily usage records"
    )
    """Array of daily usage records"""
    count: _t.Field[float] = _t.Field("count", _t.plain("float"), "Number of records returned")
    """Number of records returned"""
    _REQUIRED = (
        "usage",
        "count",
    )

    def __init__(
        self,
        *,
        usage: list[DailyUsage],
        count: float,
    ) -> None:
        self._init(
            {
                "usage": usage,
                "count": count,
            }
        )
