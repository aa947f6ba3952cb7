"""Value objects the ergonomic layer returns where no generated model fits.

Every result carries the server's request id (`x-request-id`), for reports upstream: the
binary results as `request_id`, and every result (the generated models too) as
`_request_id`, as openai's have it.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, ClassVar, TypeVar

import attrs

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["AudioResult", "ImageResult", "ListResult", "TextResult"]

T = TypeVar("T")


@attrs.frozen(slots=True, repr=False)
class _Binary:
    """Bytes exactly as the server sent them, with their media type."""

    content: bytes
    #: The MIME type without parameters, e.g. image/jpeg or audio/mpeg.
    content_type: str
    #: The server's request id, for reports upstream.
    request_id: str | None = None

    _EXTENSIONS: ClassVar[dict[str, str]] = {}

    @property
    def _request_id(self) -> str | None:
        return self.request_id

    @property
    def extension(self) -> str:
        """The usual file extension for the content type, with its dot ("" if unknown)."""
        return self._EXTENSIONS.get(self.content_type, "")

    def save(self, path: str | os.PathLike[str]) -> Path:
        """Write the bytes to `path` and return it as a Path."""
        from pathlib import Path  # not at the top: most programs never save

        target = Path(path)
        with target.open("wb") as handle:
            handle.write(self.content)
        return target

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(content_type={self.content_type!r}, size={len(self.content)})"
        )


@attrs.frozen(slots=True, repr=False)
class ImageResult(_Binary):
    """A generated image or video."""

    _EXTENSIONS: ClassVar[dict[str, str]] = {
        "image/jpeg": ".jpg",
        "image/png": ".png",
        "image/webp": ".webp",
        "image/gif": ".gif",
        "video/mp4": ".mp4",
    }

    @property
    def is_video(self) -> bool:
        return self.content_type.startswith("video/")


@attrs.frozen(slots=True, repr=False)
class AudioResult(_Binary):
    """Generated speech or music."""

    _EXTENSIONS: ClassVar[dict[str, str]] = {
        "audio/mpeg": ".mp3",
        "audio/mp3": ".mp3",
        "audio/opus": ".opus",
        "audio/ogg": ".ogg",
        "audio/aac": ".aac",
        "audio/flac": ".flac",
        "audio/wav": ".wav",
        "audio/x-wav": ".wav",
        "audio/pcm": ".pcm",
    }


class TextResult(str):
    """A text answer: a `str`, which also carries the server's request id."""

    _rid: str | None = None

    @property
    def _request_id(self) -> str | None:
        return self._rid


class ListResult(list[T]):
    """A list answer (models, records): a `list`, which also carries the request id."""

    _rid: str | None = None

    @property
    def _request_id(self) -> str | None:
        return self._rid
