"""Value objects the ergonomic layer returns where no generated model fits.

Every result carries the server's request id (`x-request-id`), for reports upstream: the
binary results as `request_id`, and every result (the generated models too) as
`_request_id`, as openai's have it.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import ClassVar, TypeAlias, TypeVar

import attrs

__all__ = ["AudioResult", "ImageResult", "ListResult", "SavedFile", "TextResult"]

T = TypeVar("T")
#: A file to write to (`to_file=`, `save()`).
PathLike: TypeAlias = "str | os.PathLike[str]"


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
        """Write the bytes to `path` and return it as a Path.

        The bytes go to a temporary file next to `path`, renamed over it once all are
        written: a full disk or a crash never leaves a partial file under that name.
        """
        target = Path(path)
        write_atomically(target, (self.content,))
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


@attrs.frozen(slots=True)
class SavedFile:
    """A generated image, video or audio that went straight to a file (`to_file=`).

    The body was streamed to a temporary file next to `path` and renamed once complete,
    so memory stays flat whatever the size, and a cut download leaves no file behind.
    """

    path: Path
    #: The MIME type without parameters, e.g. image/jpeg or audio/mpeg.
    content_type: str
    #: Bytes written.
    size: int
    #: The server's request id, for reports upstream.
    request_id: str | None = None

    @property
    def _request_id(self) -> str | None:
        return self.request_id

    def read_bytes(self) -> bytes:
        return self.path.read_bytes()


def write_atomically(target: Path, pieces: Iterable[bytes]) -> None:
    """Write `pieces` to a temporary file next to `target`, then rename it over `target`
    (atomic on one file system); on any failure the temporary file is removed."""
    from ._body import destination, open_temp, remove

    target = destination(target)
    handle, temp = open_temp(target)
    try:
        with handle:
            for piece in pieces:
                handle.write(piece)
        if temp is not None:  # (None: a device, written in place)
            os.replace(temp, target)
    except BaseException:
        if temp is not None:
            remove(temp)
        raise


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
