# Generated from openapi.yaml by `make generate`; do not edit.
from __future__ import annotations

from typing import TYPE_CHECKING

# The runtime is used as `_t.*` only: a model of the API may itself be called `Model`.
from .. import types as _t

if TYPE_CHECKING:
    from ..models.content_filter_result import ContentFilterResult


class PromptFilterResult(_t.Model):
    """The `PromptFilterResult` object of the pollinations.ai API."""

    __slots__ = ()

    prompt_index: _t.Field[int] = _t.Field("prompt_index", _t.plain("int"))
    content_filter_results: _t.Field[ContentFilterResult | None] = _t.Field(
        "content_filter_results", _t.model("ContentFilterResult")
    )
    _REQUIRED = ("prompt_index",)

    def __init__(
        self,
        *,
        prompt_index: int,
        content_filter_results: ContentFilterResult | None = None,
    ) -> None:
        self._init(
            {
                "prompt_index": prompt_index,
                "content_filter_results": content_filter_results,
            }
        )
