# Generated from openapi.yaml by `make generate`; do not edit.
from __future__ import annotations

# The runtime is used as `_t.*` only: a model of the API may itself be called `Model`.
from .. import types as _t


class LogitBias(_t.MappingModel):
    """The `LogitBias` object of the pollinations.ai API."""

    __slots__ = ()

    _EXTRA = _t.plain("int")

    def __init__(
        self,
        **additional_properties: int,
    ) -> None:
        self._init({}, additional_properties)

    def __getitem__(self, key: str) -> int:
        return super().__getitem__(key)  # type: ignore[no-any-return]

    def get(self, key: str, default: int | None = None) -> int | None:
        return super().get(key, default)  # type: ignore[no-any-return]
