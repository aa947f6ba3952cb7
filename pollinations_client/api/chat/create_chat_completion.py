from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.chat_completion import ChatCompletion
from ...models.chat_completion_request import ChatCompletionRequest
from ...models.error_response import ErrorResponse
from ...models.validation_error_response import ValidationErrorResponse
from ...types import Response


def _get_kwargs(
    *,
    body: ChatCompletionRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/chat/completions",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ChatCompletion | ErrorResponse | ValidationErrorResponse | None:
    if response.status_code == 200:
        if not response.content or not response.headers.get(
            "content-type", "application/json"
        ).split(";")[0].strip().endswith("json"):
            return None
        response_200 = ChatCompletion.from_dict(response.json())

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

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

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

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

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
