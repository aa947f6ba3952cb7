# Generated from openapi.yaml by `make generate`; do not edit.
from http import HTTPStatus

import httpx

from ... import types as _t
from ...client import AuthenticatedClient, Client
from ...models.chat_completion import ChatCompletion
from ...models.chat_completion_request import ChatCompletionRequest
from ...models.error_response import ErrorResponse
from ...models.validation_error_response import ValidationErrorResponse
from ...types import Response


def build_request(
    *,
    body: ChatCompletionRequest,
) -> _t.RequestParts:
    """The request of POST /v1/chat/completions, before any I/O:
    method, URL (relative to the base URL), the query parameters that were given,
    headers and body. The four functions below send what this returns.
    """
    return _t.RequestParts(
        method="POST",
        url="/v1/chat/completions",
        params=_t.as_query({}),
        headers={},
        json=None if body is None else _t.dump(body),
    )


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ChatCompletion | ErrorResponse | ValidationErrorResponse:
    if response.status_code == 200:
        return _t.parse_json(response, _t.model("ChatCompletion"), dict)  # type: ignore[no-any-return]

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
) -> Response[ChatCompletion | ErrorResponse | ValidationErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ChatCompletionRequest,
) -> Response[ChatCompletion | ErrorResponse | ValidationErrorResponse]:
    """OpenAI-compatible chat completions endpoint.

    **Legacy endpoint:** `/openai` (deprecated, use `/v1/chat/completions` instead)

    **Authentication (Secret Keys Only):**

    Include your API key in the `Authorization` header as a Bearer token:

    `Authorization: Bearer YOUR_API_KEY`

    API keys can be created from your dashboard at enter.pollinations.ai.
    Both key types consume Pollen. Secret keys have no rate limits.

    Args:
        body (ChatCompletionRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChatCompletion | ErrorResponse | ValidationErrorResponse]
    """

    parts = build_request(
        body=body,
    )
    response = client.get_httpx_client().request(**parts.as_httpx_kwargs())
    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: ChatCompletionRequest,
) -> ChatCompletion | ErrorResponse | ValidationErrorResponse | None:
    """OpenAI-compatible chat completions endpoint.

    **Legacy endpoint:** `/openai` (deprecated, use `/v1/chat/completions` instead)

    **Authentication (Secret Keys Only):**

    Include your API key in the `Authorization` header as a Bearer token:

    `Authorization: Bearer YOUR_API_KEY`

    API keys can be created from your dashboard at enter.pollinations.ai.
    Both key types consume Pollen. Secret keys have no rate limits.

    Args:
        body (ChatCompletionRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChatCompletion | ErrorResponse | ValidationErrorResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ChatCompletionRequest,
) -> Response[ChatCompletion | ErrorResponse | ValidationErrorResponse]:
    """OpenAI-compatible chat completions endpoint.

    **Legacy endpoint:** `/openai` (deprecated, use `/v1/chat/completions` instead)

    **Authentication (Secret Keys Only):**

    Include your API key in the `Authorization` header as a Bearer token:

    `Authorization: Bearer YOUR_API_KEY`

    API keys can be created from your dashboard at enter.pollinations.ai.
    Both key types consume Pollen. Secret keys have no rate limits.

    Args:
        body (ChatCompletionRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChatCompletion | ErrorResponse | ValidationErrorResponse]
    """

    parts = build_request(
        body=body,
    )
    response = await client.get_async_httpx_client().request(**parts.as_httpx_kwargs())
    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: ChatCompletionRequest,
) -> ChatCompletion | ErrorResponse | ValidationErrorResponse | None:
    """OpenAI-compatible chat completions endpoint.

    **Legacy endpoint:** `/openai` (deprecated, use `/v1/chat/completions` instead)

    **Authentication (Secret Keys Only):**

    Include your API key in the `Authorization` header as a Bearer token:

    `Authorization: Bearer YOUR_API_KEY`

    API keys can be created from your dashboard at enter.pollinations.ai.
    Both key types consume Pollen. Secret keys have no rate limits.

    Args:
        body (ChatCompletionRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChatCompletion | ErrorResponse | ValidationErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
