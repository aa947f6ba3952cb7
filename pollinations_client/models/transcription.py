# Generated from openapi.yaml by `make generate`; do not edit.
from __future__ import annotations

# The runtime is used as `_t.*` only: a model of the API may itself be called `Model`.
from .. import types as _t


class Transcription(_t.Model):
    """The `Transcription` object of the pollinations.ai API."""

    __slots__ = ()

    text: _t.Field[str | None] = _t.Field("text", _t.plain("str"))

    def __init__(
        self,
        *,
        text: str | None = None,
    ) -> None:
        self._init(
            {
                "text": text,
            }
        )
