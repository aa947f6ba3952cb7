from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.audio_voice import AudioVoice
from ..models.speech_request_response_format import SpeechRequestResponseFormat
from ..types import UNSET, Unset

T = TypeVar("T", bound="SpeechRequest")


@_attrs_define
class SpeechRequest:
    input_: str
    """ The text to generate audio for. Maximum 4096 characters. """
    model: str | Unset = UNSET
    voice: AudioVoice | str | Unset = UNSET
    """ The voice to use. Available voices: alloy, echo, fable, onyx, nova, shimmer, ash, ballad, coral, sage,
    verse, rachel, domi, bella, elli, charlotte, dorothy, sarah, emily, lily, matilda, adam, antoni, arnold, josh,
    sam, daniel, charlie, james, fin, callum, liam, george, brian, bill. Server default: AudioVoice.ALLOY. """
    response_format: SpeechRequestResponseFormat | Unset = UNSET
    """ The audio format for the output. Server default: SpeechRequestResponseFormat.MP3. """
    speed: float | Unset = UNSET
    """ The speed of the generated audio. 0.25 to 4.0, default 1.0. Server default: 1.0. """
    duration: float | Unset = UNSET
    """ Music duration in seconds, 3-300 (elevenmusic only) """
    instrumental: bool | Unset = UNSET
    """ If true, guarantees instrumental output (elevenmusic only) """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        input_ = self.input_

        model = self.model

        voice: str | Unset
        if isinstance(self.voice, Unset):
            voice = UNSET
        elif isinstance(self.voice, AudioVoice):
            voice = self.voice.value
        else:
            voice = self.voice

        response_format: str | Unset = UNSET
        if not isinstance(self.response_format, Unset):
            response_format = self.response_format.value

        speed = self.speed

        duration = self.duration

        instrumental = self.instrumental

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "input": input_,
            }
        )
        if model is not UNSET:
            field_dict["model"] = model
        if voice is not UNSET:
            field_dict["voice"] = voice
        if response_format is not UNSET:
            field_dict["response_format"] = response_format
        if speed is not UNSET:
            field_dict["speed"] = speed
        if duration is not UNSET:
            field_dict["duration"] = duration
        if instrumental is not UNSET:
            field_dict["instrumental"] = instrumental

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        input_ = d.pop("input")

        model = d.pop("model", UNSET)

        voice = d.pop("voice", UNSET)
        if not isinstance(voice, Unset):

            def _parse_voice(data: object) -> AudioVoice | str | Unset:
                if isinstance(data, Unset):
                    return data
                try:
                    if not isinstance(data, str):
                        raise TypeError()
                    voice_type_0 = AudioVoice(data)

                    return voice_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(AudioVoice | str | Unset, data)

            voice = _parse_voice(voice)

        _response_format = d.pop("response_format", UNSET)
        response_format: SpeechRequestResponseFormat | Unset
        if isinstance(_response_format, Unset):
            response_format = UNSET
        else:
            response_format = SpeechRequestResponseFormat(_response_format)

        speed = d.pop("speed", UNSET)

        duration = d.pop("duration", UNSET)

        instrumental = d.pop("instrumental", UNSET)

        speech_request = cls(
            input_=input_,
            model=model,
            voice=voice,
            response_format=response_format,
            speed=speed,
            duration=duration,
            instrumental=instrumental,
        )

        speech_request.additional_properties = d
        return speech_request

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
