"""The audio, audio-model and key/daily-usage methods: what goes on the wire, what comes
back, and the error class of each gateway status.

Each scenario runs against both `Pollinations` and `AsyncPollinations` (see `Harness`).
"""

from __future__ import annotations

import io
import json
import mimetypes
import warnings
from pathlib import Path
from typing import Any

import httpx
import pytest
import respx
from _custom_helpers import (
    DAILY_USAGE,
    KEY,
    KEY_INFO,
    MODEL_INFO,
    MP3,
    PK_KEY,
    FormPart,
    Harness,
    gateway_error,
    multipart_parts,
)

from pollinations_client.custom import (
    APIResponseValidationError,
    APIStatusError,
    AudioResult,
    AuthenticationError,
    BadRequestError,
    InternalServerError,
    InvalidParameterError,
    ListResult,
    PaymentRequiredError,
    PermissionDeniedError,
    RateLimitError,
    TextResult,
)
from pollinations_client.models import (
    AudioVoice,
    DailyUsage,
    DailyUsageResponse,
    KeyInfo,
    KeyType,
    ModelInfo,
    Transcription,
)

pytestmark = pytest.mark.anyio

WAV = b"RIFF\x24\x00\x00\x00WAVEfmt " + bytes(range(40))


def raw_path(request: httpx.Request) -> bytes:
    return request.url.raw_path.partition(b"?")[0]


def only_request(route: respx.Route) -> httpx.Request:
    assert route.call_count == 1
    return route.calls.last.request


def assert_header_auth(request: httpx.Request, key: str = KEY) -> None:
    assert request.headers["authorization"] == f"Bearer {key}"
    assert "key" not in request.url.params


def json_body(request: httpx.Request) -> Any:
    assert request.headers["content-type"] == "application/json"
    return json.loads(request.content)


def audio_response(
    content: bytes = MP3, content_type: str = "audio/mpeg", **headers: str
) -> httpx.Response:
    return httpx.Response(200, content=content, headers={"content-type": content_type, **headers})


def part(parts: list[FormPart], name: str) -> FormPart:
    found = [p for p in parts if p.name == name]
    assert len(found) == 1, [p.name for p in parts]
    return found[0]


# ---------------------------------------------------------------------------- speech


async def test_speech_create_sends_exactly_the_given_fields_as_json(
    h: Harness, router: respx.MockRouter, tmp_path: Path
) -> None:
    route = router.post("/v1/audio/speech").mock(
        return_value=audio_response(WAV, "audio/wav", **{"x-request-id": "req-speech-1"})
    )
    client = h.make()
    result = await h.run(
        client.audio.speech.create(
            input="Hello there, 50% / ? #",
            voice="nova",
            model="tts-1",
            response_format="wav",
            speed=1.5,
        )
    )
    request = only_request(route)
    assert request.method == "POST"
    assert raw_path(request) == b"/v1/audio/speech"
    assert dict(request.url.params) == {}
    assert_header_auth(request)
    assert request.headers["accept"] == "audio/*"
    assert json_body(request) == {
        "input": "Hello there, 50% / ? #",
        "voice": "nova",
        "model": "tts-1",
        "response_format": "wav",
        "speed": 1.5,
    }

    assert isinstance(result, AudioResult)
    assert result.content == WAV
    assert result.content_type == "audio/wav"
    assert result.request_id == "req-speech-1"
    assert result._request_id == "req-speech-1"
    assert result.extension == ".wav"
    saved = result.save(tmp_path / "hello.wav")
    assert saved == tmp_path / "hello.wav"
    assert saved.read_bytes() == WAV
    assert KEY not in repr(result)


