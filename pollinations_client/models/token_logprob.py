# Generated from openapi.yaml by `make generate`; do not edit.
from __future__ import annotations

from typing import TYPE_CHECKING

# The runtime is used as `_t.*` only: a model of the API may itself be called `Model`.
from .. import types as _t

if TYPE_CHECKING:
    from ..models.top_logprob import TopLogprob


class TokenLogprob(_t.Model):
    """The `TokenLogprob` object of the pollinations.ai API."""

    __slots__ = ()

    token: _t.Field[str] = _t.Field("token", _t.plain("str"))
    logprob: _t.Field[float] = _t.Field("logprob", _t.plain("float"))
    bytes_: _t.Field[list[int] | None] = _t.Field(
        "bytes", _t.union(_t.list_of(_t.plain("int")), _t.plain("None"))
    )
    top_logprobs: _t.Field[list[TopLogprob]] = _t.Field(
        "top_logprobs", _t.list_of(_t.model("TopLogprob"))
    )
    _REQUIRED = (
        "token",
        "logprob",
        "bytes",
        "top_logprobs",
    )

    def __init__(
        self,
        *,
        token: str,
        logprob: float,
        bytes_: list[int] | None,
        top_logprobs: list[TopLogprob],
    ) -> None:
        self._init(
            {
                "token": token,
                "logprob": logprob,
                "bytes": bytes_,
                "top_logprobs": top_logprobs,
            }
        )
