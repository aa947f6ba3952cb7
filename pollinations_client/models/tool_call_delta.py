from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.tool_call_function_delta import ToolCallFunctionDelta


T = TypeVar("T", bound="ToolCallDelta")


@functools.cache
def _lazy_imports() -> tuple[type[ToolCallFunctionDelta],]:
    """The models this one refers to, imported on first use rather than on every call.

    They cannot be imported at the top: they may import this module in turn.
    """
    from ..models.tool_call_function_delta import ToolCallFunctionDelta

    return (ToolCallFunctionDelta,)


@_attrs_define
class ToolCallDelta:
    index: int
    id: str | Unset = UNSET
    type_: str | Unset = UNSET
    function: ToolCallFunctionDelta | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        (ToolCallFunctionDelta,) = _lazy_imports()
        index = self.index

        id = self.id

        type_ = self.type_

        function: dict[str, Any] | Unset = UNSET
        if not isinstance(self.function, Unset):
            function = self.function.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "index": index,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if type_ is not UNSET:
            field_dict["type"] = type_
        if function is not UNSET:
            field_dict["function"] = function

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        (ToolCallFunctionDelta,) = _lazy_imports()
        d = dict(src_dict)
        index = d.pop("index")

        id = d.pop("id", UNSET)

        type_ = d.pop("type", UNSET)

        _function = d.pop("function", UNSET)
        function: ToolCallFunctionDelta | Unset
        if isinstance(_function, Unset):
            function = UNSET
        else:
            function = ToolCallFunctionDelta.from_dict(_function)

        tool_call_delta = cls(
            index=index,
            id=id,
            type_=type_,
            function=function,
        )

        tool_call_delta.additional_properties = d
        return tool_call_delta

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
