# Generated from openapi.yaml by `make generate`; do not edit.
from __future__ import annotations

from typing import TYPE_CHECKING, Literal

# The runtime is used as `_t.*` only: a model of the API may itself be called `Model`.
from .. import types as _t

if TYPE_CHECKING:
    from ..models.image_url import ImageUrl


class ImageUrlContentPart(_t.Model):
    """The `ImageUrlContentPart` object of the pollinations.ai API."""

    __slots__ = ()

    type_: _t.Field[Literal["image_url"]] = _t.Field("type", _t.const("image_url"))
    image_url: _t.Field[ImageUrl] = _t.Field("image_url", _t.model("ImageUrl"))
    _CONSTS = {
        "type": "image_url",
    }
    _REQUIRED = (
        "type",
        "image_url",
    )

    def __init__(
        self,
        *,
        image_url: ImageUrl,
        type_: Literal["image_url"] = "image_url",
    ) -> None:
        self._init(
            {
                "type": type_,
                "image_url": image_url,
            }
        )