async def test_speech_create_sends_only_input_when_only_input_is_given(
    h: Harness, router: respx.MockRouter
) -> None:
    route = router.post("/v1/audio/speech").mock(return_value=audio_response())
    client = h.make()
    unset: dict[str, Any] = {"voice": None, "speed": None, "model": None}
    result = await h.run(client.audio.speech.create(input="hi", **unset))
    assert json_body(only_request(route)) == {"input": "hi"}
    assert result.content == MP3
    assert result.content_type == "audio/mpeg"
    assert result.extension == ".mp3"
    assert result.request_id is None


async def test_speech_create_accepts_the_voice_enum_and_unknown_voices(
    h: Harness, router: respx.MockRouter
) -> None:
    route = router.post("/v1/audio/speech").mock(return_value=audio_response())
    client = h.make()
    await h.run(client.audio.speech.create(input="a", voice=AudioVoice.ALLOY))
    await h.run(client.audio.speech.create(input="b", voice="voice-from-2030"))
    bodies = [json.loads(call.request.content) for call in route.calls]
    assert bodies == [{"input": "a", "voice": "alloy"}, {"input": "b", "voice": "voice-from-2030"}]


@pytest.mark.parametrize(
    ("header", "content_type", "extension"),
    [
        ("audio/mpeg", "audio/mpeg", ".mp3"),
        ("audio/opus", "audio/opus", ".opus"),
        ("audio/aac", "audio/aac", ".aac"),
        ("audio/flac", "audio/flac", ".flac"),
        ("AUDIO/WAV; charset=binary", "audio/wav", ".wav"),
        ("audio/pcm", "audio/pcm", ".pcm"),
        ("audio/x-something-new", "audio/x-something-new", ""),
    ],
)
async def test_speech_result_content_type_and_extension(
    h: Harness, router: respx.MockRouter, header: str, content_type: str, extension: str
) -> None:
    router.post("/v1/audio/speech").mock(return_value=audio_response(b"\x01\x02\x03", header))
    client = h.make()
    result = await h.run(client.audio.speech.create(input="hi"))
    assert result.content == b"\x01\x02\x03"
    assert result.content_type == content_type
    assert result.extension == extension


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({}, "input"),
        ({"input": ""}, "input"),
        ({"input": "x" * 4097}, "input"),
        ({"input": "hi", "speed": 5}, "speed"),
        ({"input": "hi", "speed": 0.1}, "speed"),
        ({"input": "hi", "response_format": "ogg"}, "response_format"),
        ({"input": 42}, "input"),
    ],
)
async def test_speech_create_refuses_bad_arguments_before_any_request(
    h: Harness, router: respx.MockRouter, kwargs: dict[str, Any], field: str
) -> None:
    client = h.make()
    with pytest.raises(InvalidParameterError) as caught:
        await h.run(client.audio.speech.create(**kwargs))
    assert caught.value.field == field
    assert not router.calls


@pytest.mark.parametrize(
    "response",
    [
        httpx.Response(200, json={"error": "not audio"}),
        httpx.Response(200, text="<html>gateway</html>", headers={"content-type": "text/html"}),
        httpx.Response(200, content=b"", headers={"content-type": "audio/mpeg"}),
    ],
)
async def test_speech_create_refuses_a_success_that_is_not_audio(
    h: Harness, router: respx.MockRouter, response: httpx.Response
) -> None:
    router.post("/v1/audio/speech").mock(return_value=response)
    client = h.make()
    with pytest.raises(APIResponseValidationError):
        await h.run(client.audio.speech.create(input="hi"))


# --------------------------------------------------------------------- transcriptions


def transcription_route(router: respx.MockRouter, response: httpx.Response) -> respx.Route:
    return router.post("/v1/audio/transcriptions").mock(return_value=response)


