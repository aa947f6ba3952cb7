from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.audio_output_options_format import AudioOutputOptionsFormat
from ..models.audio_voice import AudioVoice

T = TypeVar("T", bound="AudioOutputOptions")


@_attrs_define
class AudioOutputOptions:
    voice: AudioVoice | str
    format_: AudioOutputOptionsFormat
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        voice: str
        if isinstance(self.voice, AudioVoice):
            voice = self.voice.value
        else:
            voice = self.voice

        format_ = self.format_.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "voice": voice,
                "format": format_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        voice = d.pop("voice")

        def _parse_voice(data: object) -> AudioVoice | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                voice_type_0 = AudioVoice(data)

                return voice_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AudioVoice | str, data)

        voice = _parse_voice(voice)

        format_ = AudioOutputOptionsFormat(d.pop("format"))

        audio_output_options = cls(
            voice=voice,
            format_=format_,
        )

        audio_output_options.additional_properties = d
        return audio_output_options

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
