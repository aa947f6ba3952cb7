from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.tool_call_delta import ToolCallDelta


T = TypeVar("T", bound="ChoiceDelta")


@functools.cache
def _lazy_imports() -> tuple[type[ToolCallDelta],]:
    """The models this one refers to, imported on first use rather than on every call.

    They cannot be imported at the top: they may import this module in turn.
    """
    from ..models.tool_call_delta import ToolCallDelta

    return (ToolCallDelta,)


@_attrs_define
class ChoiceDelta:
    role: str | Unset = UNSET
    content: str | Unset | None = UNSET
    reasoning_content: str | Unset | None = UNSET
    tool_calls: list[ToolCallDelta] | Unset | None = UNSET
    content_blocks: list[Any] | Unset | None = UNSET
    """ Pieces of the answer's content blocks (text, image_url, thinking), as the gateway passes them on. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        (ToolCallDelta,) = _lazy_imports()
        role = self.role

        content: str | Unset | None
        if isinstance(self.content, Unset):
            content = UNSET
        else:
            content = self.content

        reasoning_content: str | Unset | None
        if isinstance(self.reasoning_content, Unset):
            reasoning_content = UNSET
        else:
            reasoning_content = self.reasoning_content

        tool_calls: list[dict[str, Any]] | Unset | None
        if isinstance(self.tool_calls, Unset):
            tool_calls = UNSET
        elif isinstance(self.tool_calls, list):
            tool_calls = []
            for tool_calls_type_0_item_data in self.tool_calls:
                tool_calls_type_0_item = tool_calls_type_0_item_data.to_dict()
                tool_calls.append(tool_calls_type_0_item)

        else:
            tool_calls = self.tool_calls

        content_blocks: list[Any] | Unset | None
        if isinstance(self.content_blocks, Unset):
            content_blocks = UNSET
        elif isinstance(self.content_blocks, list):
            content_blocks = self.content_blocks

        else:
            content_blocks = self.content_blocks

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if role is not UNSET:
            field_dict["role"] = role
        if content is not UNSET:
            field_dict["content"] = content
        if reasoning_content is not UNSET:
            field_dict["reasoning_content"] = reasoning_content
        if tool_calls is not UNSET:
            field_dict["tool_calls"] = tool_calls
        if content_blocks is not UNSET:
            field_dict["content_blocks"] = content_blocks

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        (ToolCallDelta,) = _lazy_imports()
        d = dict(src_dict)
        role = d.pop("role", UNSET)

        content = d.pop("content", UNSET)

        reasoning_content = d.pop("reasoning_content", UNSET)

        tool_calls = d.pop("tool_calls", UNSET)
        if tool_calls is not None and not isinstance(tool_calls, Unset):

            def _parse_tool_calls(data: object) -> list[ToolCallDelta] | Unset | None:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                try:
                    if not isinstance(data, list):
                        raise TypeError()
                    tool_calls_type_0 = []
                    _tool_calls_type_0 = data
                    for tool_calls_type_0_item_data in _tool_calls_type_0:
                        tool_calls_type_0_item = ToolCallDelta.from_dict(
                            tool_calls_type_0_item_data
                        )

                        tool_calls_type_0.append(tool_calls_type_0_item)

                    return tool_calls_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(list[ToolCallDelta] | None | Unset, data)

            tool_calls = _parse_tool_calls(tool_calls)

        content_blocks = d.pop("content_blocks", UNSET)
        if content_blocks is not None and not isinstance(content_blocks, Unset):

            def _parse_content_blocks(data: object) -> list[Any] | Unset | None:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                try:
                    if not isinstance(data, list):
                        raise TypeError()
                    content_blocks_type_0 = data

                    return content_blocks_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(list[Any] | None | Unset, data)

            content_blocks = _parse_content_blocks(content_blocks)

        choice_delta = cls(
            role=role,
            content=content,
            reasoning_content=reasoning_content,
            tool_calls=tool_calls,
            content_blocks=content_blocks,
        )

        choice_delta.additional_properties = d
        return choice_delta

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
