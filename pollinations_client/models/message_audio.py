# Generated from openapi.yaml by `make generate`; do not edit.
from __future__ import annotations

# The runtime is used as `_t.*` only: a model of the API may itself be called `Model`.
from .. import types as _t


class MessageAudio(_t.Model):
    """The `MessageAudio` object of the pollinations.ai API."""

    __slots__ = ()

    transcript: _t.Field[str] = _t.Field("transcript", _t.plain("str"))
    data: _t.Field[str] = _t.Field("data", _t.plain("str"))
    id: _t.Field[str | None] = _t.Field("id", _t.plain("str"))
    expires_at: _t.Field[int | None] = _t.Field("expires_at", _t.plain("int"))
    _REQUIRED = (
        "transcript",
        "data",
    )

    def __init__(
        self,
        *,
        transcript: str,
        data: str,
        id: str | None = None,
        expires_at: int | None = None,
    ) -> None:
        self._init(
            {
                "transcript": transcript,
                "data": data,
                "id": id,
                "expires_at": expires_at,
            }
        )
