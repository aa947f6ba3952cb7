"""`client.images`: generate images and videos, or build a shareable URL for one."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Any, overload

import httpx

from pollinations_client.params import GENERATE_IMAGE, GenerateImageParams

from .._resource import (
    AsyncAPIResource,
    CallOptions,
    Endpoint,
    SyncAPIResource,
    documented,
    request_options,
)
from .._response import AsyncRawView, RawView, async_raw_method, raw_method
from .._types import ImageResult, PathLike, SavedFile
from .._validation import check_prompt, join_image_urls
from ._shared import binary_result, saved_result

if TYPE_CHECKING:
    from typing_extensions import Unpack


class ImageParams(GenerateImageParams, CallOptions, total=False):
    """The keyword arguments of `images.generate` and `images.url`: the spec's query
    parameters of GET /image/{prompt} (but `image`, which the methods take themselves, as
    one URL or a list), and the per-call options."""


def parse_image(response: httpx.Response) -> ImageResult:
    content, content_type, request_id = binary_result(response, _MEDIA, _WHAT)
    return ImageResult(content=content, content_type=content_type, request_id=request_id)


def parse_saved_image(response: httpx.Response) -> SavedFile:
    saved: SavedFile = saved_result(response, _MEDIA, _WHAT)
    return saved


#: What an image call answers: the types checked, and (as `*` ranges) its Accept header.
_MEDIA, _WHAT = ("image/", "video/"), "an image or a video"
_ACCEPT = ", ".join(prefix + "*" for prefix in _MEDIA)


_GENERATE = Endpoint(
    GENERATE_IMAGE,
    "images.generate",
    parse_image,
    accept=_ACCEPT,
    download=True,
    convert={"prompt": check_prompt, "image": join_image_urls},
    params=ImageParams,
    saved=parse_saved_image,
)
_URL = Endpoint(
    GENERATE_IMAGE, "images.url", parse_image, convert=_GENERATE.convert, params=ImageParams
)


class _ImageURL:
    """`images.url`, one implementation for both twins: it builds a string, no I/O."""

    _client: Any  # either twin's transport: only its url_for is used

    @documented(_URL)
    def url(
        self,
        prompt: str,
        *,
        image: str | Sequence[str] | None = None,
        **params: Unpack[ImageParams],
    ) -> str:
        """The URL of an image, to embed or share. It never contains the API key."""
        options = request_options(_URL, params, self._client, prompt=prompt, image=image)
        url: str = self._client.url_for(options)
        return url


class Images(SyncAPIResource, _ImageURL):
    @overload
    def generate(
        self,
        prompt: str,
        *,
        image: str | Sequence[str] | None = None,
        to_file: None = None,
        **params: Unpack[ImageParams],
    ) -> ImageResult: ...

    @overload
    def generate(
        self,
        prompt: str,
        *,
        image: str | Sequence[str] | None = None,
        to_file: PathLike,
        **params: Unpack[ImageParams],
    ) -> SavedFile: ...

    @documented(_GENERATE)
    def generate(
        self,
        prompt: str,
        *,
        image: str | Sequence[str] | None = None,
        to_file: PathLike | None = None,
        **params: Unpack[ImageParams],
    ) -> ImageResult | SavedFile:
        """Generate an image (or, with a video model, an mp4) from a prompt; `image` is
        one reference image URL or several. With `to_file`, the answer is streamed to that
        file (memory stays flat, a cut download leaves no file): a SavedFile."""
        if to_file is not None:
            return self._save(_GENERATE, to_file, params, prompt=prompt, image=image)
        return self._call(_GENERATE, params, prompt=prompt, image=image)

    @cached_property
    def with_raw_response(self) -> ImagesWithRawResponse:
        return ImagesWithRawResponse(self)


class AsyncImages(AsyncAPIResource, _ImageURL):
    @overload
    async def generate(
        self,
        prompt: str,
        *,
        image: str | Sequence[str] | None = None,
        to_file: None = None,
        **params: Unpack[ImageParams],
    ) -> ImageResult: ...

    @overload
    async def generate(
        self,
        prompt: str,
        *,
        image: str | Sequence[str] | None = None,
        to_file: PathLike,
        **params: Unpack[ImageParams],
    ) -> SavedFile: ...

    @documented(_GENERATE)
    async def generate(
        self,
        prompt: str,
        *,
        image: str | Sequence[str] | None = None,
        to_file: PathLike | None = None,
        **params: Unpack[ImageParams],
    ) -> ImageResult | SavedFile:
        """Generate an image (or, with a video model, an mp4) from a prompt; `image` is
        one reference image URL or several. With `to_file`, the answer is streamed to that
        file (memory stays flat, a cut download leaves no file): a SavedFile."""
        if to_file is not None:
            return await self._save(_GENERATE, to_file, params, prompt=prompt, image=image)
        return await self._call(_GENERATE, params, prompt=prompt, image=image)

    @cached_property
    def with_raw_response(self) -> AsyncImagesWithRawResponse:
        return AsyncImagesWithRawResponse(self)


class ImagesWithRawResponse(RawView):
    generate = raw_method(Images.generate)


class AsyncImagesWithRawResponse(AsyncRawView):
    generate = async_raw_method(AsyncImages.generate)
