from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.choice_delta import ChoiceDelta


T = TypeVar("T", bound="ChatCompletionChunkChoice")


@functools.cache
def _lazy_imports() -> tuple[type[ChoiceDelta],]:
    """The models this one refers to, imported on first use rather than on every call.

    They cannot be imported at the top: they may import this module in turn.
    """
    from ..models.choice_delta import ChoiceDelta

    return (ChoiceDelta,)


@_attrs_define
class ChatCompletionChunkChoice:
    index: int
    delta: ChoiceDelta
    finish_reason: str | Unset | None = UNSET
    logprobs: Any | Unset = UNSET
    """ The log probabilities of this piece (a ChoiceLogprobs object), or null. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        (ChoiceDelta,) = _lazy_imports()
        index = self.index

        delta = self.delta.to_dict()

        finish_reason: str | Unset | None
        if isinstance(self.finish_reason, Unset):
            finish_reason = UNSET
        else:
            finish_reason = self.finish_reason

        logprobs = self.logprobs

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "index": index,
                "delta": delta,
            }
        )
        if finish_reason is not UNSET:
            field_dict["finish_reason"] = finish_reason
        if logprobs is not UNSET:
            field_dict["logprobs"] = logprobs

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        (ChoiceDelta,) = _lazy_imports()
        d = dict(src_dict)
        index = d.pop("index")

        delta = ChoiceDelta.from_dict(d.pop("delta"))

        finish_reason = d.pop("finish_reason", UNSET)

        logprobs = d.pop("logprobs", UNSET)

        chat_completion_chunk_choice = cls(
            index=index,
            delta=delta,
            finish_reason=finish_reason,
            logprobs=logprobs,
        )

        chat_completion_chunk_choice.additional_properties = d
        return chat_completion_chunk_choice

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
