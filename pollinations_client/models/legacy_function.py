from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.legacy_function_parameters import LegacyFunctionParameters


T = TypeVar("T", bound="LegacyFunction")


@functools.cache
def _lazy_imports() -> tuple[type[LegacyFunctionParameters],]:
    """The models this one refers to, imported on first use rather than on every call.

    They cannot be imported at the top: they may import this module in turn.
    """
    from ..models.legacy_function_parameters import LegacyFunctionParameters

    return (LegacyFunctionParameters,)


@_attrs_define
class LegacyFunction:
    name: str
    description: str | Unset = UNSET
    parameters: LegacyFunctionParameters | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        (LegacyFunctionParameters,) = _lazy_imports()
        name = self.name

        description = self.description

        parameters: dict[str, Any] | Unset = UNSET
        if not isinstance(self.parameters, Unset):
            parameters = self.parameters.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if parameters is not UNSET:
            field_dict["parameters"] = parameters

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        (LegacyFunctionParameters,) = _lazy_imports()
        d = dict(src_dict)
        name = d.pop("name")

        description = d.pop("description", UNSET)

        _parameters = d.pop("parameters", UNSET)
        parameters: LegacyFunctionParameters | Unset
        if isinstance(_parameters, Unset):
            parameters = UNSET
        else:
            parameters = LegacyFunctionParameters.from_dict(_parameters)

        legacy_function = cls(
            name=name,
            description=description,
            parameters=parameters,
        )

        return legacy_function
