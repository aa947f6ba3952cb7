from http import HTTPStatus
from io import BytesIO
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.image_model_name import ImageModelName
from ...models.image_quality import ImageQuality
from ...models.validation_error_response import ValidationErrorResponse
from ...types import UNSET, File, Response, Unset


def _path_segment(value: Any) -> str:
    """Percent-encode a path parameter completely, once.

    `/`, `?`, `#` and `%` are encoded like everything else, and a value of `.` or `..`
    becomes `%2E` or `%2E%2E`, which URL normalisation would otherwise drop as a dot segment.
    """
    segment = quote(str(value), safe="")
    return segment.replace(".", "%2E") if segment in (".", "..") else segment


def _get_kwargs(
    prompt: str,
    *,
    model: ImageModelName | str | Unset = UNSET,
    width: int | Unset = UNSET,
    height: int | Unset = UNSET,
    seed: int | Unset = UNSET,
    enhance: bool | Unset = UNSET,
    negative_prompt: str | Unset = UNSET,
    safe: bool | Unset = UNSET,
    quality: ImageQuality | Unset = UNSET,
    image: str | Unset = UNSET,
    transparent: bool | Unset = UNSET,
    duration: int | Unset = UNSET,
    aspect_ratio: str | Unset = UNSET,
    audio: bool | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_model: str | Unset
    if isinstance(model, Unset):
        json_model = UNSET
    elif isinstance(model, ImageModelName):
        json_model = model.value
    else:
        json_model = model
    params["model"] = json_model

    params["width"] = width

    params["height"] = height

    params["seed"] = seed

    params["enhance"] = enhance

    params["negative_prompt"] = negative_prompt

    params["safe"] = safe

    json_quality: str | Unset = UNSET
    if not isinstance(quality, Unset):
        json_quality = quality.value

    params["quality"] = json_quality

    params["image"] = image

    params["transparent"] = transparent

    params["duration"] = duration

    params["aspectRatio"] = aspect_ratio

    params["audio"] = audio

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": f"/image/{_path_segment(prompt)}",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | File | ValidationErrorResponse | None:
    if response.status_code == 200:
        response_200 = File(payload=BytesIO(response.content))

        return response_200

    if response.status_code == 400:
        if not response.content or not response.headers.get(
            "content-type", "application/json"
        ).split(";")[0].strip().endswith("json"):
            return None
        response_400 = ValidationErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        if not response.content or not response.headers.get(
            "content-type", "application/json"
        ).split(";")[0].strip().endswith("json"):
            return None
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 402:
        if not response.content or not response.headers.get(
            "content-type", "application/json"
        ).split(";")[0].strip().endswith("json"):
            return None
        response_402 = ErrorResponse.from_dict(response.json())

        return response_402

    if response.status_code == 403:
        if not response.content or not response.headers.get(
            "content-type", "application/json"
        ).split(";")[0].strip().endswith("json"):
            return None
        response_403 = ErrorResponse.from_dict(response.json())

        return response_403

    if response.status_code == 429:
        if not response.content or not response.headers.get(
            "content-type", "application/json"
        ).split(";")[0].strip().endswith("json"):
            return None
        response_429 = ErrorResponse.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        if not response.content or not response.headers.get(
            "content-type", "application/json"
        ).split(";")[0].strip().endswith("json"):
            return None
        response_500 = ErrorResponse.from_dict(response.json())

        return response_500

    if response.status_code == 502:
        if not response.content or not response.headers.get(
            "content-type", "application/json"
        ).split(";")[0].strip().endswith("json"):
            return None
        response_502 = ErrorResponse.from_dict(response.json())

        return response_502

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


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
    model: ImageModelName | str | Unset = UNSET,
    width: int | Unset = UNSET,
    height: int | Unset = UNSET,
    seed: int | Unset = UNSET,
    enhance: bool | Unset = UNSET,
    negative_prompt: str | Unset = UNSET,
    safe: bool | Unset = UNSET,
    quality: ImageQuality | Unset = UNSET,
    image: str | Unset = UNSET,
    transparent: bool | Unset = UNSET,
    duration: int | Unset = UNSET,
    aspect_ratio: str | Unset = UNSET,
    audio: bool | Unset = UNSET,
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
        prompt (str):  Example: a beautiful sunset over mountains.
        model (ImageModelName | str | Unset):  Default: ImageModelName.ZIMAGE.
        width (int | Unset):  Default: 1024.
        height (int | Unset):  Default: 1024.
        seed (int | Unset):  Default: 0.
        enhance (bool | Unset):  Default: False.
        negative_prompt (str | Unset):  Default: 'worst quality, blurry'.
        safe (bool | Unset):  Default: False.
        quality (ImageQuality | Unset):
        image (str | Unset):
        transparent (bool | Unset):  Default: False.
        duration (int | Unset):
        aspect_ratio (str | Unset):
        audio (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | File | ValidationErrorResponse]
    """

    kwargs = _get_kwargs(
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

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    prompt: str,
    *,
    client: AuthenticatedClient,
    model: ImageModelName | str | Unset = UNSET,
    width: int | Unset = UNSET,
    height: int | Unset = UNSET,
    seed: int | Unset = UNSET,
    enhance: bool | Unset = UNSET,
    negative_prompt: str | Unset = UNSET,
    safe: bool | Unset = UNSET,
    quality: ImageQuality | Unset = UNSET,
    image: str | Unset = UNSET,
    transparent: bool | Unset = UNSET,
    duration: int | Unset = UNSET,
    aspect_ratio: str | Unset = UNSET,
    audio: bool | Unset = UNSET,
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
        prompt (str):  Example: a beautiful sunset over mountains.
        model (ImageModelName | str | Unset):  Default: ImageModelName.ZIMAGE.
        width (int | Unset):  Default: 1024.
        height (int | Unset):  Default: 1024.
        seed (int | Unset):  Default: 0.
        enhance (bool | Unset):  Default: False.
        negative_prompt (str | Unset):  Default: 'worst quality, blurry'.
        safe (bool | Unset):  Default: False.
        quality (ImageQuality | Unset):
        image (str | Unset):
        transparent (bool | Unset):  Default: False.
        duration (int | Unset):
        aspect_ratio (str | Unset):
        audio (bool | Unset):  Default: False.

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
    model: ImageModelName | str | Unset = UNSET,
    width: int | Unset = UNSET,
    height: int | Unset = UNSET,
    seed: int | Unset = UNSET,
    enhance: bool | Unset = UNSET,
    negative_prompt: str | Unset = UNSET,
    safe: bool | Unset = UNSET,
    quality: ImageQuality | Unset = UNSET,
    image: str | Unset = UNSET,
    transparent: bool | Unset = UNSET,
    duration: int | Unset = UNSET,
    aspect_ratio: str | Unset = UNSET,
    audio: bool | Unset = UNSET,
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
        prompt (str):  Example: a beautiful sunset over mountains.
        model (ImageModelName | str | Unset):  Default: ImageModelName.ZIMAGE.
        width (int | Unset):  Default: 1024.
        height (int | Unset):  Default: 1024.
        seed (int | Unset):  Default: 0.
        enhance (bool | Unset):  Default: False.
        negative_prompt (str | Unset):  Default: 'worst quality, blurry'.
        safe (bool | Unset):  Default: False.
        quality (ImageQuality | Unset):
        image (str | Unset):
        transparent (bool | Unset):  Default: False.
        duration (int | Unset):
        aspect_ratio (str | Unset):
        audio (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | File | ValidationErrorResponse]
    """

    kwargs = _get_kwargs(
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

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    prompt: str,
    *,
    client: AuthenticatedClient,
    model: ImageModelName | str | Unset = UNSET,
    width: int | Unset = UNSET,
    height: int | Unset = UNSET,
    seed: int | Unset = UNSET,
    enhance: bool | Unset = UNSET,
    negative_prompt: str | Unset = UNSET,
    safe: bool | Unset = UNSET,
    quality: ImageQuality | Unset = UNSET,
    image: str | Unset = UNSET,
    transparent: bool | Unset = UNSET,
    duration: int | Unset = UNSET,
    aspect_ratio: str | Unset = UNSET,
    audio: bool | Unset = UNSET,
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
        prompt (str):  Example: a beautiful sunset over mountains.
        model (ImageModelName | str | Unset):  Default: ImageModelName.ZIMAGE.
        width (int | Unset):  Default: 1024.
        height (int | Unset):  Default: 1024.
        seed (int | Unset):  Default: 0.
        enhance (bool | Unset):  Default: False.
        negative_prompt (str | Unset):  Default: 'worst quality, blurry'.
        safe (bool | Unset):  Default: False.
        quality (ImageQuality | Unset):
        image (str | Unset):
        transparent (bool | Unset):  Default: False.
        duration (int | Unset):
        aspect_ratio (str | Unset):
        audio (bool | Unset):  Default: False.

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
