# Generated from openapi.yaml by `make generate`; do not edit.
from __future__ import annotations

# The runtime is used as `_t.*` only: a model of the API may itself be called `Model`.
from .. import types as _t


class DailyUsage(_t.Model):
    """The `DailyUsage` object of the pollinations.ai API."""

    __slots__ = ()

    date: _t.Field[str] = _t.Field("date", _t.plain("str"), "Date (YYYY-MM-DD format)")
    """Date (YYYY-MM-DD format)"""
    model: _t.Field[str | None] = _t.Field(
        "model", _t.union(_t.plain("str"), _t.plain("None")), "Model used"
    )
    """Model used"""
    meter_source: _t.Field[str | None] = _t.Field(
        "meter_source",
        _t.union(_t.plain("str"), _t.plain("None")),
        "Billing source ('tier', 'pack', 'crypto')",
    )
    """Billing source ('tier', 'pack', 'crypto')"""
    requests: _t.Field[float] = _t.Field("requests", _t.plain("float"), "Number of requests")
    """Number of requests"""
    cost_usd: _t.Field[float] = _t.Field("cost_usd", _t.plain("float"), "Total cost in USD")
    """Total cost in USD"""
    _REQUIRED = (
        "date",
        "model",
        "meter_source",
        "requests",
        "cost_usd",
    )

    def __init__(
        self,
        *,
        date: str,
        model: str | None,
        meter_source: str | None,
        requests: float,
        cost_usd: float,
    ) -> None:
        self._init(
            {
                "date": date,
                "model": model,
                "meter_source": meter_source,
                "requests": requests,
                "cost_usd": cost_usd,
            }
        )
