# Generated from openapi.yaml by `make generate`; do not edit.
from http import HTTPStatus
from io import BytesIO

import httpx

from ... import types as _t
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.image_model_name import ImageModelName
from ...models.image_quality import ImageQuality
from ...models.validation_error_response import ValidationErrorResponse
from ...types import File, Response


def build_request(
    prompt: str,
    *,
    model: ImageModelName | str | None = None,
    width: int | None = None,
    height: int | None = None,
    seed: int | None = None,
    enhance: bool | None = None,
    negative_prompt: str | None = None,
    safe: bool | None = None,
    quality: ImageQuality | None = None,
    image: str | None = None,
    transparent: bool | None = None,
    duration: int | None = None,
    aspect_ratio: str | None = None,
    audio: bool | None = None,
) -> _t.RequestParts:
    """The request of GET /image/{prompt}, before any I/O:
    method, URL (relative to the base URL), the query parameters that were given,
    headers and body. The four functions below send what this returns.
    """
    return _t.RequestParts(
        method="GET",
        url=f"/image/{_t.path_segment(prompt)}",
        params=_t.as_query(
            {
                "model": model,
                "width": width,
                "height": height,
                "seed": seed,
                "enhance": enhance,
                "negative_prompt": negative_prompt,
                "safe": safe,
                "quality": quality,
                "image": image,
                "transparent": transparent,
                "duration": duration,
                "aspectRatio": aspect_ratio,
                "audio": audio,
            }
        ),
        headers={},
    )


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | File | ValidationErrorResponse:
    if response.status_code == 200:
        response_200 = File(payload=BytesIO(response.content))

        return response_200

    if response.status_code == 400:
        return _t.parse_json(response, _t.model("ValidationErrorResponse"), dict)  # type: ignore[no-any-return]

    if response.status_code == 401:
        return _t.parse_json(response, _t.model("ErrorResponse"), dict)  # type: ignore[no-any-return]

    if response.status_code == 402:
        return _t.parse_json(response, _t.model("ErrorResponse"), dict)  # type: ignore[no-any-return]

    if response.status_code == 403:
        return _t.parse_json(response, _t.model("ErrorResponse"), dict)  # type: ignore[no-any-return]

    if response.status_code == 429:
        return _t.parse_json(response, _t.model("ErrorResponse"), dict)  # type: ignore[no-any-return]

    if response.status_code == 500:
        return _t.parse_json(response, _t.model("ErrorResponse"), dict)  # type: ignore[no-any-return]

    if response.status_code == 502:
        return _t.parse_json(response, _t.model("ErrorResponse"), dict)  # type: ignore[no-any-return]

    return _t.parse_json(response, _t.model("ErrorResponse"), dict)  # type: ignore[no-any-return]


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | File | ValidationErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    prompt: str,
    *,
    client: AuthenticatedClient,
    model: ImageModelName | str | None = None,
    width: int | None = None,
    height: int | None = None,
    seed: int | None = None,
    enhance: bool | None = None,
    negative_prompt: str | None = None,
    safe: bool | None = None,
    quality: ImageQuality | None = None,
    image: str | None = None,
    transparent: bool | None = None,
    duration: int | None = None,
    aspect_ratio: str | None = None,
    audio: bool | None = None,
) -> Response[ErrorResponse | File | ValidationErrorResponse]:
    """Generate an image or video from a text prompt.

    **Image Models:** `flux` (default), `turbo`, `gptimage`, `kontext`, `seedream`, `nanobanana`,
    `nanobanana-pro`

    **Video Models:** `veo`, `seedance`
    - `veo`: Text-to-video only (4-8 seconds)
    - `seedance`: Text-to-video and image-to-video (2-10 seconds)

    **Authentication:**

    Include your API key either:
    - In the `Authorization` header as a Bearer token: `Authorization: Bearer YOUR_API_KEY`
    - As a query parameter: `?key=YOUR_API_KEY`

    API keys can be created from your dashboard at enter.pollinations.ai.

    Args:
        prompt (str): Text description of the image or video to generate.
        model (ImageModelName | str | None): AI model. Image: flux, zimage, turbo, gptimage,
            kontext, seedream, seedream-pro, nanobanana. Video: veo, seedance, seedance-pro. None: not
            sent (the server's default is ImageModelName.ZIMAGE).
        width (int | None): Image width in pixels. None: not sent (the server's default is 1024).
        height (int | None): Image height in pixels. None: not sent (the server's default is
            1024).
        seed (int | None): Random seed for reproducible results. Use -1 for random. None: not sent
            (the server's default is 0).
        enhance (bool | None): Let AI improve your prompt for better results. None: not sent (the
            server's default is False).
        negative_prompt (str | None): What to avoid in the generated image. None: not sent (the
            server's default is 'worst quality, blurry').
        safe (bool | None): Enable safety content filters. None: not sent (the server's default is
            False).
        quality (ImageQuality | None): None: not sent.
        image (str | None): Reference image URL(s). Comma/pipe separated for multiple. For veo:
            image[0]=first frame, image[1]=last frame (interpolation). None: not sent.
        transparent (bool | None): Generate with transparent background (gptimage only). None: not
            sent (the server's default is False).
        duration (int | None): Video duration in seconds (video models only). veo: 4, 6, or 8.
            seedance: 2-10. None: not sent.
        aspect_ratio (str | None): Video aspect ratio: 16:9 or 9:16 (veo, seedance). None: not
            sent.
        audio (bool | None): Enable audio generation for video (veo only). None: not sent (the
            server's default is False).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | File | ValidationErrorResponse]
    """

    parts = build_request(
        prompt=prompt,
        model=model,
        width=width,
        height=height,
        seed=seed,
        enhance=enhance,
        negative_prompt=negative_prompt,
        safe=safe,
        quality=quality,
        image=image,
        transparent=transparent,
        duration=duration,
        aspect_ratio=aspect_ratio,
        audio=audio,
    )
    response = client.get_httpx_client().request(**parts.as_httpx_kwargs())
    return _build_response(client=client, response=response)