async def test_transcription_sends_a_multipart_form_with_every_text_field(
    h: Harness, router: respx.MockRouter, tmp_path: Path
) -> None:
    route = transcription_route(
        router, httpx.Response(200, json={"text": "hello"}, headers={"x-request-id": "req-tr"})
    )
    path = tmp_path / "speech.mp3"
    path.write_bytes(MP3)
    client = h.make()
    result = await h.run(
        client.audio.transcriptions.create(
            file=path,
            model="whisper-1",
            language="fr",
            prompt="Bonjour / ? #",
            response_format="json",
            temperature=0.25,
        )
    )
    request = only_request(route)
    assert request.method == "POST"
    assert raw_path(request) == b"/v1/audio/transcriptions"
    assert dict(request.url.params) == {}
    assert_header_auth(request)
    assert "application/json" in request.headers["accept"]
    parts = multipart_parts(request)
    assert [p.name for p in parts] == [
        "file",
        "model",
        "language",
        "prompt",
        "response_format",
        "temperature",
    ]
    assert part(parts, "file") == FormPart("file", "speech.mp3", "audio/mpeg", MP3)
    fields = {p.name: p for p in parts if p.name != "file"}
    assert {name: p.data.decode() for name, p in fields.items()} == {
        "model": "whisper-1",
        "language": "fr",
        "prompt": "Bonjour / ? #",
        "response_format": "json",
        "temperature": "0.25",
    }
    assert all(p.filename is None for p in fields.values())

    assert isinstance(result, Transcription)
    assert result.text == "hello"
    assert result._request_id == "req-tr"


async def test_transcription_sends_only_the_file_when_only_the_file_is_given(
    h: Harness, router: respx.MockRouter
) -> None:
    route = transcription_route(router, httpx.Response(200, json={"text": "x"}))
    client = h.make()
    await h.run(client.audio.transcriptions.create(file=("a.mp3", MP3)))
    assert [p.name for p in multipart_parts(only_request(route))] == ["file"]


async def test_transcription_file_from_a_str_path(
    h: Harness, router: respx.MockRouter, tmp_path: Path
) -> None:
    route = transcription_route(router, httpx.Response(200, json={"text": "x"}))
    path = tmp_path / "voice note.wav"
    path.write_bytes(WAV)
    client = h.make()
    await h.run(client.audio.transcriptions.create(file=str(path)))
    upload = part(multipart_parts(only_request(route)), "file")
    assert upload.filename == "voice note.wav"
    assert upload.content_type in ("audio/wav", "audio/x-wav")
    assert upload.data == WAV


async def test_transcription_file_from_bytes(h: Harness, router: respx.MockRouter) -> None:
    route = transcription_route(router, httpx.Response(200, json={"text": "x"}))
    client = h.make()
    await h.run(client.audio.transcriptions.create(file=MP3))
    upload = part(multipart_parts(only_request(route)), "file")
    assert upload.filename == "audio"
    assert upload.content_type == "application/octet-stream"
    assert upload.data == MP3


async def test_transcription_file_from_an_open_binary_file(
    h: Harness, router: respx.MockRouter, tmp_path: Path
) -> None:
    route = transcription_route(router, httpx.Response(200, json={"text": "x"}))
    path = tmp_path / "clip.mp3"
    path.write_bytes(MP3)
    client = h.make()
    with path.open("rb") as handle:
        await h.run(client.audio.transcriptions.create(file=handle))
    upload = part(multipart_parts(only_request(route)), "file")
    assert upload == FormPart("file", "clip.mp3", "audio/mpeg", MP3)


async def test_transcription_file_from_a_nameless_binary_stream(
    h: Harness, router: respx.MockRouter
) -> None:
    route = transcription_route(router, httpx.Response(200, json={"text": "x"}))
    client = h.make()
    await h.run(client.audio.transcriptions.create(file=io.BytesIO(MP3)))
    upload = part(multipart_parts(only_request(route)), "file")
    assert upload == FormPart("file", "audio", "application/octet-stream", MP3)


async def test_transcription_file_from_a_name_and_bytes_tuple(
    h: Harness, router: respx.MockRouter
) -> None:
    route = transcription_route(router, httpx.Response(200, json={"text": "x"}))
    client = h.make()
    await h.run(client.audio.transcriptions.create(file=("take 2.mp3", MP3)))
    upload = part(multipart_parts(only_request(route)), "file")
    assert upload == FormPart("file", "take 2.mp3", "audio/mpeg", MP3)


