# Generated from openapi.yaml by `make generate`; do not edit.
from __future__ import annotations

# The runtime is used as `_t.*` only: a model of the API may itself be called `Model`.
from .. import types as _t


class TopLogprob(_t.Model):
    """The `TopLogprob` object of the pollinations.ai API."""

    __slots__ = ()

    token: _t.Field[str] = _t.Field("token", _t.plain("str"))
    logprob: _t.Field[float] = _t.Field("logprob", _t.plain("float"))
    bytes_: _t.Field[list[int] | None] = _t.Field(
        "bytes", _t.union(_t.list_of(_t.plain("int")), _t.plain("None"))
    )
    _REQUIRED = (
        "token",
        "logprob",
        "bytes",
    )

    def __init__(
        self,
        *,
        token: str,
        logprob: float,
        bytes_: list[int] | None,
    ) -> None:
        self._init(
            {
                "token": token,
                "logprob": logprob,
                "bytes": bytes_,
            }
        )
