# Generated from openapi.yaml by `make generate`; do not edit.
from __future__ import annotations

from typing import TYPE_CHECKING

# The runtime is used as `_t.*` only: a model of the API may itself be called `Model`.
from .. import types as _t

if TYPE_CHECKING:
    from ..models.content_block_image_url_detail import ContentBlockImageUrlDetail


class ContentBlockImageUrl(_t.Model):
    """The `ContentBlockImageUrl` object of the pollinations.ai API."""

    __slots__ = ()

    url: _t.Field[str] = _t.Field("url", _t.plain("str"))
    detail: _t.Field[ContentBlockImageUrlDetail | None] = _t.Field(
        "detail", _t.enum_of("ContentBlockImageUrlDetail")
    )
    mime_type: _t.Field[str | None] = _t.Field("mime_type", _t.plain("str"))
    _REQUIRED = ("url",)

    def __init__(
        self,
        *,
        url: str,
        detail: ContentBlockImageUrlDetail | None = None,
        mime_type: str | None = None,
    ) -> None:
        self._init(
            {
                "url": url,
                "detail": detail,
                "mime_type": mime_type,
            }
        )
