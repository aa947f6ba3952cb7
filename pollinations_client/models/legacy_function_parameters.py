# Generated from openapi.yaml by `make generate`; do not edit.
from __future__ import annotations

from typing import Any

# The runtime is used as `_t.*` only: a model of the API may itself be called `Model`.
from .. import types as _t


class LegacyFunctionParameters(_t.MappingModel):
    """The `LegacyFunctionParameters` object of the pollinations.ai API."""

    __slots__ = ()

    def __init__(
        self,
        **additional_properties: Any,
    ) -> None:
        self._init({}, additional_properties)
