# Generated from openapi.yaml by `make generate`; do not edit.
from __future__ import annotations

# The runtime is used as `_t.*` only: a model of the API may itself be called `Model`.
from .. import types as _t


class FileData(_t.Model):
    """The `FileData` object of the pollinations.ai API."""

    __slots__ = ()

    file_data: _t.Field[str | None] = _t.Field("file_data", _t.plain("str"))
    file_id: _t.Field[str | None] = _t.Field("file_id", _t.plain("str"))
    file_name: _t.Field[str | None] = _t.Field("file_name", _t.plain("str"))
    file_url: _t.Field[str | None] = _t.Field("file_url", _t.plain("str"))
    mime_type: _t.Field[str | None] = _t.Field("mime_type", _t.plain("str"))

    def __init__(
        self,
        *,
        file_data: str | None = None,
        file_id: str | None = None,
        file_name: str | None = None,
        file_url: str | None = None,
        mime_type: str | None = None,
    ) -> None:
        self._init(
            {
                "file_data": file_data,
                "file_id": file_id,
                "file_name": file_name,
                "file_url": file_url,
                "mime_type": mime_type,
            }
        )
