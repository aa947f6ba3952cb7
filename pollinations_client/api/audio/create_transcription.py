# Generated from openapi.yaml by `make generate`; do not edit.
from http import HTTPStatus

import httpx

from ... import types as _t
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.transcription import Transcription
from ...models.transcription_request import TranscriptionRequest
from ...models.validation_error_response import ValidationErrorResponse
from ...types import Response


def build_request(
    *,
    body: TranscriptionRequest,
) -> _t.RequestParts:
    """The request of POST /v1/audio/transcriptions, before any I/O:
    method, URL (relative to the base URL), the query parameters that were given,
    headers and body. The four functions below send what this returns.
    """
    return _t.RequestParts(
        method="POST",
        url="/v1/audio/transcriptions",
        params=_t.as_query({}),
        headers={},
        files=None if body is None else body.to_multipart(),
    )


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | Transcription | ValidationErrorResponse:
    if response.status_code == 200:
        return _t.parse_json(response, _t.model("Transcription"), dict)  # type: ignore[no-any-return]

    if response.status_code == 400:
        return _t.parse_json(response, _t.model("ValidationErrorResponse"), dict)  # type: ignore[no-any-return]

    if response.status_code == 401:
        return _t.parse_json(response, _t.model("ErrorResponse"), dict)  # type: ignore[no-any-return]

    if response.status_code == 402:
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
) -> Response[ErrorResponse | Transcription | ValidationErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: TranscriptionRequest,
) -> Response[ErrorResponse | Transcription | ValidationErrorResponse]:
    """Transcribe audio to text using Whisper or ElevenLabs Scribe.

    This endpoint is OpenAI Whisper API compatible.

    **Supported formats:** mp3, mp4, mpeg, mpga, m4a, wav, webm

    **Models:** `whisper-large-v3` (default), `whisper-1`, `scribe`

    Args:
        body (TranscriptionRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | Transcription | ValidationErrorResponse]
    """

    parts = build_request(
        body=body,
    )
    response = client.get_httpx_client().request(**parts.as_httpx_kwargs())
    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: TranscriptionRequest,
) -> ErrorResponse | Transcription | ValidationErrorResponse | None:
    """Transcribe audio to text using Whisper or ElevenLabs Scribe.

    This endpoint is OpenAI Whisper API compatible.

    **Supported formats:** mp3, mp4, mpeg, mpga, m4a, wav, webm

    **Models:** `whisper-large-v3` (default), `whisper-1`, `scribe`

    Args:
        body (TranscriptionRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | Transcription | ValidationErrorResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: TranscriptionRequest,
) -> Response[ErrorResponse | Transcription | ValidationErrorResponse]:
    """Transcribe audio to text using Whisper or ElevenLabs Scribe.

    This endpoint is OpenAI Whisper API compatible.

    **Supported formats:** mp3, mp4, mpeg, mpga, m4a, wav, webm

    **Models:** `whisper-large-v3` (default), `whisper-1`, `scribe`

    Args:
        body (TranscriptionRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | Transcription | ValidationErrorResponse]
    """

    parts = build_request(
        body=body,
    )
    response = await client.get_async_httpx_client().request(**parts.as_httpx_kwargs())
    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: TranscriptionRequest,
) -> ErrorResponse | Transcription | ValidationErrorResponse | None:
    """Transcribe audio to text using Whisper or ElevenLabs Scribe.

    This endpoint is OpenAI Whisper API compatible.

    **Supported formats:** mp3, mp4, mpeg, mpga, m4a, wav, webm

    **Models:** `whisper-large-v3` (default), `whisper-1`, `scribe`

    Args:
        body (TranscriptionRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | Transcription | ValidationErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
