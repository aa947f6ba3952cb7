from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.json_schema_format_schema import JsonSchemaFormatSchema


T = TypeVar("T", bound="JsonSchemaFormat")


@functools.cache
def _lazy_imports() -> tuple[type[JsonSchemaFormatSchema],]:
    """The models this one refers to, imported on first use rather than on every call.

    They cannot be imported at the top: they may import this module in turn.
    """
    from ..models.json_schema_format_schema import JsonSchemaFormatSchema

    return (JsonSchemaFormatSchema,)


@_attrs_define
class JsonSchemaFormat:
    schema: JsonSchemaFormatSchema
    description: str | Unset = UNSET
    name: str | Unset = UNSET
    strict: bool | Unset | None = UNSET
    """ Server default: False. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        (JsonSchemaFormatSchema,) = _lazy_imports()
        schema = self.schema.to_dict()

        description = self.description

        name = self.name

        strict: bool | Unset | None
        if isinstance(self.strict, Unset):
            strict = UNSET
        else:
            strict = self.strict

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "schema": schema,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if name is not UNSET:
            field_dict["name"] = name
        if strict is not UNSET:
            field_dict["strict"] = strict

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        (JsonSchemaFormatSchema,) = _lazy_imports()
        d = dict(src_dict)
        schema = JsonSchemaFormatSchema.from_dict(d.pop("schema"))

        description = d.pop("description", UNSET)

        name = d.pop("name", UNSET)

        strict = d.pop("strict", UNSET)

        json_schema_format = cls(
            schema=schema,
            description=description,
            name=name,
            strict=strict,
        )

        json_schema_format.additional_properties = d
        return json_schema_format

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
