# Generated from openapi.yaml by `make generate`; do not edit.
from __future__ import annotations

# The runtime is used as `_t.*` only: a model of the API may itself be called `Model`.
from .. import types as _t


class ValidationErrorDetailsFieldErrors(_t.MappingModel):
    """The `ValidationErrorDetailsFieldErrors` object of the pollinations.ai API."""

    __slots__ = ()

    _EXTRA = _t.list_of(_t.plain("str"))

    def __init__(
        self,
        **additional_properties: list[str],
    ) -> None:
        self._init({}, additional_properties)

    def __getitem__(self, key: str) -> list[str]:
        return super().__getitem__(key)  # type: ignore[no-any-return]

    def get(self, key: str, default: list[str] | None = None) -> list[str] | None:
        return super().get(key, default)  # type: ignore[no-any-return]
