# Generated from openapi.yaml by `make generate`; do not edit.
from http import HTTPStatus
from io import BytesIO

import httpx

from ... import types as _t
from ...client import AuthenticatedClient, Client
from ...models.audio_voice import AudioVoice
from ...models.error_response import ErrorResponse
from ...models.generate_audio_instrumental import GenerateAudioInstrumental
from ...models.generate_audio_response_format import GenerateAudioResponseFormat
from ...models.validation_error_response import ValidationErrorResponse
from ...types import File, Response


def build_request(
    text: str,
    *,
    voice: AudioVoice | str | None = None,
    response_format: GenerateAudioResponseFormat | None = None,
    model: str | None = None,
    duration: str | None = None,
    instrumental: GenerateAudioInstrumental | None = None,
) -> _t.RequestParts:
    """The request of GET /audio/{text}, before any I/O:
    method, URL (relative to the base URL), the query parameters that were given,
    headers and body. The four functions below send what this returns.
    """
    return _t.RequestParts(
        method="GET",
        url=f"/audio/{_t.path_segment(text)}",
        params=_t.as_query(
            {
                "voice": voice,
                "response_format": response_format,
                "model": model,
                "duration": duration,
                "instrumental": instrumental,
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
    text: str,
    *,
    client: AuthenticatedClient,
    voice: AudioVoice | str | None = None,
    response_format: GenerateAudioResponseFormat | None = None,
    model: str | None = None,
    duration: str | None = None,
    instrumental: GenerateAudioInstrumental | None = None,
) -> Response[ErrorResponse | File | ValidationErrorResponse]:
    """Generate audio from text — speech (TTS) or music.

    **Models:** Use `model` query param to select:
    - TTS (default): `elevenlabs`, `tts-1`, etc.
    - Music: `elevenmusic` (or `music`)

    **TTS Voices:** alloy, echo, fable, onyx, nova, shimmer, ash, ballad, coral, sage, verse, rachel,
    domi, bella, elli, charlotte, dorothy, sarah, emily, lily, matilda, adam, antoni, arnold, josh, sam,
    daniel, charlie, james, fin, callum, liam, george, brian, bill

    **Output Formats (TTS only):** mp3, opus, aac, flac, wav, pcm

    **Music options:** `duration` in seconds (3-300), `instrumental=true`

    **Authentication:**

    Include your API key either:
    - In the `Authorization` header as a Bearer token: `Authorization: Bearer YOUR_API_KEY`
    - As a query parameter: `?key=YOUR_API_KEY`

    API keys can be created from your dashboard at enter.pollinations.ai.

    Args:
        text (str): Text to convert to speech, or a music description when model=elevenmusic.
        voice (AudioVoice | str | None): Voice to use for speech generation (TTS only). None: not
            sent (the server's default is AudioVoice.ALLOY).
        response_format (GenerateAudioResponseFormat | None): Audio output format (TTS only).
            None: not sent (the server's default is GenerateAudioResponseFormat.MP3).
        model (str | None): Audio model: TTS (default) or elevenmusic for music generation. None:
            not sent.
        duration (str | None): Music duration in seconds, 3-300 (elevenmusic only). None: not
            sent.
        instrumental (GenerateAudioInstrumental | None): If true, guarantees instrumental output
            (elevenmusic only). None: not sent (the server's default is
            GenerateAudioInstrumental.FALSE).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | File | ValidationErrorResponse]
    """

    parts = build_request(
        text=text,
        voice=voice,
        response_format=response_format,
        model=model,
        duration=duration,
        instrumental=instrumental,
    )
    response = client.get_httpx_client().request(**parts.as_httpx_kwargs())
    return _build_response(client=client, response=response)


def sync(
    text: str,
    *,
    client: AuthenticatedClient,
    voice: AudioVoice | str | None = None,
    response_format: GenerateAudioResponseFormat | None = None,
    model: str | None = None,
    duration: str | None = None,
    instrumental: GenerateAudioInstrumental | None = None,
) -> ErrorResponse | File | ValidationErrorResponse | None:
    """Generate audio from text — speech (TTS) or music.

    **Models:** Use `model` query param to select:
    - TTS (default): `elevenlabs`, `tts-1`, etc.
    - Music: `elevenmusic` (or `music`)

    **TTS Voices:** alloy, echo, fable, onyx, nova, shimmer, ash, ballad, coral, sage, verse, rachel,
    domi, bella, elli, charlotte, dorothy, sarah, emily, lily, matilda, adam, antoni, arnold, josh, sam,
    daniel, charlie, james, fin, callum, liam, george, brian, bill

    **Output Formats (TTS only):** mp3, opus, aac, flac, wav, pcm

    **Music options:** `duration` in seconds (3-300), `instrumental=true`

    **Authentication:**

    Include your API key either:
    - In the `Authorization` header as a Bearer token: `Authorization: Bearer YOUR_API_KEY`
    - As a query parameter: `?key=YOUR_API_KEY`

    API keys can be created from your dashboard at enter.pollinations.ai.

    Args:
        text (str): Text to convert to speech, or a music description when model=elevenmusic.
        voice (AudioVoice | str | None): Voice to use for speech generation (TTS only). None: not
            sent (the server's default is AudioVoice.ALLOY).
        response_format (GenerateAudioResponseFormat | None): Audio output format (TTS only).
            None: not sent (the server's default is GenerateAudioResponseFormat.MP3).
        model (str | None): Audio model: TTS (default) or elevenmusic for music generation. None:
            not sent.
        duration (str | None): Music duration in seconds, 3-300 (elevenmusic only). None: not
            sent.
        instrumental (GenerateAudioInstrumental | None): If true, guarantees instrumental output
            (elevenmusic only). None: not sent (the server's default is
            GenerateAudioInstrumental.FALSE).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | File | ValidationErrorResponse
    """

    return sync_detailed(
        text=text,
        client=client,
        voice=voice,
        response_format=response_format,
        model=model,
        duration=duration,
        instrumental=instrumental,
    ).parsed


async def asyncio_detailed(
    text: str,
    *,
    client: AuthenticatedClient,
    voice: AudioVoice | str | None = None,
    response_format: GenerateAudioResponseFormat | None = None,
    model: str | None = None,
    duration: str | None = None,
    instrumental: GenerateAudioInstrumental | None = None,
) -> Response[ErrorResponse | File | ValidationErrorResponse]:
    """Generate audio from text — speech (TTS) or music.

    **Models:** Use `model` query param to select:
    - TTS (default): `elevenlabs`, `tts-1`, etc.
    - Music: `elevenmusic` (or `music`)

    **TTS Voices:** alloy, echo, fable, onyx, nova, shimmer, ash, ballad, coral, sage, verse, rachel,
    domi, bella, elli, charlotte, dorothy, sarah, emily, lily, matilda, adam, antoni, arnold, josh, sam,
    daniel, charlie, james, fin, callum, liam, george, brian, bill

    **Output Formats (TTS only):** mp3, opus, aac, flac, wav, pcm

    **Music options:** `duration` in seconds (3-300), `instrumental=true`

    **Authentication:**

    Include your API key either:
    - In the `Authorization` header as a Bearer token: `Authorization: Bearer YOUR_API_KEY`
    - As a query parameter: `?key=YOUR_API_KEY`

    API keys can be created from your dashboard at enter.pollinations.ai.

    Args:
        text (str): Text to convert to speech, or a music description when model=elevenmusic.
        voice (AudioVoice | str | None): Voice to use for speech generation (TTS only). None: not
            sent (the server's default is AudioVoice.ALLOY).
        response_format (GenerateAudioResponseFormat | None): Audio output format (TTS only).
            None: not sent (the server's default is GenerateAudioResponseFormat.MP3).
        model (str | None): Audio model: TTS (default) or elevenmusic for music generation. None:
            not sent.
        duration (str | None): Music duration in seconds, 3-300 (elevenmusic only). None: not
            sent.
        instrumental (GenerateAudioInstrumental | None): If true, guarantees instrumental output
            (elevenmusic only). None: not sent (the server's default is
            GenerateAudioInstrumental.FALSE).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | File | ValidationErrorResponse]
    """

    parts = build_request(
        text=text,
        voice=voice,
        response_format=response_format,
        model=model,
        duration=duration,
        instrumental=instrumental,
    )
    response = await client.get_async_httpx_client().request(**parts.as_httpx_kwargs())
    return _build_response(client=client, response=response)


async def asyncio(
    text: str,
    *,
    client: AuthenticatedClient,
    voice: AudioVoice | str | None = None,
    response_format: GenerateAudioResponseFormat | None = None,
    model: str | None = None,
    duration: str | None = None,
    instrumental: GenerateAudioInstrumental | None = None,
) -> ErrorResponse | File | ValidationErrorResponse | None:
    """Generate audio from text — speech (TTS) or music.

    **Models:** Use `model` query param to select:
    - TTS (default): `elevenlabs`, `tts-1`, etc.
    - Music: `elevenmusic` (or `music`)

    **TTS Voices:** alloy, echo, fable, onyx, nova, shimmer, ash, ballad, coral, sage, verse, rachel,
    domi, bella, elli, charlotte, dorothy, sarah, emily, lily, matilda, adam, antoni, arnold, josh, sam,
    daniel, charlie, james, fin, callum, liam, george, brian, bill

    **Output Formats (TTS only):** mp3, opus, aac, flac, wav, pcm

    **Music options:** `duration` in seconds (3-300), `instrumental=true`

    **Authentication:**

    Include your API key either:
    - In the `Authorization` header as a Bearer token: `Authorization: Bearer YOUR_API_KEY`
    - As a query parameter: `?key=YOUR_API_KEY`

    API keys can be created from your dashboard at enter.pollinations.ai.

    Args:
        text (str): Text to convert to speech, or a music description when model=elevenmusic.
        voice (AudioVoice | str | None): Voice to use for speech generation (TTS only). None: not
            sent (the server's default is AudioVoice.ALLOY).
        response_format (GenerateAudioResponseFormat | None): Audio output format (TTS only).
            None: not sent (the server's default is GenerateAudioResponseFormat.MP3).
        model (str | None): Audio model: TTS (default) or elevenmusic for music generation. None:
            not sent.
        duration (str | None): Music duration in seconds, 3-300 (elevenmusic only). None: not
            sent.
        instrumental (GenerateAudioInstrumental | None): If true, guarantees instrumental output
            (elevenmusic only). None: not sent (the server's default is
            GenerateAudioInstrumental.FALSE).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | File | ValidationErrorResponse
    """

    return (
        await asyncio_detailed(
            text=text,
            client=client,
            voice=voice,
            response_format=response_format,
            model=model,
            duration=duration,
            instrumental=instrumental,
        )
    ).parsed
