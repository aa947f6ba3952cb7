from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.text_model_name import TextModelName
from ...models.validation_error_response import ValidationErrorResponse
from ...types import UNSET, Response, Unset


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
    model: str | TextModelName | Unset = UNSET,
    seed: int | Unset = UNSET,
    system: str | Unset = UNSET,
    json: bool | Unset = UNSET,
    temperature: float | Unset = UNSET,
    stream: bool | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_model: str | Unset
    if isinstance(model, Unset):
        json_model = UNSET
    elif isinstance(model, TextModelName):
        json_model = model.value
    else:
        json_model = model
    params["model"] = json_model

    params["seed"] = seed

    params["system"] = system

    params["json"] = json

    params["temperature"] = temperature

    params["stream"] = stream

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": f"/text/{_path_segment(prompt)}",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | ValidationErrorResponse | str | None:
    if response.status_code == 200:
        response_200 = response.text
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
) -> Response[ErrorResponse | ValidationErrorResponse | str]:
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
    model: str | TextModelName | Unset = UNSET,
    seed: int | Unset = UNSET,
    system: str | Unset = UNSET,
    json: bool | Unset = UNSET,
    temperature: float | Unset = UNSET,
    stream: bool | Unset = UNSET,
) -> Response[ErrorResponse | ValidationErrorResponse | str]:
    """Generates text from text prompts.

    **Authentication:**

    Include your API key either:
    - In the `Authorization` header as a Bearer token: `Authorization: Bearer YOUR_API_KEY`
    - As a query parameter: `?key=YOUR_API_KEY`

    API keys can be created from your dashboard at enter.pollinations.ai.

    Args:
        prompt (str):  Example: Write a haiku about coding.
        model (str | TextModelName | Unset):  Default: TextModelName.OPENAI.
        seed (int | Unset):  Default: 0.
        system (str | Unset):
        json (bool | Unset):  Default: False.
        temperature (float | Unset):
        stream (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ValidationErrorResponse | str]
    """

    kwargs = _get_kwargs(
        prompt=prompt,
        model=model,
        seed=seed,
        system=system,
        json=json,
        temperature=temperature,
        stream=stream,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    prompt: str,
    *,
    client: AuthenticatedClient,
    model: str | TextModelName | Unset = UNSET,
    seed: int | Unset = UNSET,
    system: str | Unset = UNSET,
    json: bool | Unset = UNSET,
    temperature: float | Unset = UNSET,
    stream: bool | Unset = UNSET,
) -> ErrorResponse | ValidationErrorResponse | str | None:
    """Generates text from text prompts.

    **Authentication:**

    Include your API key either:
    - In the `Authorization` header as a Bearer token: `Authorization: Bearer YOUR_API_KEY`
    - As a query parameter: `?key=YOUR_API_KEY`

    API keys can be created from your dashboard at enter.pollinations.ai.

    Args:
        prompt (str):  Example: Write a haiku about coding.
        model (str | TextModelName | Unset):  Default: TextModelName.OPENAI.
        seed (int | Unset):  Default: 0.
        system (str | Unset):
        json (bool | Unset):  Default: False.
        temperature (float | Unset):
        stream (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ValidationErrorResponse | str
    """

    return sync_detailed(
        prompt=prompt,
        client=client,
        model=model,
        seed=seed,
        system=system,
        json=json,
        temperature=temperature,
        stream=stream,
    ).parsed


async def asyncio_detailed(
    prompt: str,
    *,
    client: AuthenticatedClient,
    model: str | TextModelName | Unset = UNSET,
    seed: int | Unset = UNSET,
    system: str | Unset = UNSET,
    json: bool | Unset = UNSET,
    temperature: float | Unset = UNSET,
    stream: bool | Unset = UNSET,
) -> Response[ErrorResponse | ValidationErrorResponse | str]:
    """Generates text from text prompts.

    **Authentication:**

    Include your API key either:
    - In the `Authorization` header as a Bearer token: `Authorization: Bearer YOUR_API_KEY`
    - As a query parameter: `?key=YOUR_API_KEY`

    API keys can be created from your dashboard at enter.pollinations.ai.

    Args:
        prompt (str):  Example: Write a haiku about coding.
        model (str | TextModelName | Unset):  Default: TextModelName.OPENAI.
        seed (int | Unset):  Default: 0.
        system (str | Unset):
        json (bool | Unset):  Default: False.
        temperature (float | Unset):
        stream (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ValidationErrorResponse | str]
    """

    kwargs = _get_kwargs(
        prompt=prompt,
        model=model,
        seed=seed,
        system=system,
        json=json,
        temperature=temperature,
        stream=stream,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    prompt: str,
    *,
    client: AuthenticatedClient,
    model: str | TextModelName | Unset = UNSET,
    seed: int | Unset = UNSET,
    system: str | Unset = UNSET,
    json: bool | Unset = UNSET,
    temperature: float | Unset = UNSET,
    stream: bool | Unset = UNSET,
) -> ErrorResponse | ValidationErrorResponse | str | None:
    """Generates text from text prompts.

    **Authentication:**

    Include your API key either:
    - In the `Authorization` header as a Bearer token: `Authorization: Bearer YOUR_API_KEY`
    - As a query parameter: `?key=YOUR_API_KEY`

    API keys can be created from your dashboard at enter.pollinations.ai.

    Args:
        prompt (str):  Example: Write a haiku about coding.
        model (str | TextModelName | Unset):  Default: TextModelName.OPENAI.
        seed (int | Unset):  Default: 0.
        system (str | Unset):
        json (bool | Unset):  Default: False.
        temperature (float | Unset):
        stream (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ValidationErrorResponse | str
    """

    return (
        await asyncio_detailed(
            prompt=prompt,
            client=client,
            model=model,
            seed=seed,
            system=system,
            json=json,
            temperature=temperature,
            stream=stream,
        )
    ).parsed