#: The upload formats the spec lists for POST /v1/audio/transcriptions, with the media
#: type that names each (IANA / what browsers and servers use).
SPEC_UPLOAD_TYPES = {
    "mp3": {"audio/mpeg"},
    "mp4": {"video/mp4", "audio/mp4"},
    "mpeg": {"video/mpeg", "audio/mpeg"},
    "mpga": {"audio/mpeg"},
    "m4a": {"audio/mp4", "audio/x-m4a", "audio/m4a"},
    "wav": {"audio/wav", "audio/x-wav", "audio/wave"},
    "webm": {"video/webm", "audio/webm"},
}


@pytest.mark.parametrize("extension", sorted(SPEC_UPLOAD_TYPES))
async def test_transcription_media_type_of_each_spec_format_does_not_depend_on_the_host(
    h: Harness, router: respx.MockRouter, monkeypatch: pytest.MonkeyPatch, extension: str
) -> None:
    """The server tells the audio format by the part's media type; a machine without
    /etc/mime.types (slim containers) must still label an .m4a or .mpga upload."""
    bare = mimetypes.MimeTypes(filenames=())  # Python's built-in table, no system files
    monkeypatch.setattr(mimetypes, "guess_type", bare.guess_type)
    route = transcription_route(router, httpx.Response(200, json={"text": "x"}))
    client = h.make()
    await h.run(client.audio.transcriptions.create(file=(f"clip.{extension}", MP3)))
    upload = part(multipart_parts(only_request(route)), "file")
    assert upload.filename == f"clip.{extension}"
    assert upload.content_type in SPEC_UPLOAD_TYPES[extension]


async def test_transcription_of_an_open_file_is_resent_whole_on_a_retry(
    h: Harness, router: respx.MockRouter, tmp_path: Path
) -> None:
    route = router.post("/v1/audio/transcriptions").mock(
        side_effect=[
            gateway_error(503, "SERVICE_UNAVAILABLE", "busy"),
            httpx.Response(200, json={"text": "x"}),
        ]
    )
    path = tmp_path / "clip.mp3"
    path.write_bytes(MP3)
    client = h.make()
    with path.open("rb") as handle:
        await h.run(client.audio.transcriptions.create(file=handle))
    assert route.call_count == 2
    uploads = [part(multipart_parts(call.request), "file").data for call in route.calls]
    assert uploads == [MP3, MP3]


@pytest.mark.parametrize("response_format", [None, "json", "verbose_json"])
async def test_transcription_json_formats_give_a_transcription(
    h: Harness, router: respx.MockRouter, response_format: Any
) -> None:
    body = {"text": "hello world", "language": "en", "duration": 1.5, "segments": []}
    route = transcription_route(router, httpx.Response(200, json=body))
    client = h.make()
    result = await h.run(
        client.audio.transcriptions.create(file=("a.mp3", MP3), response_format=response_format)
    )
    assert isinstance(result, Transcription)
    assert not isinstance(result, str)
    assert result.text == "hello world"
    assert result.additional_properties["duration"] == 1.5
    sent = {
        p.name: p.data.decode() for p in multipart_parts(only_request(route)) if p.filename is None
    }
    if response_format is None:
        assert "response_format" not in sent
    else:
        assert sent["response_format"] == response_format


