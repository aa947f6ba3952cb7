"""Value objects the ergonomic layer returns where no generated model fits."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    from pathlib import Path


@attrs.frozen(slots=True, repr=False)
class ImageResult:
    """A generated image or video: the bytes exactly as the server sent them."""

    content: bytes
    #: The MIME type without parameters: image/jpeg, image/png or video/mp4.
    content_type: str
    #: The server's request id, for reports upstream.
    request_id: str | None = None

    @property
    def is_video(self) -> bool:
        return self.content_type.startswith("video/")

    @property
    def extension(self) -> str:
        """The usual file extension for the content type, with its dot."""
        return {
            "image/jpeg": ".jpg",
            "image/png": ".png",
            "image/webp": ".webp",
            "image/gif": ".gif",
            "video/mp4": ".mp4",
        }.get(self.content_type, "")

    def save(self, path: str | os.PathLike[str]) -> Path:
        """Write the bytes to `path` and return it as a Path."""
        from pathlib import Path  # not at the top: most programs never save

        target = Path(path)
        with target.open("wb") as handle:
            handle.write(self.content)
        return target

    def __repr__(self) -> str:
        return f"ImageResult(content_type={self.content_type!r}, size={len(self.content)})"
