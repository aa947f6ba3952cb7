# Generated from openapi.yaml by `make generate`; do not edit.
from __future__ import annotations

from typing import TYPE_CHECKING

# The runtime is used as `_t.*` only: a model of the API may itself be called `Model`.
from .. import types as _t

if TYPE_CHECKING:
    from ..models.chat_completion_message import ChatCompletionMessage
    from ..models.choice_logprobs import ChoiceLogprobs
    from ..models.content_filter_result import ContentFilterResult


class ChatCompletionChoice(_t.Model):
    """The `ChatCompletionChoice` object of the pollinations.ai API."""

    __slots__ = ()

    index: _t.Field[int] = _t.Field("index", _t.plain("int"))
    message: _t.Field[ChatCompletionMessage] = _t.Field(
        "message", _t.model("ChatCompletionMessage")
    )
    finish_reason: _t.Field[str | None] = _t.Field(
        "finish_reason", _t.union(_t.plain("str"), _t.plain("None"))
    )
    logprobs: _t.Field[ChoiceLogprobs | None] = _t.Field(
        "logprobs", _t.union(_t.model("ChoiceLogprobs"), _t.plain("None"))
    )
    content_filter_results: _t.Field[ContentFilterResult | None] = _t.Field(
        "content_filter_results", _t.union(_t.model("ContentFilterResult"), _t.plain("None"))
    )
    _REQUIRED = (
        "index",
        "message",
    )

    def __init__(
        self,
        *,
        index: int,
        message: ChatCompletionMessage,
        finish_reason: str | None = None,
        logprobs: ChoiceLogprobs | None = None,
        content_filter_results: ContentFilterResult | None = None,
    ) -> None:
        self._init(
            {
                "index": index,
                "message": message,
                "finish_reason": finish_reason,
                "logprobs": logprobs,
                "content_filter_results": content_filter_results,
            }
        )