def sync(
    prompt: str,
    *,
    client: AuthenticatedClient,
    model: ImageModelName | str | None = None,
    width: int | None = None,
    height: int | None = None,
    seed: int | None = None,
    enhance: bool | None = None,
    negative_prompt: str | None = None,
    safe: bool | None = None,
    quality: ImageQuality | None = None,
    image: str | None = None,
    transparent: bool | None = None,
    duration: int | None = None,
    aspect_ratio: str | None = None,
    audio: bool | None = None,
) -> ErrorResponse | File | ValidationErrorResponse | None:
    """Generate an image or video from a text prompt.

    **Image Models:** `flux` (default), `turbo`, `gptimage`, `kontext`, `seedream`, `nanobanana`,
    `nanobanana-pro`

    **Video Models:** `veo`, `seedance`
    - `veo`: Text-to-video only (4-8 seconds)
    - `seedance`: Text-to-video and image-to-video (2-10 seconds)

    **Authentication:**

    Include your API key either:
    - In the `Authorization` header as a Bearer token: `Authorization: Bearer YOUR_API_KEY`
    - As a query parameter: `?key=YOUR_API_KEY`

    API keys can be created from your dashboard at enter.pollinations.ai.

    Args:
        prompt (str): Text description of the image or video to generate.
        model (ImageModelName | str | None): AI model. Image: flux, zimage, turbo, gptimage,
            kontext, seedream, seedream-pro, nanobanana. Video: veo, seedance, seedance-pro. None: not
            sent (the server's default is ImageModelName.ZIMAGE).
        width (int | None): Image width in pixels. None: not sent (the server's default is 1024).
        height (int | None): Image height in pixels. None: not sent (the server's default is
            1024).
        seed (int | None): Random seed for reproducible results. Use -1 for random. None: not sent
            (the server's default is 0).
        enhance (bool | None): Let AI improve your prompt for better results. None: not sent (the
            server's default is False).
        negative_prompt (str | None): What to avoid in the generated image. None: not sent (the
            server's default is 'worst quality, blurry').
        safe (bool | None): Enable safety content filters. None: not sent (the server's default is
            False).
        quality (ImageQuality | None): None: not sent.
        image (str | None): Reference image URL(s). Comma/pipe separated for multiple. For veo:
            image[0]=first frame, image[1]=last frame (interpolation). None: not sent.
        transparent (bool | None): Generate with transparent background (gptimage only). None: not
            sent (the server's default is False).
        duration (int | None): Video duration in seconds (video models only). veo: 4, 6, or 8.
            seedance: 2-10. None: not sent.
        aspect_ratio (str | None): Video aspect ratio: 16:9 or 9:16 (veo, seedance). None: not
            sent.
        audio (bool | None): Enable audio generation for video (veo only). None: not sent (the
            server's default is False).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | File | ValidationErrorResponse
    """

    return sync_detailed(
        prompt=prompt,
        client=client,
        model=model,
        width=width,
        height=height,
        seed=seed,
        enhance=enhance,
        negative_prompt=negative_prompt,
        safe=safe,
        quality=quality,
        image=image,
        transparent=transparent,
        duration=duration,
        aspect_ratio=aspect_ratio,
        audio=audio,
    ).parsed