@pytest.mark.parametrize(
    ("response_format", "text"),
    [
        ("text", "hello world"),
        ("srt", "1\n00:00:00,000 --> 00:00:01,000\nhello world\n\n"),
        ("vtt", "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nhello world\n\n"),
    ],
)
async def test_transcription_text_formats_give_text(
    h: Harness, router: respx.MockRouter, response_format: Any, text: str
) -> None:
    route = transcription_route(
        router,
        httpx.Response(
            200,
            text=text,
            headers={"content-type": "text/plain; charset=utf-8", "x-request-id": "req-t"},
        ),
    )
    client = h.make()
    result = await h.run(
        client.audio.transcriptions.create(file=("a.mp3", MP3), response_format=response_format)
    )
    assert isinstance(result, TextResult)
    assert isinstance(result, str)
    assert result == text
    assert result._request_id == "req-t"
    sent = {
        p.name: p.data.decode() for p in multipart_parts(only_request(route)) if p.filename is None
    }
    assert sent["response_format"] == response_format


async def test_transcription_of_a_missing_path_names_file_before_any_request(
    h: Harness, router: respx.MockRouter, tmp_path: Path
) -> None:
    client = h.make()
    for missing in (tmp_path / "nope.mp3", str(tmp_path / "nope.mp3")):
        with pytest.raises(InvalidParameterError) as caught:
            await h.run(client.audio.transcriptions.create(file=missing))
        assert caught.value.field == "file"
        assert "nope.mp3" in str(caught.value)
    assert not router.calls


async def test_transcription_of_a_text_mode_file_names_file_before_any_request(
    h: Harness, router: respx.MockRouter, tmp_path: Path
) -> None:
    path = tmp_path / "clip.mp3"
    path.write_bytes(b"ID3 not really text")
    client = h.make()
    with (
        path.open("r", encoding="latin-1") as text_file,
        pytest.raises(InvalidParameterError) as caught,
    ):
        handle: Any = text_file
        await h.run(client.audio.transcriptions.create(file=handle))
    assert caught.value.field == "file"
    assert "binary" in str(caught.value)
    assert not router.calls


@pytest.mark.parametrize("value", [b"", ("empty.mp3", b""), 42, ["a.mp3"], None])
async def test_transcription_refuses_empty_or_unusable_files_before_any_request(
    h: Harness, router: respx.MockRouter, value: Any
) -> None:
    client = h.make()
    with pytest.raises(InvalidParameterError) as caught:
        await h.run(client.audio.transcriptions.create(file=value))
    assert caught.value.field == "file"
    assert not router.calls


async def test_transcription_refuses_a_bad_response_format_before_any_request(
    h: Harness, router: respx.MockRouter
) -> None:
    client = h.make()
    docx: Any = "docx"
    with pytest.raises(InvalidParameterError) as caught:
        await h.run(client.audio.transcriptions.create(file=("a.mp3", MP3), response_format=docx))
    assert caught.value.field == "response_format"
    assert not router.calls


# ---------------------------------------------------------------------- audio.generate


async def test_audio_generate_percent_encodes_the_text_and_sends_the_query(
    h: Harness, router: respx.MockRouter
) -> None:
    route = router.get(path__startswith="/audio/").mock(
        return_value=audio_response(MP3, "audio/mpeg", **{"x-request-id": "req-gen-a"})
    )
    client = h.make()
    result = await h.run(
        client.audio.generate(
            "say: 50% off / now? #1 café",
            voice="shimmer",
            response_format="mp3",
            model="elevenmusic",
            duration="30",
            instrumental="true",
        )
    )
    request = only_request(route)
    assert request.method == "GET"
    assert raw_path(request) == b"/audio/say%3A%2050%25%20off%20%2F%20now%3F%20%231%20caf%C3%A9"
    assert dict(request.url.params) == {
        "voice": "shimmer",
        "response_format": "mp3",
        "model": "elevenmusic",
        "duration": "30",
        "instrumental": "true",
    }
    assert_header_auth(request)
    assert request.headers["accept"] == "audio/*"
    assert request.content == b""
    assert isinstance(result, AudioResult)
    assert result.content == MP3
    assert result.content_type == "audio/mpeg"
    assert result.request_id == "req-gen-a"


