# Generated from openapi.yaml by `make generate`; do not edit.
from __future__ import annotations

from typing import TYPE_CHECKING, Literal

# The runtime is used as `_t.*` only: a model of the API may itself be called `Model`.
from .. import types as _t

if TYPE_CHECKING:
    from ..models.chat_completion_choice import ChatCompletionChoice
    from ..models.completion_usage import CompletionUsage
    from ..models.prompt_filter_result import PromptFilterResult
    from ..models.tier import Tier


class ChatCompletion(_t.Model):
    """The `ChatCompletion` object of the pollinations.ai API."""

    __slots__ = ()

    id: _t.Field[str] = _t.Field("id", _t.plain("str"))
    choices: _t.Field[list[ChatCompletionChoice]] = _t.Field(
        "choices", _t.list_of(_t.model("ChatCompletionChoice"))
    )
    created: _t.Field[int] = _t.Field("created", _t.plain("int"))
    model: _t.Field[str] = _t.Field("model", _t.plain("str"))
    object_: _t.Field[Literal["chat.completion"]] = _t.Field("object", _t.const("chat.completion"))
    usage: _t.Field[CompletionUsage] = _t.Field("usage", _t.model("CompletionUsage"))
    prompt_filter_results: _t.Field[list[PromptFilterResult] | None] = _t.Field(
        "prompt_filter_results",
        _t.union(_t.list_of(_t.model("PromptFilterResult")), _t.plain("None")),
    )
    system_fingerprint: _t.Field[str | None] = _t.Field(
        "system_fingerprint", _t.union(_t.plain("str"), _t.plain("None"))
    )
    user_tier: _t.Field[str | Tier | None] = _t.Field(
        "user_tier", _t.union(_t.enum_of("Tier"), _t.plain("str"))
    )
    citations: _t.Field[list[str] | None] = _t.Field("citations", _t.list_of(_t.plain("str")))
    _CONSTS = {
        "object": "chat.completion",
    }
    _REQUIRED = (
        "id",
        "choices",
        "created",
        "model",
        "object",
        "usage",
    )

    def __init__(
        self,
        *,
        id: str,
        choices: list[ChatCompletionChoice],
        created: int,
        model: str,
        usage: CompletionUsage,
        object_: Literal["chat.completion"] = "chat.completion",
        prompt_filter_results: list[PromptFilterResult] | None = None,
        system_fingerprint: str | None = None,
        user_tier: str | Tier | None = None,
        citations: list[str] | None = None,
    ) -> None:
        self._init(
            {
                "id": id,
                "choices": choices,
                "created": created,
                "model": model,
                "object": object_,
                "usage": usage,
                "prompt_filter_results": prompt_filter_results,
                "system_fingerprint": system_fingerprint,
                "user_tier": user_tier,
                "citations": citations,
            }
        )
