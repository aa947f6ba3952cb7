# Generated from openapi.yaml by `make generate`; do not edit.
from __future__ import annotations

from typing import TYPE_CHECKING

# The runtime is used as `_t.*` only: a model of the API may itself be called `Model`.
from .. import types as _t

if TYPE_CHECKING:
    from ..models.chat_completion_chunk_choice import ChatCompletionChunkChoice
    from ..models.completion_usage import CompletionUsage


class ChatCompletionChunk(_t.Model):
    """One server-sent event of a streamed chat completion (`data: <chunk>`). The stream ends with
    `data: [DONE]`."""

    __slots__ = ()

    id: _t.Field[str] = _t.Field("id", _t.plain("str"))
    object_: _t.Field[str] = _t.Field("object", _t.plain("str"))
    created: _t.Field[int] = _t.Field("created", _t.plain("int"))
    model: _t.Field[str] = _t.Field("model", _t.plain("str"))
    choices: _t.Field[list[ChatCompletionChunkChoice]] = _t.Field(
        "choices", _t.list_of(_t.model("ChatCompletionChunkChoice"))
    )
    system_fingerprint: _t.Field[str | None] = _t.Field(
        "system_fingerprint", _t.union(_t.plain("str"), _t.plain("None"))
    )
    usage: _t.Field[CompletionUsage | None] = _t.Field(
        "usage", _t.union(_t.model("CompletionUsage"), _t.plain("None"))
    )
    citations: _t.Field[list[str] | None] = _t.Field("citations", _t.list_of(_t.plain("str")))
    user_tier: _t.Field[str | None] = _t.Field("user_tier", _t.plain("str"))
    _REQUIRED = (
        "id",
        "object",
        "created",
        "model",
        "choices",
    )

    def __init__(
        self,
        *,
        id: str,
        object_: str,
        created: int,
        model: str,
        choices: list[ChatCompletionChunkChoice],
        system_fingerprint: str | None = None,
        usage: CompletionUsage | None = None,
        citations: list[str] | None = None,
        user_tier: str | None = None,
    ) -> None:
        self._init(
            {
                "id": id,
                "object": object_,
                "created": created,
                "model": model,
                "choices": choices,
                "system_fingerprint": system_fingerprint,
                "usage": usage,
                "citations": citations,
                "user_tier": user_tier,
            }
        )