async def test_audio_generate_sends_only_the_given_parameters(
    h: Harness, router: respx.MockRouter
) -> None:
    route = router.get(path__startswith="/audio/").mock(return_value=audio_response())
    client = h.make()
    await h.run(client.audio.generate("hi"))
    request = only_request(route)
    assert raw_path(request) == b"/audio/hi"
    assert dict(request.url.params) == {}


@pytest.mark.parametrize(("text", "segment"), [(".", b"%2E"), ("..", b"%2E%2E")])
async def test_audio_generate_text_of_dots_stays_one_segment(
    h: Harness, router: respx.MockRouter, text: str, segment: bytes
) -> None:
    route = router.get(path__startswith="/audio/").mock(return_value=audio_response())
    router.route().mock(return_value=httpx.Response(200, text="<html>home</html>"))
    client = h.make()
    await h.run(client.audio.generate(text))
    assert raw_path(only_request(route)) == b"/audio/" + segment


@pytest.mark.parametrize("text", ["", "   "])
async def test_audio_generate_refuses_a_blank_text_before_any_request(
    h: Harness, router: respx.MockRouter, text: str
) -> None:
    client = h.make()
    with pytest.raises(InvalidParameterError) as caught:
        await h.run(client.audio.generate(text))
    assert caught.value.field == "text"
    assert not router.calls


# ------------------------------------------------------------------------ models.audio


async def test_models_audio(h: Harness, router: respx.MockRouter) -> None:
    speech = {**MODEL_INFO, "name": "elevenlabs", "aliases": ["tts-1"], "voices": ["alloy"]}
    route = router.get("/audio/models").mock(
        return_value=httpx.Response(
            200, json=[speech, {"name": "whisper-large-v3"}], headers={"x-request-id": "r-am"}
        )
    )
    client = h.make()
    infos = await h.run(client.models.audio())
    request = only_request(route)
    assert request.method == "GET"
    assert dict(request.url.params) == {}
    assert_header_auth(request)
    assert request.headers["accept"] == "application/json"
    assert isinstance(infos, ListResult)
    assert all(isinstance(info, ModelInfo) for info in infos)
    assert [info.name for info in infos] == ["elevenlabs", "whisper-large-v3"]
    assert infos[0].aliases == ["tts-1"]
    assert infos[0].pricing.currency == "pollen"
    assert infos._request_id == "r-am"


async def test_models_audio_needs_no_key(h: Harness, router: respx.MockRouter) -> None:
    route = router.get("/audio/models").mock(return_value=httpx.Response(200, json=[]))
    client = h.make(api_key=None)
    assert list(await h.run(client.models.audio())) == []
    assert "authorization" not in only_request(route).headers


async def test_models_audio_refuses_a_body_that_is_not_a_list(
    h: Harness, router: respx.MockRouter
) -> None:
    router.get("/audio/models").mock(return_value=httpx.Response(200, json={"data": []}))
    client = h.make()
    with pytest.raises(APIResponseValidationError):
        await h.run(client.models.audio())


# ------------------------------------------------------------------------- account.key


async def test_account_key_fields(h: Harness, router: respx.MockRouter) -> None:
    route = router.get("/account/key").mock(
        return_value=httpx.Response(200, json=KEY_INFO, headers={"x-request-id": "r-key"})
    )
    client = h.make()
    info = await h.run(client.account.key())
    request = only_request(route)
    assert request.method == "GET"
    assert dict(request.url.params) == {}
    assert_header_auth(request)
    assert request.headers["accept"] == "application/json"
    assert isinstance(info, KeyInfo)
    assert info.valid is True
    assert info.type_ == KeyType.SECRET
    assert info.name == "ci"
    assert info.expires_at is None
    assert info.expires_in is None
    assert info.permissions.models is None
    assert info.permissions.account == ["balance", "usage"]
    assert info.pollen_budget == 5.0
    assert info.rate_limit_enabled is False
    assert info._request_id == "r-key"
    assert info.to_dict() == KEY_INFO