async def asyncio_detailed(
    prompt: str,
    *,
    client: AuthenticatedClient,
    model: ImageModelName | str | None = None,
    width: int | None = None,
    height: int | None = None,
    seed: int | None = None,
    enhance: bool | None = None,
    negative_prompt: str | None = None,
    safe: bool | None = None,
    quality: ImageQuality | None = None,
    image: str | None = None,
    transparent: bool | None = None,
    duration: int | None = None,
    aspect_ratio: str | None = None,
    audio: bool | None = None,
) -> Response[ErrorResponse | File | ValidationErrorResponse]:
    """Generate an image or video from a text prompt.

    **Image Models:** `flux` (default), `turbo`, `gptimage`, `kontext`, `seedream`, `nanobanana`,
    `nanobanana-pro`

    **Video Models:** `veo`, `seedance`
    - `veo`: Text-to-video only (4-8 seconds)
    - `seedance`: Text-to-video and image-to-video (2-10 seconds)

    **Authentication:**

    Include your API key either:
    - In the `Authorization` header as a Bearer token: `Authorization: Bearer YOUR_API_KEY`
    - As a query parameter: `?key=YOUR_API_KEY`

    API keys can be created from your dashboard at enter.pollinations.ai.

    Args:
        prompt (str): Text description of the image or video to generate.
        model (ImageModelName | str | None): AI model. Image: flux, zimage, turbo, gptimage,
            kontext, seedream, seedream-pro, nanobanana. Video: veo, seedance, seedance-pro. None: not
            sent (the server's default is ImageModelName.ZIMAGE).
        width (int | None): Image width in pixels. None: not sent (the server's default is 1024).
        height (int | None): Image height in pixels. None: not sent (the server's default is
            1024).
        seed (int | None): Random seed for reproducible results. Use -1 for random. None: not sent
            (the server's default is 0).
        enhance (bool | None): Let AI improve your prompt for better results. None: not sent (the
            server's default is False).
        negative_prompt (str | None): What to avoid in the generated image. None: not sent (the
            server's default is 'worst quality, blurry').
        safe (bool | None): Enable safety content filters. None: not sent (the server's default is
            False).
        quality (ImageQuality | None): None: not sent.
        image (str | None): Reference image URL(s). Comma/pipe separated for multiple. For veo:
            image[0]=first frame, image[1]=last frame (interpolation). None: not sent.
        transparent (bool | None): Generate with transparent background (gptimage only). None: not
            sent (the server's default is False).
        duration (int | None): Video duration in seconds (video models only). veo: 4, 6, or 8.
            seedance: 2-10. None: not sent.
        aspect_ratio (str | None): Video aspect ratio: 16:9 or 9:16 (veo, seedance). None: not
            sent.
        audio (bool | None): Enable audio generation for video (veo only). None: not sent (the
            server's default is False).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | File | ValidationErrorResponse]
    """

    parts = build_request(
        prompt=prompt,
        model=model,
        width=width,
        height=height,
        seed=seed,
        enhance=enhance,
        negative_prompt=negative_prompt,
        safe=safe,
        quality=quality,
        image=image,
        transparent=transparent,
        duration=duration,
        aspect_ratio=aspect_ratio,
        audio=audio,
    )
    response = await client.get_async_httpx_client().request(**parts.as_httpx_kwargs())
    return _build_response(client=client, response=response)


