# Generated from openapi.yaml by `make generate`; do not edit.
from __future__ import annotations

# The runtime is used as `_t.*` only: a model of the API may itself be called `Model`.
from .. import types as _t


class VideoUrl(_t.Model):
    """The `VideoUrl` object of the pollinations.ai API."""

    __slots__ = ()

    url: _t.Field[str] = _t.Field("url", _t.plain("str"))
    mime_type: _t.Field[str | None] = _t.Field("mime_type", _t.plain("str"))
    _REQUIRED = ("url",)

    def __init__(
        self,
        *,
        url: str,
        mime_type: str | None = None,
    ) -> None:
        self._init(
            {
                "url": url,
                "mime_type": mime_type,
            }
        )
