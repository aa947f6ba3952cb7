from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="DailyUsage")


@_attrs_define
class DailyUsage:
    date: str
    """ Date (YYYY-MM-DD format) """
    model: str | None
    """ Model used """
    meter_source: str | None
    """ Billing source ('tier', 'pack', 'crypto') """
    requests: float
    """ Number of requests """
    cost_usd: float
    """ Total cost in USD """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        date = self.date

        model: str | None
        model = self.model

        meter_source: str | None
        meter_source = self.meter_source

        requests = self.requests

        cost_usd = self.cost_usd

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "date": date,
                "model": model,
                "meter_source": meter_source,
                "requests": requests,
                "cost_usd": cost_usd,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        date = d.pop("date")

        model = d.pop("model")

        meter_source = d.pop("meter_source")

        requests = d.pop("requests")

        cost_usd = d.pop("cost_usd")

        daily_usage = cls(
            date=date,
            model=model,
            meter_source=meter_source,
            requests=requests,
            cost_usd=cost_usd,
        )

        daily_usage.additional_properties = d
        return daily_usage

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
