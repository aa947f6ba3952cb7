# Generated from openapi.yaml by `make generate`; do not edit.
from __future__ import annotations

from typing import TYPE_CHECKING

# The runtime is used as `_t.*` only: a model of the API may itself be called `Model`.
from .. import types as _t

if TYPE_CHECKING:
    from ..models.token_logprob import TokenLogprob


class ChoiceLogprobs(_t.Model):
    """The `ChoiceLogprobs` object of the pollinations.ai API."""

    __slots__ = ()

    content: _t.Field[list[TokenLogprob] | None] = _t.Field(
        "content", _t.union(_t.list_of(_t.model("TokenLogprob")), _t.plain("None"))
    )
    _REQUIRED = ("content",)

    def __init__(
        self,
        *,
        content: list[TokenLogprob] | None,
    ) -> None:
        self._init(
            {
                "content": content,
            }
        )
