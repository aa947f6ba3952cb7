# Generated from openapi.yaml by `make generate`; do not edit.
from __future__ import annotations

from typing import TYPE_CHECKING, Literal

# The runtime is used as `_t.*` only: a model of the API may itself be called `Model`.
from .. import types as _t

if TYPE_CHECKING:
    from ..models.cache_control import CacheControl
    from ..models.file_data import FileData


class FileContentPart(_t.Model):
    """The `FileContentPart` object of the pollinations.ai API."""

    __slots__ = ()

    type_: _t.Field[Literal["file"]] = _t.Field("type", _t.const("file"))
    file: _t.Field[FileData] = _t.Field("file", _t.model("FileData"))
    cache_control: _t.Field[CacheControl | None] = _t.Field(
        "cache_control", _t.model("CacheControl")
    )
    _CONSTS = {
        "type": "file",
    }
    _REQUIRED = (
        "type",
        "file",
    )

    def __init__(
        self,
        *,
        file: FileData,
        type_: Literal["file"] = "file",
        cache_control: CacheControl | None = None,
    ) -> None:
        self._init(
            {
                "type": type_,
                "file": file,
                "cache_control": cache_control,
            }
        )
