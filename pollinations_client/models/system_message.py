from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.cache_control import CacheControl
    from ..models.custom_content_part import CustomContentPart
    from ..models.file_content_part import FileContentPart
    from ..models.image_url_content_part import ImageUrlContentPart
    from ..models.input_audio_content_part import InputAudioContentPart
    from ..models.text_content_part import TextContentPart
    from ..models.video_url_content_part import VideoUrlContentPart


T = TypeVar("T", bound="SystemMessage")


@functools.cache
def _lazy_imports() -> tuple[
    type[CacheControl],
    type[CustomContentPart],
    type[FileContentPart],
    type[ImageUrlContentPart],
    type[InputAudioContentPart],
    type[TextContentPart],
    type[VideoUrlContentPart],
]:
    """The models this one refers to, imported on first use rather than on every call.

    They cannot be imported at the top: they may import this module in turn.
    """
    from ..models.cache_control import CacheControl
    from ..models.custom_content_part import CustomContentPart
    from ..models.file_content_part import FileContentPart
    from ..models.image_url_content_part import ImageUrlContentPart
    from ..models.input_audio_content_part import InputAudioContentPart
    from ..models.text_content_part import TextContentPart
    from ..models.video_url_content_part import VideoUrlContentPart

    return (
        CacheControl,
        CustomContentPart,
        FileContentPart,
        ImageUrlContentPart,
        InputAudioContentPart,
        TextContentPart,
        VideoUrlContentPart,
    )


@_attrs_define
class SystemMessage:
    content: (
        list[
            CustomContentPart
            | FileContentPart
            | ImageUrlContentPart
            | InputAudioContentPart
            | TextContentPart
            | VideoUrlContentPart
        ]
        | str
    )
    role: Literal["system"]
    name: str | Unset = UNSET
    cache_control: CacheControl | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        (
            CacheControl,
            CustomContentPart,
            FileContentPart,
            ImageUrlContentPart,
            InputAudioContentPart,
            TextContentPart,
            VideoUrlContentPart,
        ) = _lazy_imports()
        content: list[dict[str, Any]] | str
        if isinstance(self.content, list):
            content = []
            for content_type_1_item_data in self.content:
                content_type_1_item: dict[str, Any]
                if (
                    isinstance(content_type_1_item_data, TextContentPart)
                    or isinstance(content_type_1_item_data, ImageUrlContentPart)
                    or isinstance(content_type_1_item_data, VideoUrlContentPart)
                    or isinstance(content_type_1_item_data, InputAudioContentPart)
                    or isinstance(content_type_1_item_data, FileContentPart)
                ):
                    content_type_1_item = content_type_1_item_data.to_dict()
                else:
                    content_type_1_item = content_type_1_item_data.to_dict()

                content.append(content_type_1_item)

        else:
            content = self.content

        role = self.role

        name = self.name

        cache_control: dict[str, Any] | Unset = UNSET
        if not isinstance(self.cache_control, Unset):
            cache_control = self.cache_control.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "content": content,
                "role": role,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if cache_control is not UNSET:
            field_dict["cache_control"] = cache_control

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        (
            CacheControl,
            CustomContentPart,
            FileContentPart,
            ImageUrlContentPart,
            InputAudioContentPart,
            TextContentPart,
            VideoUrlContentPart,
        ) = _lazy_imports()
        d = dict(src_dict)
        content = d.pop("content")

        def _parse_content(
            data: object,
        ) -> (
            list[
                CustomContentPart
                | FileContentPart
                | ImageUrlContentPart
                | InputAudioContentPart
                | TextContentPart
                | VideoUrlContentPart
            ]
            | str
        ):
            try:
                if not isinstance(data, list):
                    raise TypeError()
                content_type_1 = []
                _content_type_1 = data
                for content_type_1_item_data in _content_type_1:
                    content_type_1_item = content_type_1_item_data

                    def _parse_content_type_1_item(
                        data: object,
                    ) -> (
                        CustomContentPart
                        | FileContentPart
                        | ImageUrlContentPart
                        | InputAudioContentPart
                        | TextContentPart
                        | VideoUrlContentPart
                    ):
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            componentsschemas_message_content_part_type_0 = (
                                TextContentPart.from_dict(data)
                            )

                            return componentsschemas_message_content_part_type_0
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            componentsschemas_message_content_part_type_1 = (
                                ImageUrlContentPart.from_dict(data)
                            )

                            return componentsschemas_message_content_part_type_1
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            componentsschemas_message_content_part_type_2 = (
                                VideoUrlContentPart.from_dict(data)
                            )

                            return componentsschemas_message_content_part_type_2
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            componentsschemas_message_content_part_type_3 = (
                                InputAudioContentPart.from_dict(data)
                            )

                            return componentsschemas_message_content_part_type_3
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            componentsschemas_message_content_part_type_4 = (
                                FileContentPart.from_dict(data)
                            )

                            return componentsschemas_message_content_part_type_4
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_message_content_part_type_5 = CustomContentPart.from_dict(
                            data
                        )

                        return componentsschemas_message_content_part_type_5

                    content_type_1_item = _parse_content_type_1_item(content_type_1_item)

                    content_type_1.append(content_type_1_item)

                return content_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                list[
                    CustomContentPart
                    | FileContentPart
                    | ImageUrlContentPart
                    | InputAudioContentPart
                    | TextContentPart
                    | VideoUrlContentPart
                ]
                | str,
                data,
            )

        content = _parse_content(content)

        role = cast(Literal["system"], d.pop("role"))
        if role != "system":
            raise ValueError(f"role must match const 'system', got '{role}'")

        name = d.pop("name", UNSET)

        _cache_control = d.pop("cache_control", UNSET)
        cache_control: CacheControl | Unset
        if isinstance(_cache_control, Unset):
            cache_control = UNSET
        else:
            cache_control = CacheControl.from_dict(_cache_control)

        system_message = cls(
            content=content,
            role=role,
            name=name,
            cache_control=cache_control,
        )

        system_message.additional_properties = d
        return system_message

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
