# Generated from openapi.yaml by `make generate`; do not edit.
from __future__ import annotations

# The runtime is used as `_t.*` only: a model of the API may itself be called `Model`.
from .. import types as _t


class StreamOptions(_t.Model):
    """The `StreamOptions` object of the pollinations.ai API."""

    __slots__ = ()

    include_usage: _t.Field[bool | None] = _t.Field("include_usage", _t.plain("bool"))

    def __init__(
        self,
        *,
        include_usage: bool | None = None,
    ) -> None:
        self._init(
            {
                "include_usage": include_usage,
            }
        )