async def asyncio(
    prompt: str,
    *,
    client: AuthenticatedClient,
    model: ImageModelName | str | None = None,
    width: int | None = None,
    height: int | None = None,
    seed: int | None = None,
    enhance: bool | None = None,
    negative_prompt: str | None = None,
    safe: bool | None = None,
    quality: ImageQuality | None = None,
    image: str | None = None,
    transparent: bool | None = None,
    duration: int | None = None,
    aspect_ratio: str | None = None,
    audio: bool | None = None,
) -> ErrorResponse | File | ValidationErrorResponse | None:
    """Generate an image or video from a text prompt.

    **Image Models:** `flux` (default), `turbo`, `gptimage`, `kontext`, `seedream`, `nanobanana`,
    `nanobanana-pro`

    **Video Models:** `veo`, `seedance`
    - `veo`: Text-to-video only (4-8 seconds)
    - `seedance`: Text-to-video and image-to-video (2-10 seconds)

    **Authentication:**

    Include your API key either:
    - In the `Authorization` header as a Bearer token: `Authorization: Bearer YOUR_API_KEY`
    - As a query parameter: `?key=YOUR_API_KEY`

    API keys can be created from your dashboard at enter.pollinations.ai.

    Args:
        prompt (str): Text description of the image or video to generate.
        model (ImageModelName | str | None): AI model. Image: flux, zimage, turbo, gptimage,
            kontext, seedream, seedream-pro, nanobanana. Video: veo, seedance, seedance-pro. None: not
            sent (the server's default is ImageModelName.ZIMAGE).
        width (int | None): Image width in pixels. None: not sent (the server's default is 1024).
        height (int | None): Image height in pixels. None: not sent (the server's default is
            1024).
        seed (int | None): Random seed for reproducible results. Use -1 for random. None: not sent
            (the server's default is 0).
        enhance (bool | None): Let AI improve your prompt for better results. None: not sent (the
            server's default is False).
        negative_prompt (str | None): What to avoid in the generated image. None: not sent (the
            server's default is 'worst quality, blurry').
        safe (bool | None): Enable safety content filters. None: not sent (the server's default is
            False).
        quality (ImageQuality | None): None: not sent.
        image (str | None): Reference image URL(s). Comma/pipe separated for multiple. For veo:
            image[0]=first frame, image[1]=last frame (interpolation). None: not sent.
        transparent (bool | None): Generate with transparent background (gptimage only). None: not
            sent (the server's default is False).
        duration (int | None): Video duration in seconds (video models only). veo: 4, 6, or 8.
            seedance: 2-10. None: not sent.
        aspect_ratio (str | None): Video aspect ratio: 16:9 or 9:16 (veo, seedance). None: not
            sent.
        audio (bool | None): Enable audio generation for video (veo only). None: not sent (the
            server's default is False).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | File | ValidationErrorResponse
    """

    return (
        await asyncio_detailed(
            prompt=prompt,
            client=client,
            model=model,
            width=width,
            height=height,
            seed=seed,
            enhance=enhance,
            negative_prompt=negative_prompt,
            safe=safe,
            quality=quality,
            image=image,
            transparent=transparent,
            duration=duration,
            aspect_ratio=aspect_ratio,
            audio=audio,
        )
    ).parsed