async def test_account_key_of_a_publishable_key_with_expiry(
    h: Harness, router: respx.MockRouter
) -> None:
    body = {
        **KEY_INFO,
        "type": "publishable",
        "expiresAt": "2030-01-01T00:00:00Z",
        "expiresIn": 3600,
        "permissions": {"models": ["flux"], "account": None},
        "pollenBudget": None,
        "rateLimitEnabled": True,
    }
    route = router.get("/account/key").mock(return_value=httpx.Response(200, json=body))
    client = h.make(api_key=PK_KEY)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # /account/key describes any key: no warning
        info = await h.run(client.account.key())
    assert_header_auth(only_request(route), PK_KEY)
    assert info.type_ == KeyType.PUBLISHABLE
    assert info.expires_at == "2030-01-01T00:00:00Z"
    assert info.expires_in == 3600
    assert info.permissions.models == ["flux"]
    assert info.permissions.account is None
    assert info.pollen_budget is None
    assert info.rate_limit_enabled is True


async def test_account_key_of_an_unknown_key_type(h: Harness, router: respx.MockRouter) -> None:
    router.get("/account/key").mock(
        return_value=httpx.Response(200, json={**KEY_INFO, "type": "service"})
    )
    client = h.make()
    info = await h.run(client.account.key())
    assert info.type_ == "service"


# ------------------------------------------------------------------ account.usage_daily


async def test_account_usage_daily_sends_no_format(h: Harness, router: respx.MockRouter) -> None:
    route = router.get("/account/usage/daily").mock(
        return_value=httpx.Response(200, json=DAILY_USAGE, headers={"x-request-id": "r-d"})
    )
    client = h.make()
    daily = await h.run(client.account.usage_daily())
    request = only_request(route)
    assert request.method == "GET"
    assert dict(request.url.params) == {}
    assert request.headers["accept"] == "application/json"
    assert_header_auth(request)
    assert isinstance(daily, DailyUsageResponse)
    assert daily.count == 1
    assert all(isinstance(row, DailyUsage) for row in daily.usage)
    row = daily.usage[0]
    assert (row.date, row.model, row.requests, row.cost_usd, row.meter_source) == (
        "2025-01-02",
        "openai",
        3,
        0.3,
        "tier",
    )
    assert daily._request_id == "r-d"


async def test_account_usage_daily_csv_sends_format_csv(
    h: Harness, router: respx.MockRouter
) -> None:
    csv = "date,model,meter_source,requests,cost_usd\r\n2025-01-02,openai,tier,3,0.3\r\n"
    route = router.get("/account/usage/daily").mock(
        return_value=httpx.Response(
            200, text=csv, headers={"content-type": "text/csv", "x-request-id": "r-c"}
        )
    )
    client = h.make()
    answer = await h.run(client.account.usage_daily_csv())
    request = only_request(route)
    assert dict(request.url.params) == {"format": "csv"}
    assert request.headers["accept"] == "text/csv"
    assert_header_auth(request)
    assert isinstance(answer, TextResult)
    assert answer == csv
    assert answer._request_id == "r-c"


@pytest.mark.parametrize("method", ["usage_daily", "usage_daily_csv"])
async def test_account_usage_daily_does_not_take_format(
    h: Harness, router: respx.MockRouter, method: str
) -> None:
    """The method decides the format; a `format=` of the caller's is not a parameter."""
    client = h.make()
    with pytest.raises(TypeError, match="format"):
        await h.run(getattr(client.account, method)(format="json"))
    assert not router.calls


# ------------------------------------------------------------- error class per status


ERRORS: list[tuple[int, str, type[APIStatusError]]] = [
    (400, "BAD_REQUEST", BadRequestError),
    (401, "UNAUTHORIZED", AuthenticationError),
    (402, "PAYMENT_REQUIRED", PaymentRequiredError),
    (403, "FORBIDDEN", PermissionDeniedError),
    (429, "RATE_LIMITED", RateLimitError),
    (500, "INTERNAL_ERROR", InternalServerError),
]


