# Generated from openapi.yaml by `make generate`; do not edit.
from __future__ import annotations

# The runtime is used as `_t.*` only: a model of the API may itself be called `Model`.
from .. import types as _t


class KeyPermissions(_t.Model):
    """API key permissions"""

    __slots__ = ()

    models: _t.Field[list[str] | None] = _t.Field(
        "models",
        _t.union(_t.list_of(_t.plain("str")), _t.plain("None")),
        "List of allowed model IDs, null = all models allowed",
    )
    """List of allowed model IDs, null = all models allowed"""
    account: _t.Field[list[str] | None] = _t.Field(
        "account",
        _t.union(_t.list_of(_t.plain("str")), _t.plain("None")),
        "List of account permissions, null = no account access",
    )
    """List of account permissions, null = no account access"""
    _REQUIRED = (
        "models",
        "account",
    )

    def __init__(
        self,
        *,
        models: list[str] | None,
        account: list[str] | None,
    ) -> None:
        self._init(
            {
                "models": models,
                "account": account,
            }
        )
