from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.tier import Tier

T = TypeVar("T", bound="UserProfile")


@_attrs_define
class UserProfile:
    name: str | None
    """ User's display name """
    email: str | None
    """ User's email address """
    github_username: str | None
    """ GitHub username if linked """
    image: str | None
    """ Profile picture URL (e.g. GitHub avatar) """
    tier: str | Tier
    """ User's current tier level """
    created_at: datetime.datetime
    """ Account creation timestamp (ISO 8601) """
    next_reset_at: datetime.datetime | None
    """ Next daily pollen reset timestamp (ISO 8601) """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name: str | None
        name = self.name

        email: str | None
        email = self.email

        github_username: str | None
        github_username = self.github_username

        image: str | None
        image = self.image

        tier: str
        if isinstance(self.tier, Tier):
            tier = self.tier.value
        else:
            tier = self.tier

        created_at = self.created_at.isoformat()

        next_reset_at: str | None
        if isinstance(self.next_reset_at, datetime.datetime):
            next_reset_at = self.next_reset_at.isoformat()
        else:
            next_reset_at = self.next_reset_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "email": email,
                "githubUsername": github_username,
                "image": image,
                "tier": tier,
                "createdAt": created_at,
                "nextResetAt": next_reset_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        email = d.pop("email")

        github_username = d.pop("githubUsername")

        image = d.pop("image")

        tier = d.pop("tier")

        def _parse_tier(data: object) -> str | Tier:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                tier_type_0 = Tier(data)

                return tier_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(str | Tier, data)

        tier = _parse_tier(tier)

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        next_reset_at = d.pop("nextResetAt")
        if next_reset_at is not None:

            def _parse_next_reset_at(data: object) -> datetime.datetime | None:
                if data is None:
                    return data
                try:
                    if not isinstance(data, str):
                        raise TypeError()
                    next_reset_at_type_0 = datetime.datetime.fromisoformat(data)

                    return next_reset_at_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(datetime.datetime | None, data)

            next_reset_at = _parse_next_reset_at(next_reset_at)

        user_profile = cls(
            name=name,
            email=email,
            github_username=github_username,
            image=image,
            tier=tier,
            created_at=created_at,
            next_reset_at=next_reset_at,
        )

        user_profile.additional_properties = d
        return user_profile

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
