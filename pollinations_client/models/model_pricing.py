# Generated from openapi.yaml by `make generate`; do not edit.
from __future__ import annotations

# The runtime is used as `_t.*` only: a model of the API may itself be called `Model`.
from .. import types as _t


class ModelPricing(_t.MappingModel):
    """Price per unit of each meter, and the currency they are in."""

    __slots__ = ()

    currency: _t.Field[str] = _t.Field("currency", _t.plain("str"))
    _REQUIRED = ("currency",)
    _EXTRA = _t.plain("float")

    def __init__(
        self,
        *,
        currency: str,
        **additional_properties: float,
    ) -> None:
        self._init(
            {
                "currency": currency,
            },
            additional_properties,
        )

    def __getitem__(self, key: str) -> float:
        return super().__getitem__(key)  # type: ignore[no-any-return]

    def get(self, key: str, default: float | None = None) -> float | None:
        return super().get(key, default)  # type: ignore[no-any-return]
