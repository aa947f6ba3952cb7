# Generated from openapi.yaml by `make generate`; do not edit.
from http import HTTPStatus

import httpx

from ... import types as _t
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.text_model_name import TextModelName
from ...models.validation_error_response import ValidationErrorResponse
from ...types import Response


def build_request(
    prompt: str,
    *,
    model: str | TextModelName | None = None,
    seed: int | None = None,
    system: str | None = None,
    json: bool | None = None,
    temperature: float | None = None,
    stream: bool | None = None,
) -> _t.RequestParts:
    """The request of GET /text/{prompt}, before any I/O:
    method, URL (relative to the base URL), the query parameters that were given,
    headers and body. The four functions below send what this returns.
    """
    return _t.RequestParts(
        method="GET",
        url=f"/text/{_t.path_segment(prompt)}",
        params=_t.as_query(
            {
                "model": model,
                "seed": seed,
                "system": system,
                "json": json,
                "temperature": temperature,
                "stream": stream,
            }
        ),
        headers={},
    )


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | ValidationErrorResponse | str:
    if response.status_code == 200:
        response_200 = response.text
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
    model: str | TextModelName | None = None,
    seed: int | None = None,
    system: str | None = None,
    json: bool | None = None,
    temperature: float | None = None,
    stream: bool | None = None,
) -> Response[ErrorResponse | ValidationErrorResponse | str]:
    """Generates text from text prompts.

    **Authentication:**

    Include your API key either:
    - In the `Authorization` header as a Bearer token: `Authorization: Bearer YOUR_API_KEY`
    - As a query parameter: `?key=YOUR_API_KEY`

    API keys can be created from your dashboard at enter.pollinations.ai.

    Args:
        prompt (str): Text prompt for generation.
        model (str | TextModelName | None): Text model to use for generation. None: not sent (the
            server's default is TextModelName.OPENAI).
        seed (int | None): Random seed for reproducible results. Use -1 for random. None: not sent
            (the server's default is 0).
        system (str | None): System prompt to set context/behavior for the model. None: not sent.
        json (bool | None): Return response in JSON format. None: not sent (the server's default
            is False).
        temperature (float | None): Controls creativity (0.0=strict, 2.0=creative). None: not
            sent.
        stream (bool | None): Stream response in real-time chunks. None: not sent (the server's
            default is False).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ValidationErrorResponse | str]
    """

    parts = build_request(
        prompt=prompt,
        model=model,
        seed=seed,
        system=system,
        json=json,
        temperature=temperature,
        stream=stream,
    )
    response = client.get_httpx_client().request(**parts.as_httpx_kwargs())
    return _build_response(client=client, response=response)


def sync(
    prompt: str,
    *,
    client: AuthenticatedClient,
    model: str | TextModelName | None = None,
    seed: int | None = None,
    system: str | None = None,
    json: bool | None = None,
    temperature: float | None = None,
    stream: bool | None = None,
) -> ErrorResponse | ValidationErrorResponse | str | None:
    """Generates text from text prompts.

    **Authentication:**

    Include your API key either:
    - In the `Authorization` header as a Bearer token: `Authorization: Bearer YOUR_API_KEY`
    - As a query parameter: `?key=YOUR_API_KEY`

    API keys can be created from your dashboard at enter.pollinations.ai.

    Args:
        prompt (str): Text prompt for generation.
        model (str | TextModelName | None): Text model to use for generation. None: not sent (the
            server's default is TextModelName.OPENAI).
        seed (int | None): Random seed for reproducible results. Use -1 for random. None: not sent
            (the server's default is 0).
        system (str | None): System prompt to set context/behavior for the model. None: not sent.
        json (bool | None): Return response in JSON format. None: not sent (the server's default
            is False).
        temperature (float | None): Controls creativity (0.0=strict, 2.0=creative). None: not
            sent.
        stream (bool | None): Stream response in real-time chunks. None: not sent (the server's
            default is False).

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
    model: str | TextModelName | None = None,
    seed: int | None = None,
    system: str | None = None,
    json: bool | None = None,
    temperature: float | None = None,
    stream: bool | None = None,
) -> Response[ErrorResponse | ValidationErrorResponse | str]:
    """Generates text from text prompts.

    **Authentication:**

    Include your API key either:
    - In the `Authorization` header as a Bearer token: `Authorization: Bearer YOUR_API_KEY`
    - As a query parameter: `?key=YOUR_API_KEY`

    API keys can be created from your dashboard at enter.pollinations.ai.

    Args:
        prompt (str): Text prompt for generation.
        model (str | TextModelName | None): Text model to use for generation. None: not sent (the
            server's default is TextModelName.OPENAI).
        seed (int | None): Random seed for reproducible results. Use -1 for random. None: not sent
            (the server's default is 0).
        system (str | None): System prompt to set context/behavior for the model. None: not sent.
        json (bool | None): Return response in JSON format. None: not sent (the server's default
            is False).
        temperature (float | None): Controls creativity (0.0=strict, 2.0=creative). None: not
            sent.
        stream (bool | None): Stream response in real-time chunks. None: not sent (the server's
            default is False).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ValidationErrorResponse | str]
    """

    parts = build_request(
        prompt=prompt,
        model=model,
        seed=seed,
        system=system,
        json=json,
        temperature=temperature,
        stream=stream,
    )
    response = await client.get_async_httpx_client().request(**parts.as_httpx_kwargs())
    return _build_response(client=client, response=response)


async def asyncio(
    prompt: str,
    *,
    client: AuthenticatedClient,
    model: str | TextModelName | None = None,
    seed: int | None = None,
    system: str | None = None,
    json: bool | None = None,
    temperature: float | None = None,
    stream: bool | None = None,
) -> ErrorResponse | ValidationErrorResponse | str | None:
    """Generates text from text prompts.

    **Authentication:**

    Include your API key either:
    - In the `Authorization` header as a Bearer token: `Authorization: Bearer YOUR_API_KEY`
    - As a query parameter: `?key=YOUR_API_KEY`

    API keys can be created from your dashboard at enter.pollinations.ai.

    Args:
        prompt (str): Text prompt for generation.
        model (str | TextModelName | None): Text model to use for generation. None: not sent (the
            server's default is TextModelName.OPENAI).
        seed (int | None): Random seed for reproducible results. Use -1 for random. None: not sent
            (the server's default is 0).
        system (str | None): System prompt to set context/behavior for the model. None: not sent.
        json (bool | None): Return response in JSON format. None: not sent (the server's default
            is False).
        temperature (float | None): Controls creativity (0.0=strict, 2.0=creative). None: not
            sent.
        stream (bool | None): Stream response in real-time chunks. None: not sent (the server's
            default is False).

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
