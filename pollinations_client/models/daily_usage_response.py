from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.daily_usage import DailyUsage


T = TypeVar("T", bound="DailyUsageResponse")


@functools.cache
def _lazy_imports() -> tuple[type[DailyUsage],]:
    """The models this one refers to, imported on first use rather than on every call.

    They cannot be imported at the top: they may import this module in turn.
    """
    from ..models.daily_usage import DailyUsage

    return (DailyUsage,)


@_attrs_define
class DailyUsageResponse:
    usage: list[DailyUsage]
    """ Array of daily usage records """
    count: float
    """ Number of records returned """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        (DailyUsage,) = _lazy_imports()
        usage = []
        for usage_item_data in self.usage:
            usage_item = usage_item_data.to_dict()
            usage.append(usage_item)

        count = self.count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "usage": usage,
                "count": count,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        (DailyUsage,) = _lazy_imports()
        d = dict(src_dict)
        usage = []
        _usage = d.pop("usage")
        for usage_item_data in _usage:
            usage_item = DailyUsage.from_dict(usage_item_data)

            usage.append(usage_item)

        count = d.pop("count")

        daily_usage_response = cls(
            usage=usage,
            count=count,
        )

        daily_usage_response.additional_properties = d
        return daily_usage_response

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
