# Generated from openapi.yaml by `make generate`; do not edit.
from __future__ import annotations

from typing import TYPE_CHECKING

# The runtime is used as `_t.*` only: a model of the API may itself be called `Model`.
from .. import types as _t

if TYPE_CHECKING:
    from ..models.cache_control_type import CacheControlType


class CacheControl(_t.Model):
    """The `CacheControl` object of the pollinations.ai API."""

    __slots__ = ()

    type_: _t.Field[CacheControlType] = _t.Field("type", _t.enum_of("CacheControlType"))
    _REQUIRED = ("type",)

    def __init__(
        self,
        *,
        type_: CacheControlType,
    ) -> None:
        self._init(
            {
                "type": type_,
            }
        )
