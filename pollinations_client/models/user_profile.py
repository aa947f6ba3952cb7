# Generated from openapi.yaml by `make generate`; do not edit.
from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

# The runtime is used as `_t.*` only: a model of the API may itself be called `Model`.
from .. import types as _t

if TYPE_CHECKING:
    from ..models.tier import Tier


class UserProfile(_t.Model):
    """The `UserProfile` object of the pollinations.ai API."""

    __slots__ = ()

    name: _t.Field[str | None] = _t.Field(
        "name", _t.union(_t.plain("str"), _t.plain("None")), "User's display name"
    )
    """User's display name"""
    email: _t.Field[str | None] = _t.Field(
        "email", _t.union(_t.plain("str"), _t.plain("None")), "User's email address"
    )
    """User's email address"""
    github_username: _t.Field[str | None] = _t.Field(
        "githubUsername", _t.union(_t.plain("str"), _t.plain("None")), "GitHub username if linked"
    )
    """GitHub username if linked"""
    image: _t.Field[str | None] = _t.Field(
        "image",
        _t.union(_t.plain("str"), _t.plain("None")),
        "Profile picture URL (e.g. GitHub avatar)",
    )
    """Profile picture URL (e.g. GitHub avatar)"""
    tier: _t.Field[str | Tier] = _t.Field(
        "tier", _t.union(_t.enum_of("Tier"), _t.plain("str")), "User's current tier level"
    )
    """User's current tier level"""
    created_at: _t.Field[datetime.datetime] = _t.Field(
        "createdAt", _t.DATETIME, "Account creation timestamp (ISO 8601)"
    )
    """Account creation timestamp (ISO 8601)"""
    next_reset_at: _t.Field[datetime.datetime | None] = _t.Field(
        "nextResetAt",
        _t.union(_t.DATETIME, _t.plain("None")),
        "Next daily pollen reset timestamp (ISO 8601)",
    )
    """Next daily pollen reset timestamp (ISO 8601)"""
    _REQUIRED = (
        "name",
        "email",
        "githubUsername",
        "image",
        "tier",
        "createdAt",
        "nextResetAt",
    )

    def __init__(
        self,
        *,
        name: str | None,
        email: str | None,
        github_username: str | None,
        image: str | None,
        tier: str | Tier,
        created_at: datetime.datetime,
        next_reset_at: datetime.datetime | None,
    ) -> None:
        self._init(
            {
                "name": name,
                "email": email,
                "githubUsername": github_username,
                "image": image,
                "tier": tier,
                "createdAt": created_at,
                "nextResetAt": next_reset_at,
            }
        )
