from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.key_type import KeyType

if TYPE_CHECKING:
    from ..models.key_permissions import KeyPermissions


T = TypeVar("T", bound="KeyInfo")


@functools.cache
def _lazy_imports() -> tuple[type[KeyPermissions],]:
    """The models this one refers to, imported on first use rather than on every call.

    They cannot be imported at the top: they may import this module in turn.
    """
    from ..models.key_permissions import KeyPermissions

    return (KeyPermissions,)


@_attrs_define
class KeyInfo:
    valid: bool
    """ Whether the API key is valid and active """
    type_: KeyType | str
    """ Type of API key """
    name: str | None
    """ Display name of the API key """
    expires_at: str | None
    """ Expiry timestamp in ISO 8601 format, null if never expires """
    expires_in: float | None
    """ Seconds until expiry, null if never expires """
    permissions: KeyPermissions
    """ API key permissions """
    pollen_budget: float | None
    """ Remaining pollen budget for this key, null = unlimited (uses user balance) """
    rate_limit_enabled: bool
    """ Whether rate limiting is enabled for this key """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        (KeyPermissions,) = _lazy_imports()
        valid = self.valid

        type_: str
        if isinstance(self.type_, KeyType):
            type_ = self.type_.value
        else:
            type_ = self.type_

        name: str | None
        name = self.name

        expires_at: str | None
        expires_at = self.expires_at

        expires_in: float | None
        expires_in = self.expires_in

        permissions = self.permissions.to_dict()

        pollen_budget: float | None
        pollen_budget = self.pollen_budget

        rate_limit_enabled = self.rate_limit_enabled

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "valid": valid,
                "type": type_,
                "name": name,
                "expiresAt": expires_at,
                "expiresIn": expires_in,
                "permissions": permissions,
                "pollenBudget": pollen_budget,
                "rateLimitEnabled": rate_limit_enabled,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        (KeyPermissions,) = _lazy_imports()
        d = dict(src_dict)
        valid = d.pop("valid")

        type_ = d.pop("type")

        def _parse_type_(data: object) -> KeyType | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                type_type_0 = KeyType(data)

                return type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(KeyType | str, data)

        type_ = _parse_type_(type_)

        name = d.pop("name")

        expires_at = d.pop("expiresAt")

        expires_in = d.pop("expiresIn")

        permissions = KeyPermissions.from_dict(d.pop("permissions"))

        pollen_budget = d.pop("pollenBudget")

        rate_limit_enabled = d.pop("rateLimitEnabled")

        key_info = cls(
            valid=valid,
            type_=type_,
            name=name,
            expires_at=expires_at,
            expires_in=expires_in,
            permissions=permissions,
            pollen_budget=pollen_budget,
            rate_limit_enabled=rate_limit_enabled,
        )

        key_info.additional_properties = d
        return key_info

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
