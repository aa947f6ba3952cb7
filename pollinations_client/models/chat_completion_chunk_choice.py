# Generated from openapi.yaml by `make generate`; do not edit.
from __future__ import annotations

from typing import TYPE_CHECKING, Any

# The runtime is used as `_t.*` only: a model of the API may itself be called `Model`.
from .. import types as _t

if TYPE_CHECKING:
    from ..models.choice_delta import ChoiceDelta


class ChatCompletionChunkChoice(_t.Model):
    """The `ChatCompletionChunkChoice` object of the pollinations.ai API."""

    __slots__ = ()

    index: _t.Field[int] = _t.Field("index", _t.plain("int"))
    delta: _t.Field[ChoiceDelta] = _t.Field("delta", _t.model("ChoiceDelta"))
    finish_reason: _t.Field[str | None] = _t.Field(
        "finish_reason", _t.union(_t.plain("str"), _t.plain("None"))
    )
    logprobs: _t.Field[Any | None] = _t.Field(
        "logprobs",
        _t.plain("Any"),
        "The log probabilities of this piece (a ChoiceLogprobs object), or null.",
    )
    """The log probabilities of this piece (a ChoiceLogprobs object), or null."""
    _REQUIRED = (
        "index",
        "delta",
    )

    def __init__(
        self,
        *,
        index: int,
        delta: ChoiceDelta,
        finish_reason: str | None = None,
        logprobs: Any | None = None,
    ) -> None:
        self._init(
            {
                "index": index,
                "delta": delta,
                "finish_reason": finish_reason,
                "logprobs": logprobs,
            }
        )
