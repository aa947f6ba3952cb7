"""`client.images`: generate images and videos, or build a shareable URL for one."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Literal, TypedDict

import httpx

from pollinations_client.api.image import generate_image
from pollinations_client.models import ImageModelName, ImageQuality

from .._base_client import RequestOptions
from .._exceptions import InvalidParameterError
from .._types import ImageResult
from .._validation import (
    DURATION_RANGE,
    IMAGE_SEED_RANGE,
    SIZE_RANGE,
    check_bool,
    check_int,
    check_prompt,
    check_str,
    join_image_urls,
)
from ._shared import AsyncTransport, SyncTransport, checked_params

if TYPE_CHECKING:
    from typing_extensions import Unpack


class ImageParams(TypedDict, total=False):
    """The query parameters of GET /image/{prompt}, in Python style. All optional."""

    #: zimage (default), flux, gptimage, kontext, seedream, nanobanana, ...; video: veo,
    #: seedance, ... Any newer model name is accepted as a string.
    model: str | ImageModelName | None
    width: int | None
    height: int | None
    #: -1 means random.
    seed: int | None
    #: Let an LLM rewrite the prompt first.
    enhance: bool | None
    negative_prompt: str | None
    safe: bool | None
    quality: Literal["low", "medium", "high", "hd"] | ImageQuality | None
    #: Reference image URL(s); for veo the first frame, then the last.
    image: str | Sequence[str] | None
    transparent: bool | None
    #: Video length in seconds: veo 4, 6 or 8; seedance 2 to 10.
    duration: int | None
    #: Video: "16:9" or "9:16".
    aspect_ratio: str | None
    #: Video with sound (veo).
    audio: bool | None


def _quality(value: object) -> ImageQuality:
    try:
        return value if isinstance(value, ImageQuality) else ImageQuality(value)
    except ValueError:
        allowed = ", ".join(q.value for q in ImageQuality)
        raise InvalidParameterError("quality", f"must be one of {allowed}, not {value!r}") from None


def _model(value: object) -> str | ImageModelName:
    if isinstance(value, ImageModelName):
        return value
    return check_str("model", value)


_CHECKS: dict[str, Callable[[Any], Any]] = {
    "model": _model,
    "width": lambda v: check_int("width", v, *SIZE_RANGE),
    "height": lambda v: check_int("height", v, *SIZE_RANGE),
    "seed": lambda v: check_int("seed", v, *IMAGE_SEED_RANGE),
    "enhance": lambda v: check_bool("enhance", v),
    "negative_prompt": lambda v: check_str("negative_prompt", v),
    "safe": lambda v: check_bool("safe", v),
    "quality": _quality,
    "image": join_image_urls,
    "transparent": lambda v: check_bool("transparent", v),
    "duration": lambda v: check_int("duration", v, *DURATION_RANGE),
    "aspect_ratio": lambda v: check_str("aspect_ratio", v),
    "audio": lambda v: check_bool("audio", v),
}


def image_request(prompt: str, params: ImageParams, operation: str) -> RequestOptions:
    """Validate every argument, then let the generated builder lay out the request."""
    checked = checked_params(params, _CHECKS, operation)
    parts = generate_image.build_request(check_prompt(prompt), **checked)
    return RequestOptions(
        method=parts.method,
        path=parts.url,
        params=parts.params,
        operation=operation,
        accept="image/*, video/*",
        download=True,
    )


def parse_image(response: httpx.Response) -> ImageResult:
    content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
    if not content_type.startswith(("image/", "video/")):
        raise ValueError(f"expected an image or a video, got {content_type or 'no content type'}")
    if not response.content:
        raise ValueError(f"the {content_type} body is empty")
    return ImageResult(
        content=response.content,
        content_type=content_type,
        request_id=response.headers.get("x-request-id"),
    )


class _ImagesBase:
    _client: SyncTransport | AsyncTransport

    def url(self, prompt: str, **params: Unpack[ImageParams]) -> str:
        """The URL of an image, to embed or share. It never contains the API key."""
        return self._client.url_for(image_request(prompt, params, "images.url"))


class Images(_ImagesBase):
    def __init__(self, client: SyncTransport) -> None:
        self._client: SyncTransport = client

    def generate(self, prompt: str, **params: Unpack[ImageParams]) -> ImageResult:
        """Generate an image (or, with a video model, an mp4) from a prompt."""
        return self._client._request(image_request(prompt, params, "images.generate"), parse_image)


class AsyncImages(_ImagesBase):
    def __init__(self, client: AsyncTransport) -> None:
        self._client: AsyncTransport = client

    async def generate(self, prompt: str, **params: Unpack[ImageParams]) -> ImageResult:
        """Generate an image (or, with a video model, an mp4) from a prompt."""
        return await self._client._request(
            image_request(prompt, params, "images.generate"), parse_image
        )
