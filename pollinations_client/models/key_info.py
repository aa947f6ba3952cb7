# Generated from openapi.yaml by `make generate`; do not edit.
from __future__ import annotations

from typing import TYPE_CHECKING

# The runtime is used as `_t.*` only: a model of the API may itself be called `Model`.
from .. import types as _t

if TYPE_CHECKING:
    from ..models.key_permissions import KeyPermissions
    from ..models.key_type import KeyType


class KeyInfo(_t.Model):
    """The `KeyInfo` object of the pollinations.ai API."""

    __slots__ = ()

    valid: _t.Field[bool] = _t.Field(
        "valid", _t.plain("bool"), "Whether the API key is valid and active"
    )
    """Whether the API key is valid and active"""
    type_: _t.Field[KeyType | str] = _t.Field(
        "type", _t.union(_t.enum_of("KeyType"), _t.plain("str")), "Type of API key"
    )
    """Type of API key"""
    name: _t.Field[str | None] = _t.Field(
        "name", _t.union(_t.plain("str"), _t.plain("None")), "Display name of the API key"
    )
    """Display name of the API key"""
    expires_at: _t.Field[str | None] = _t.Field(
        "expiresAt",
        _t.union(_t.plain("str"), _t.plain("None")),
        "Expiry timestamp in ISO 8601 format, null if never expires",
    )
    """Expiry timestamp in ISO 8601 format, null if never expires"""
    expires_in: _t.Field[float | None] = _t.Field(
        "expiresIn",
        _t.union(_t.plain("float"), _t.plain("None")),
        "Seconds until expiry, null if never expires",
    )
    """Seconds until expiry, null if never expires"""
    permissions: _t.Field[KeyPermissions] = _t.Field(
        "permissions", _t.model("KeyPermissions"), "API key permissions"
    )
    """API key permissions"""
    pollen_budget: _t.Field[float | None] = _t.Field(
        "pollenBudget",
        _t.union(_t.plain("float"), _t.plain("None")),
        "Remaining pollen budget for this key, null = unlimited (uses user balance)",
    )
    """Remaining pollen budget for this key, null = unlimited (uses user balance)"""
    rate_limit_enabled: _t.Field[bool] = _t.Field(
        "rateLimitEnabled", _t.plain("bool"), "Whether rate limiting is enabled for this key"
    )
    """Whether rate limiting is enabled for this key"""
    _REQUIRED = (
        "valid",
        "type",
        "name",
        "expiresAt",
        "expiresIn",
        "permissions",
        "pollenBudget",
        "rateLimitEnabled",
    )

    def __init__(
        self,
        *,
        valid: bool,
        type_: KeyType | str,
        name: str | None,
        expires_at: str | None,
        expires_in: float | None,
        permissions: KeyPermissions,
        pollen_budget: float | None,
        rate_limit_enabled: bool,
    ) -> None:
        self._init(
            {
                "valid": valid,
                "type": type_,
                "name": name,
                "expiresAt": expires_at,
                "expiresIn": expires_in,
                "permissions": permissions,
                "pollenBudget": pollen_budget,
                "rateLimitEnabled": rate_limit_enabled,
            }
        )
