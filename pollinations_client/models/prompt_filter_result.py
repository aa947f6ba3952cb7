from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.content_filter_result import ContentFilterResult


T = TypeVar("T", bound="PromptFilterResult")


@functools.cache
def _lazy_imports() -> tuple[type[ContentFilterResult],]:
    """The models this one refers to, imported on first use rather than on every call.

    They cannot be imported at the top: they may import this module in turn.
    """
    from ..models.content_filter_result import ContentFilterResult

    return (ContentFilterResult,)


@_attrs_define
class PromptFilterResult:
    prompt_index: int
    content_filter_results: ContentFilterResult | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        (ContentFilterResult,) = _lazy_imports()
        prompt_index = self.prompt_index

        content_filter_results: dict[str, Any] | Unset = UNSET
        if not isinstance(self.content_filter_results, Unset):
            content_filter_results = self.content_filter_results.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "prompt_index": prompt_index,
            }
        )
        if content_filter_results is not UNSET:
            field_dict["content_filter_results"] = content_filter_results

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        (ContentFilterResult,) = _lazy_imports()
        d = dict(src_dict)
        prompt_index = d.pop("prompt_index")

        _content_filter_results = d.pop("content_filter_results", UNSET)
        content_filter_results: ContentFilterResult | Unset
        if isinstance(_content_filter_results, Unset):
            content_filter_results = UNSET
        else:
            content_filter_results = ContentFilterResult.from_dict(_content_filter_results)

        prompt_filter_result = cls(
            prompt_index=prompt_index,
            content_filter_results=content_filter_results,
        )

        prompt_filter_result.additional_properties = d
        return prompt_filter_result

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
