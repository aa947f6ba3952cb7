from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="KeyPermissions")


@_attrs_define
class KeyPermissions:
    """API key permissions"""

    models: list[str] | None
    """ List of allowed model IDs, null = all models allowed """
    account: list[str] | None
    """ List of account permissions, null = no account access """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        models: list[str] | None
        if isinstance(self.models, list):
            models = self.models

        else:
            models = self.models

        account: list[str] | None
        if isinstance(self.account, list):
            account = self.account

        else:
            account = self.account

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "models": models,
                "account": account,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        models = d.pop("models")
        if models is not None:

            def _parse_models(data: object) -> list[str] | None:
                if data is None:
                    return data
                try:
                    if not isinstance(data, list):
                        raise TypeError()
                    models_type_0 = data

                    return models_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(list[str] | None, data)

            models = _parse_models(models)

        account = d.pop("account")
        if account is not None:

            def _parse_account(data: object) -> list[str] | None:
                if data is None:
                    return data
                try:
                    if not isinstance(data, list):
                        raise TypeError()
                    account_type_0 = data

                    return account_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(list[str] | None, data)

            account = _parse_account(account)

        key_permissions = cls(
            models=models,
            account=account,
        )

        key_permissions.additional_properties = d
        return key_permissions

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
