# Generated from openapi.yaml by `make generate`; do not edit.
from __future__ import annotations

# The runtime is used as `_t.*` only: a model of the API may itself be called `Model`.
from .. import types as _t


class NamedFunctionCall(_t.Model):
    """The `NamedFunctionCall` object of the pollinations.ai API."""

    __slots__ = ()

    name: _t.Field[str] = _t.Field("name", _t.plain("str"))
    _REQUIRED = ("name",)

    def __init__(
        self,
        *,
        name: str,
    ) -> None:
        self._init(
            {
                "name": name,
            }
        )
