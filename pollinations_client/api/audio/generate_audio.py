from http import HTTPStatus
from io import BytesIO
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.audio_voice import AudioVoice
from ...models.error_response import ErrorResponse
from ...models.generate_audio_instrumental import GenerateAudioInstrumental
from ...models.generate_audio_response_format import GenerateAudioResponseFormat
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
    text: str,
    *,
    voice: AudioVoice | str | Unset = UNSET,
    response_format: GenerateAudioResponseFormat | Unset = UNSET,
    model: str | Unset = UNSET,
    duration: str | Unset = UNSET,
    instrumental: GenerateAudioInstrumental | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_voice: str | Unset
    if isinstance(voice, Unset):
        json_voice = UNSET
    elif isinstance(voice, AudioVoice):
        json_voice = voice.value
    else:
        json_voice = voice
    params["voice"] = json_voice

    json_response_format: str | Unset = UNSET
    if not isinstance(response_format, Unset):
        json_response_format = response_format.value

    params["response_format"] = json_response_format

    params["model"] = model

    params["duration"] = duration

    json_instrumental: str | Unset = UNSET
    if not isinstance(instrumental, Unset):
        json_instrumental = instrumental.value

    params["instrumental"] = json_instrumental

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": f"/audio/{_path_segment(text)}",
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
    text: str,
    *,
    client: AuthenticatedClient,
    voice: AudioVoice | str | Unset = UNSET,
    response_format: GenerateAudioResponseFormat | Unset = UNSET,
    model: str | Unset = UNSET,
    duration: str | Unset = UNSET,
    instrumental: GenerateAudioInstrumental | Unset = UNSET,
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
        text (str):  Example: Hello, welcome to Pollinations!.
        voice (AudioVoice | str | Unset):  Default: AudioVoice.ALLOY. Example: nova.
        response_format (GenerateAudioResponseFormat | Unset):  Default:
            GenerateAudioResponseFormat.MP3. Example: mp3.
        model (str | Unset):  Example: tts-1.
        duration (str | Unset):  Example: 30.
        instrumental (GenerateAudioInstrumental | Unset):  Default:
            GenerateAudioInstrumental.FALSE. Example: false.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | File | ValidationErrorResponse]
    """

    kwargs = _get_kwargs(
        text=text,
        voice=voice,
        response_format=response_format,
        model=model,
        duration=duration,
        instrumental=instrumental,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    text: str,
    *,
    client: AuthenticatedClient,
    voice: AudioVoice | str | Unset = UNSET,
    response_format: GenerateAudioResponseFormat | Unset = UNSET,
    model: str | Unset = UNSET,
    duration: str | Unset = UNSET,
    instrumental: GenerateAudioInstrumental | Unset = UNSET,
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
        text (str):  Example: Hello, welcome to Pollinations!.
        voice (AudioVoice | str | Unset):  Default: AudioVoice.ALLOY. Example: nova.
        response_format (GenerateAudioResponseFormat | Unset):  Default:
            GenerateAudioResponseFormat.MP3. Example: mp3.
        model (str | Unset):  Example: tts-1.
        duration (str | Unset):  Example: 30.
        instrumental (GenerateAudioInstrumental | Unset):  Default:
            GenerateAudioInstrumental.FALSE. Example: false.

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
    voice: AudioVoice | str | Unset = UNSET,
    response_format: GenerateAudioResponseFormat | Unset = UNSET,
    model: str | Unset = UNSET,
    duration: str | Unset = UNSET,
    instrumental: GenerateAudioInstrumental | Unset = UNSET,
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
        text (str):  Example: Hello, welcome to Pollinations!.
        voice (AudioVoice | str | Unset):  Default: AudioVoice.ALLOY. Example: nova.
        response_format (GenerateAudioResponseFormat | Unset):  Default:
            GenerateAudioResponseFormat.MP3. Example: mp3.
        model (str | Unset):  Example: tts-1.
        duration (str | Unset):  Example: 30.
        instrumental (GenerateAudioInstrumental | Unset):  Default:
            GenerateAudioInstrumental.FALSE. Example: false.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | File | ValidationErrorResponse]
    """

    kwargs = _get_kwargs(
        text=text,
        voice=voice,
        response_format=response_format,
        model=model,
        duration=duration,
        instrumental=instrumental,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    text: str,
    *,
    client: AuthenticatedClient,
    voice: AudioVoice | str | Unset = UNSET,
    response_format: GenerateAudioResponseFormat | Unset = UNSET,
    model: str | Unset = UNSET,
    duration: str | Unset = UNSET,
    instrumental: GenerateAudioInstrumental | Unset = UNSET,
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
        text (str):  Example: Hello, welcome to Pollinations!.
        voice (AudioVoice | str | Unset):  Default: AudioVoice.ALLOY. Example: nova.
        response_format (GenerateAudioResponseFormat | Unset):  Default:
            GenerateAudioResponseFormat.MP3. Example: mp3.
        model (str | Unset):  Example: tts-1.
        duration (str | Unset):  Example: 30.
        instrumental (GenerateAudioInstrumental | Unset):  Default:
            GenerateAudioInstrumental.FALSE. Example: false.

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
