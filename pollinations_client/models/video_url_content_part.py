# Generated from openapi.yaml by `make generate`; do not edit.
from __future__ import annotations

from typing import TYPE_CHECKING, Literal

# The runtime is used as `_t.*` only: a model of the API may itself be called `Model`.
from .. import types as _t

if TYPE_CHECKING:
    from ..models.video_url import VideoUrl


class VideoUrlContentPart(_t.Model):
    """The `VideoUrlContentPart` object of the pollinations.ai API."""

    __slots__ = ()

    type_: _t.Field[Literal["video_url"]] = _t.Field("type", _t.const("video_url"))
    video_url: _t.Field[VideoUrl] = _t.Field("video_url", _t.model("VideoUrl"))
    _CONSTS = {
        "type": "video_url",
    }
    _REQUIRED = (
        "type",
        "video_url",
    )

    def __init__(
        self,
        *,
        video_url: VideoUrl,
        type_: Literal["video_url"] = "video_url",
    ) -> None:
        self._init(
            {
                "type": type_,
                "video_url": video_url,
            }
        )
