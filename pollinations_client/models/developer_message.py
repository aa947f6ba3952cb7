# Generated from openapi.yaml by `make generate`; do not edit.
from __future__ import annotations

from typing import TYPE_CHECKING, Literal

# The runtime is used as `_t.*` only: a model of the API may itself be called `Model`.
from .. import types as _t

if TYPE_CHECKING:
    from ..models.cache_control import CacheControl
    from ..models.custom_content_part import CustomContentPart
    from ..models.file_content_part import FileContentPart
    from ..models.image_url_content_part import ImageUrlContentPart
    from ..models.input_audio_content_part import InputAudioContentPart
    from ..models.text_content_part import TextContentPart
    from ..models.video_url_content_part import VideoUrlContentPart


class DeveloperMessage(_t.Model):
    """The `DeveloperMessage` object of the pollinations.ai API."""

    __slots__ = ()

    content: _t.Field[
        list[
            CustomContentPart
            | FileContentPart
            | ImageUrlContentPart
            | InputAudioContentPart
            | TextContentPart
            | VideoUrlContentPart
        ]
        | str
    ] = _t.Field(
        "content",
        _t.union(
            _t.plain("str"),
            _t.list_of(
                _t.union(
                    _t.model("TextContentPart"),
                    _t.model("ImageUrlContentPart"),
                    _t.model("VideoUrlContentPart"),
                    _t.model("InputAudioContentPart"),
                    _t.model("FileContentPart"),
                    _t.model("CustomContentPart"),
                )
            ),
        ),
    )
    role: _t.Field[Literal["developer"]] = _t.Field("role", _t.const("developer"))
    name: _t.Field[str | None] = _t.Field("name", _t.plain("str"))
    cache_control: _t.Field[CacheControl | None] = _t.Field(
        "cache_control", _t.model("CacheControl")
    )
    _CONSTS = {
        "role": "developer",
    }
    _REQUIRED = (
        "content",
        "role",
    )

    def __init__(
        self,
        *,
        content: list[
            CustomContentPart
            | FileContentPart
            | ImageUrlContentPart
            | InputAudioContentPart
            | TextContentPart
            | VideoUrlContentPart
        ]
        | str,
        role: Literal["developer"] = "developer",
        name: str | None = None,
        cache_control: CacheControl | None = None,
    ) -> None:
        self._init(
            {
                "content": content,
                "role": role,
                "name": name,
                "cache_control": cache_control,
            }
        )
