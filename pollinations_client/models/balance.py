# Generated from openapi.yaml by `make generate`; do not edit.
from __future__ import annotations

# The runtime is used as `_t.*` only: a model of the API may itself be called `Model`.
from .. import types as _t


class Balance(_t.Model):
    """The `Balance` object of the pollinations.ai API."""

    __slots__ = ()

    balance: _t.Field[float] = _t.Field(
        "balance",
        _t.plain("float"),
        "Remaining pollen balance (combines tier, pack, and crypto balances)",
    )
    """Remaining pollen balance (combines tier, pack, and crypto balances)"""
    _REQUIRED = ("balance",)

    def __init__(
        self,
        *,
        balance: float,
    ) -> None:
        self._init(
            {
                "balance": balance,
            }
        )