async def call_speech(h: Harness, client: Any) -> Any:
    return await h.run(client.audio.speech.create(input="hi"))


async def call_transcription(h: Harness, client: Any) -> Any:
    return await h.run(client.audio.transcriptions.create(file=("a.mp3", MP3)))


async def call_transcription_text(h: Harness, client: Any) -> Any:
    return await h.run(
        client.audio.transcriptions.create(file=("a.mp3", MP3), response_format="text")
    )


async def call_audio_generate(h: Harness, client: Any) -> Any:
    return await h.run(client.audio.generate("hi"))


async def call_models_audio(h: Harness, client: Any) -> Any:
    return await h.run(client.models.audio())


async def call_key(h: Harness, client: Any) -> Any:
    return await h.run(client.account.key())


async def call_daily(h: Harness, client: Any) -> Any:
    return await h.run(client.account.usage_daily())


async def call_daily_csv(h: Harness, client: Any) -> Any:
    return await h.run(client.account.usage_daily_csv())


NEW_METHODS = {
    "audio.speech.create": (call_speech, "POST", "/v1/audio/speech"),
    "audio.transcriptions.create": (call_transcription, "POST", "/v1/audio/transcriptions"),
    "audio.transcriptions.create(text)": (
        call_transcription_text,
        "POST",
        "/v1/audio/transcriptions",
    ),
    "audio.generate": (call_audio_generate, "GET", "/audio/hi"),
    "models.audio": (call_models_audio, "GET", "/audio/models"),
    "account.key": (call_key, "GET", "/account/key"),
    "account.usage_daily": (call_daily, "GET", "/account/usage/daily"),
    "account.usage_daily_csv": (call_daily_csv, "GET", "/account/usage/daily"),
}


@pytest.mark.parametrize(("status", "code", "cls"), ERRORS, ids=[str(e[0]) for e in ERRORS])
@pytest.mark.parametrize("name", sorted(NEW_METHODS))
async def test_each_gateway_error_status_raises_its_class(
    h: Harness,
    router: respx.MockRouter,
    name: str,
    status: int,
    code: str,
    cls: type[APIStatusError],
) -> None:
    call, method, path = NEW_METHODS[name]
    message = f"Gateway says no ({status}) to {name}"
    route = router.route(method=method, path=path).mock(
        return_value=gateway_error(status, code, message, request_id=f"req-{status}")
    )
    client = h.make(max_retries=0)
    with pytest.raises(APIStatusError) as caught:
        await call(h, client)
    error = caught.value
    assert type(error) is cls
    assert error.status_code == status
    assert error.code == code
    assert error.server_message == message
    assert error.request_id == f"req-{status}"
    assert error.body == {
        "status": status,
        "success": False,
        "error": {"code": code, "message": message, "timestamp": "2025-01-01T00:00:00Z"},
    }
    assert str(error) == f"HTTP {status} {code}: {message} (request id: req-{status})"
    assert KEY not in str(error)
    assert route.call_count == 1


@pytest.mark.parametrize("name", sorted(NEW_METHODS))
async def test_a_400_with_field_errors_names_the_field(
    h: Harness, router: respx.MockRouter, name: str
) -> None:
    call, method, path = NEW_METHODS[name]
    body = {
        "status": 400,
        "success": False,
        "error": {
            "code": "BAD_REQUEST",
            "message": "Invalid request",
            "timestamp": "2025-01-01T00:00:00Z",
            "details": {"fieldErrors": {"voice": ["Unknown voice"]}, "formErrors": []},
        },
    }
    router.route(method=method, path=path).mock(return_value=httpx.Response(400, json=body))
    client = h.make()
    with pytest.raises(BadRequestError) as caught:
        await call(h, client)
    assert caught.value.field_errors == {"voice": ["Unknown voice"]}
    assert "voice: Unknown voice" in str(caught.value)
