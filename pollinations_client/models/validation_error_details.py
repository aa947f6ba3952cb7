from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.validation_error_details_field_errors import ValidationErrorDetailsFieldErrors


T = TypeVar("T", bound="ValidationErrorDetails")


@functools.cache
def _lazy_imports() -> tuple[type[ValidationErrorDetailsFieldErrors],]:
    """The models this one refers to, imported on first use rather than on every call.

    They cannot be imported at the top: they may import this module in turn.
    """
    from ..models.validation_error_details_field_errors import ValidationErrorDetailsFieldErrors

    return (ValidationErrorDetailsFieldErrors,)


@_attrs_define
class ValidationErrorDetails:
    name: str
    form_errors: list[str]
    field_errors: ValidationErrorDetailsFieldErrors
    stack: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        (ValidationErrorDetailsFieldErrors,) = _lazy_imports()
        name = self.name

        form_errors = self.form_errors

        field_errors = self.field_errors.to_dict()

        stack = self.stack

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "formErrors": form_errors,
                "fieldErrors": field_errors,
            }
        )
        if stack is not UNSET:
            field_dict["stack"] = stack

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        (ValidationErrorDetailsFieldErrors,) = _lazy_imports()
        d = dict(src_dict)
        name = d.pop("name")

        form_errors = d.pop("formErrors")

        field_errors = ValidationErrorDetailsFieldErrors.from_dict(d.pop("fieldErrors"))

        stack = d.pop("stack", UNSET)

        validation_error_details = cls(
            name=name,
            form_errors=form_errors,
            field_errors=field_errors,
            stack=stack,
        )

        validation_error_details.additional_properties = d
        return validation_error_details

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
