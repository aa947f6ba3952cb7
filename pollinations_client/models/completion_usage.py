# Generated from openapi.yaml by `make generate`; do not edit.
from __future__ import annotations

from typing import TYPE_CHECKING

# The runtime is used as `_t.*` only: a model of the API may itself be called `Model`.
from .. import types as _t

if TYPE_CHECKING:
    from ..models.completion_tokens_details import CompletionTokensDetails
    from ..models.prompt_tokens_details import PromptTokensDetails


class CompletionUsage(_t.Model):
    """The `CompletionUsage` object of the pollinations.ai API."""

    __slots__ = ()

    completion_tokens: _t.Field[int] = _t.Field("completion_tokens", _t.plain("int"))
    prompt_tokens: _t.Field[int] = _t.Field("prompt_tokens", _t.plain("int"))
    total_tokens: _t.Field[int] = _t.Field("total_tokens", _t.plain("int"))
    completion_tokens_details: _t.Field[CompletionTokensDetails | None] = _t.Field(
        "completion_tokens_details", _t.union(_t.model("CompletionTokensDetails"), _t.plain("None"))
    )
    prompt_tokens_details: _t.Field[PromptTokensDetails | None] = _t.Field(
        "prompt_tokens_details", _t.union(_t.model("PromptTokensDetails"), _t.plain("None"))
    )
    _REQUIRED = (
        "completion_tokens",
        "prompt_tokens",
        "total_tokens",
    )

    def __init__(
        self,
        *,
        completion_tokens: int,
        prompt_tokens: int,
        total_tokens: int,
        completion_tokens_details: CompletionTokensDetails | None = None,
        prompt_tokens_details: PromptTokensDetails | None = None,
    ) -> None:
        self._init(
            {
                "completion_tokens": completion_tokens,
                "prompt_tokens": prompt_tokens,
                "total_tokens": total_tokens,
                "completion_tokens_details": completion_tokens_details,
                "prompt_tokens_details": prompt_tokens_details,
            }
        )
