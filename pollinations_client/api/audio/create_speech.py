# Generated from openapi.yaml by `make generate`; do not edit.
from http import HTTPStatus
from io import BytesIO

import httpx

from ... import types as _t
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.speech_request import SpeechRequest
from ...models.validation_error_response import ValidationErrorResponse
from ...types import File, Response


def build_request(
    *,
    body: SpeechRequest,
) -> _t.RequestParts:
    """The request of POST /v1/audio/speech, before any I/O:
    method, URL (relative to the base URL), the query parameters that were given,
    headers and body. The four functions below send what this returns.
    """
    return _t.RequestParts(
        method="POST",
        url="/v1/audio/speech",
        params=_t.as_query({}),
        headers={},
        json=None if body is None else _t.dump(body),
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
    *,
    client: AuthenticatedClient,
    body: SpeechRequest,
) -> Response[ErrorResponse | File | ValidationErrorResponse]:
    """Generate audio from text — speech (TTS) or music.

    This endpoint is OpenAI TTS API compatible.
    Set `model` to `elevenmusic` (or alias `music`) to generate music instead of speech.

    **TTS Voices:** alloy, echo, fable, onyx, nova, shimmer, ash, ballad, coral, sage, verse, rachel,
    domi, bella, elli, charlotte, dorothy, sarah, emily, lily, matilda, adam, antoni, arnold, josh, sam,
    daniel, charlie, james, fin, callum, liam, george, brian, bill

    **Output Formats (TTS only):** mp3, opus, aac, flac, wav, pcm

    Args:
        body (SpeechRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | File | ValidationErrorResponse]
    """

    parts = build_request(
        body=body,
    )
    response = client.get_httpx_client().request(**parts.as_httpx_kwargs())
    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: SpeechRequest,
) -> ErrorResponse | File | ValidationErrorResponse | None:
    """Generate audio from text — speech (TTS) or music.

    This endpoint is OpenAI TTS API compatible.
    Set `model` to `elevenmusic` (or alias `music`) to generate music instead of speech.

    **TTS Voices:** alloy, echo, fable, onyx, nova, shimmer, ash, ballad, coral, sage, verse, rachel,
    domi, bella, elli, charlotte, dorothy, sarah, emily, lily, matilda, adam, antoni, arnold, josh, sam,
    daniel, charlie, james, fin, callum, liam, george, brian, bill

    **Output Formats (TTS only):** mp3, opus, aac, flac, wav, pcm

    Args:
        body (SpeechRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | File | ValidationErrorResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: SpeechRequest,
) -> Response[ErrorResponse | File | ValidationErrorResponse]:
    """Generate audio from text — speech (TTS) or music.

    This endpoint is OpenAI TTS API compatible.
    Set `model` to `elevenmusic` (or alias `music`) to generate music instead of speech.

    **TTS Voices:** alloy, echo, fable, onyx, nova, shimmer, ash, ballad, coral, sage, verse, rachel,
    domi, bella, elli, charlotte, dorothy, sarah, emily, lily, matilda, adam, antoni, arnold, josh, sam,
    daniel, charlie, james, fin, callum, liam, george, brian, bill

    **Output Formats (TTS only):** mp3, opus, aac, flac, wav, pcm

    Args:
        body (SpeechRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | File | ValidationErrorResponse]
    """

    parts = build_request(
        body=body,
    )
    response = await client.get_async_httpx_client().request(**parts.as_httpx_kwargs())
    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: SpeechRequest,
) -> ErrorResponse | File | ValidationErrorResponse | None:
    """Generate audio from text — speech (TTS) or music.

    This endpoint is OpenAI TTS API compatible.
    Set `model` to `elevenmusic` (or alias `music`) to generate music instead of speech.

    **TTS Voices:** alloy, echo, fable, onyx, nova, shimmer, ash, ballad, coral, sage, verse, rachel,
    domi, bella, elli, charlotte, dorothy, sarah, emily, lily, matilda, adam, antoni, arnold, josh, sam,
    daniel, charlie, james, fin, callum, liam, george, brian, bill

    **Output Formats (TTS only):** mp3, opus, aac, flac, wav, pcm

    Args:
        body (SpeechRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | File | ValidationErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
