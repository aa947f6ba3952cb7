"""Speech, music, transcription and the audio model listing of the mock, over real HTTP.

Every audio format is checked by a reader written from the format's definition
(tests/_mock_helpers.py), not by the mock's own encoders: a file a real decoder would
reject fails here.
"""

from __future__ import annotations

import hashlib
import re
import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import hypothesis
import pytest
import schemathesis
from _mock_helpers import (
    EMPTY,
    SECRET,
    assert_conforms,
    bearer,
    id3v2,
    mp3_spectral_lines,
    read_flac,
    read_ogg_opus,
    read_wav,
    samples_s16le,
    spec,
    walk_adts,
    walk_mpeg_frames,
)
from hypothesis import HealthCheck, Phase, given
from hypothesis import strategies as st
from schemathesis import checks as sc
from schemathesis.core.result import Err
from schemathesis.openapi import from_dict

from pollinations_client.custom.mock import MockServer
from pollinations_client.custom.mock._audio import MAX_SECONDS, TEXT_TAG

RATE = 24000
MS_PER_CHARACTER = 50  # the documented pace of the mock's speech
HELLO = "Hello, welcome to Pollinations!"
FORMATS = ("mp3", "opus", "aac", "flac", "wav", "pcm")
MEDIA_TYPES = {
    "mp3": "audio/mpeg",
    "opus": "audio/opus",
    "aac": "audio/aac",
    "flac": "audio/flac",
    "wav": "audio/wav",
    "pcm": "audio/pcm",
}


@pytest.fixture(scope="module")
def server() -> Iterator[MockServer]:
    with MockServer(stream_interval=0) as running:
        yield running


@pytest.fixture
def client(server: MockServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.url, timeout=60) as http:
        yield http


def fresh_key() -> str:
    return f"sk_{uuid.uuid4().hex}"


def speech(
    client: httpx.Client, text: str = HELLO, key: str = SECRET, **body: Any
) -> httpx.Response:
    return client.post("/v1/audio/speech", json={"input": text, **body}, headers=bearer(key))


def audio_get(client: httpx.Client, text: str = HELLO, **params: Any) -> httpx.Response:
    return client.get(f"/audio/{text}", params=params, headers=bearer())


def transcribe(
    client: httpx.Client,
    data: bytes,
    filename: str = "speech.bin",
    key: str = SECRET,
    **fields: str,
) -> httpx.Response:
    return client.post(
        "/v1/audio/transcriptions",
        files={"file": (filename, data, "application/octet-stream")},
        data=fields,
        headers=bearer(key),
    )


def field_errors(response: httpx.Response) -> dict[str, list[str]]:
    assert response.status_code == 400, response.text
    body = response.json()
    assert_conforms("ValidationErrorResponse", body)
    assert body["error"]["code"] == "BAD_REQUEST"
    errors: dict[str, list[str]] = body["error"]["details"]["fieldErrors"]
    return errors


def form_errors(response: httpx.Response) -> list[str]:
    assert response.status_code == 400, response.text
    body = response.json()
    assert_conforms("ValidationErrorResponse", body)
    errors: list[str] = body["error"]["details"]["formErrors"]
    return errors


def duration(response_format: str, data: bytes) -> float:
    """Seconds of audio in a file, read by the test's own readers."""
    if response_format == "wav":
        return read_wav(data).seconds
    if response_format == "pcm":
        return len(data) / 2 / RATE
    if response_format == "flac":
        flac = read_flac(data)
        return flac.total_samples / flac.rate
    if response_format == "mp3":
        frames = walk_mpeg_frames(data)
        return sum(frame.samples for frame in frames) / frames[0].rate
    if response_format == "opus":
        return read_ogg_opus(data).seconds
    adts = walk_adts(data)
    return len(adts) * 1024 / adts[0].rate


# ------------------------------------------------------------------ formats
def test_wav_is_pcm_16_bit_mono_24khz_carrying_the_text(client: httpx.Client) -> None:
    answer = speech(client, response_format="wav")
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "audio/wav"
    assert int(answer.headers["content-length"]) == len(answer.content)
    wav = read_wav(answer.content)
    assert (wav.channels, wav.sample_width, wav.rate) == (1, 2, RATE)
    assert wav.seconds == pytest.approx(len(HELLO) * MS_PER_CHARACTER / 1000)
    samples = samples_s16le(wav.frames)
    assert max(samples) > 4000 and min(samples) < -4000, "tones, not silence"
    assert samples.count(0) > len(samples) // 20, "the pauses (spaces, punctuation) are silent"
    assert wav.info[b"ICMT"] == HELLO.encode() + b"\x00"


def test_pcm_is_the_wav_samples_raw(client: httpx.Client) -> None:
    pcm = speech(client, response_format="pcm")
    assert pcm.status_code == 200
    assert pcm.headers["content-type"] == "audio/pcm"
    assert pcm.content == read_wav(speech(client, response_format="wav").content).frames


def test_flac_frames_decode_losslessly_to_the_wav_samples(client: httpx.Client) -> None:
    answer = speech(client, response_format="flac")
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "audio/flac"
    flac = read_flac(answer.content)
    assert (flac.rate, flac.channels, flac.bits) == (RATE, 1, 16)
    wav = read_wav(speech(client, response_format="wav").content)
    assert flac.samples == samples_s16le(wav.frames)
    assert f"{TEXT_TAG}={HELLO}" in flac.comments


# MPEG-1 Layer III: 1152 samples a frame, 576 spectral lines a granule over 0..rate/2.
def test_mp3_is_mpeg1_layer3_frames_with_an_id3_tag(client: httpx.Client) -> None:
    answer = speech(client, response_format="mp3")
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "audio/mpeg"
    length, id3 = id3v2(answer.content)
    assert length > 0
    (txxx,) = id3[b"TXXX"]
    assert txxx == b"\x03" + TEXT_TAG.encode() + b"\x00" + HELLO.encode()
    frames = walk_mpeg_frames(answer.content)
    assert {(f.version, f.layer, f.rate, f.bitrate, f.mode) for f in frames} == {
        ("1", 3, 48000, 32000, 3)
    }
    granules = [lines for frame in frames for lines in mp3_spectral_lines(frame)]
    voiced = [lines for lines in granules if lines]
    assert voiced and len(voiced) < len(granules), "tones and pauses"
    assert all(len(lines) == 1 for lines in voiced), "one spectral line: a pure tone"
    hertz = {next(iter(lines)) * 48000 / 2 / 576 for lines in voiced}
    assert len(hertz) > 3 and all(80 < f < 2000 for f in hertz), "pitches in a voice's range"


def test_opus_is_ogg_with_head_tags_and_20ms_packets(client: httpx.Client) -> None:
    answer = speech(client, response_format="opus")
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "audio/opus"
    opus = read_ogg_opus(answer.content)
    assert opus.channels == 1 and opus.pre_skip == 312
    assert f"{TEXT_TAG}={HELLO}" in opus.comments
    assert {packet[0] >> 3 for packet in opus.packets} == {31}, "CELT fullband 20 ms"
    assert opus.seconds == pytest.approx(len(HELLO) * MS_PER_CHARACTER / 1000)


def test_aac_is_adts_aac_lc_mono(client: httpx.Client) -> None:
    answer = speech(client, response_format="aac")
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "audio/aac"
    frames = walk_adts(answer.content)
    assert {(f.profile, f.rate, f.channels) for f in frames} == {(1, RATE, 1)}  # 1: LC
    seconds = len(frames) * 1024 / RATE
    expected = len(HELLO) * MS_PER_CHARACTER / 1000
    assert expected <= seconds < expected + 1024 / RATE


def test_the_default_format_is_mp3(client: httpx.Client) -> None:
    answer = speech(client)
    assert answer.headers["content-type"] == "audio/mpeg"
    assert walk_mpeg_frames(answer.content)


@pytest.mark.parametrize("response_format", FORMATS)
def test_duration_grows_with_the_input_and_is_bounded(
    client: httpx.Client, response_format: str
) -> None:
    lengths = [
        duration(
            response_format, speech(client, "ab " * n, response_format=response_format).content
        )
        for n in (2, 10, 30)
    ]
    assert lengths[0] < lengths[1] < lengths[2]
    for n, seconds in zip((2, 10, 30), lengths, strict=True):
        assert seconds == pytest.approx(3 * n * MS_PER_CHARACTER / 1000, abs=0.05)
    if response_format in ("mp3", "opus", "aac"):  # cheap to read at the bound
        longest = duration(
            response_format, speech(client, "b" * 4096, response_format=response_format).content
        )
        assert longest == pytest.approx(MAX_SECONDS, abs=0.05)


def test_speed_shortens_the_speech(client: httpx.Client) -> None:
    normal = read_wav(speech(client, "a" * 40, response_format="wav").content).seconds
    fast = read_wav(speech(client, "a" * 40, response_format="wav", speed=2).content).seconds
    assert fast == pytest.approx(normal / 2)


@pytest.mark.parametrize("response_format", FORMATS)
def test_speech_is_deterministic(client: httpx.Client, response_format: str) -> None:
    first = speech(client, "bees and honey", response_format=response_format).content
    assert speech(client, "bees and honey", response_format=response_format).content == first
    assert speech(client, "bees and money", response_format=response_format).content != first


def test_the_voice_changes_the_pitch(client: httpx.Client) -> None:
    def pitches(voice: str) -> set[int]:
        frames = walk_mpeg_frames(speech(client, "abcdefgh", voice=voice).content)
        return {line for f in frames for lines in mp3_spectral_lines(f) for line in lines}

    assert pitches("alloy") == pitches("alloy")
    assert len({frozenset(pitches(voice)) for voice in ("alloy", "echo", "fable", "onyx")}) > 1


# ------------------------------------------------------------------ GET /audio/{text}
@pytest.mark.parametrize("response_format", FORMATS)
def test_get_audio_serves_every_format_like_speech(
    client: httpx.Client, response_format: str
) -> None:
    answer = audio_get(client, "hello bees", response_format=response_format, voice="nova")
    assert answer.status_code == 200
    assert answer.headers["content-type"] == MEDIA_TYPES[response_format]
    posted = speech(client, "hello bees", response_format=response_format, voice="nova")
    assert answer.content == posted.content


def test_get_audio_defaults_to_mp3_with_voice_alloy(client: httpx.Client) -> None:
    answer = audio_get(client, "hello bees")
    assert answer.headers["content-type"] == "audio/mpeg"
    assert answer.content == speech(client, "hello bees", voice="alloy", model="tts-1").content


@pytest.mark.parametrize("model", ["elevenmusic", "music"])
def test_music_lasts_the_requested_duration(client: httpx.Client, model: str) -> None:
    answer = audio_get(client, "a calm piano tune", model=model, duration="5")
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "audio/mpeg"
    frames = walk_mpeg_frames(answer.content)
    seconds = sum(frame.samples for frame in frames) / 48000
    assert 5 <= seconds < 5 + 1152 / 48000
    granules = [lines for frame in frames for lines in mp3_spectral_lines(frame)]
    assert len({next(iter(lines)) for lines in granules if lines}) > 2, "a tune"
    posted = speech(client, "a calm piano tune", model=model, duration=5, response_format="wav")
    assert posted.headers["content-type"] == "audio/mpeg", "formats are for TTS only"
    assert posted.content == answer.content
    other = audio_get(client, "a calm piano tune", model=model, duration="5", instrumental="true")
    assert other.content != answer.content


@pytest.mark.parametrize("value", ["2", "301", "long", "nan"])
def test_music_duration_is_bounded(client: httpx.Client, value: str) -> None:
    errors = field_errors(audio_get(client, "a tune", model="elevenmusic", duration=value))
    assert list(errors) == ["duration"]


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"response_format": "ogg"}, "response_format"),
        ({"model": "gpt-5-tts"}, "model"),
        ({"model": "whisper-1"}, "model"),
        ({"instrumental": "yes"}, "instrumental"),
        ({"speed": "2"}, "speed"),
    ],
)
def test_get_audio_refuses_what_the_spec_does_not_allow(
    client: httpx.Client, params: dict[str, str], field: str
) -> None:
    assert field in field_errors(audio_get(client, "hi", **params))


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"response_format": "ogg"}, "response_format"),
        ({"speed": 5}, "speed"),
        ({"speed": 0.1}, "speed"),
        ({"duration": 1}, "duration"),
        ({"input": ""}, "input"),
        ({"input": "a" * 4097}, "input"),
        ({"model": "whisper-large-v3"}, "model"),
    ],
)
def test_speech_body_is_validated(client: httpx.Client, body: dict[str, Any], field: str) -> None:
    assert field in field_errors(speech(client, **{"text": "hi", **body}))


def test_speech_without_input_or_body(client: httpx.Client) -> None:
    assert "input" in field_errors(client.post("/v1/audio/speech", json={}, headers=bearer()))
    answer = client.post("/v1/audio/speech", headers=bearer())
    assert form_errors(answer) == ["A JSON request body is required"]


def test_audio_needs_a_key_and_pollen(client: httpx.Client) -> None:
    anonymous = client.post("/v1/audio/speech", json={"input": "hi"})
    assert anonymous.status_code == 401
    assert_conforms("ErrorResponse", anonymous.json())
    assert transcribe(client, b"RIFF", key="pk_test_1").status_code == 200, "pk_ keys may"
    assert client.get("/audio/hi").status_code == 401
    for answer in (
        speech(client, key=EMPTY),
        transcribe(client, b"RIFF", key=EMPTY),
        client.get("/audio/hi", headers=bearer(EMPTY)),
    ):
        assert answer.status_code == 402, answer.text
        assert_conforms("ErrorResponse", answer.json())
        assert answer.json()["error"]["message"].startswith("Insufficient pollen balance")


# ------------------------------------------------------------------ transcription
@pytest.mark.parametrize("response_format", ["mp3", "opus", "aac", "flac", "wav"])
def test_transcribing_the_mocks_speech_gives_back_its_input(
    client: httpx.Client, response_format: str
) -> None:
    text = "Bonjour les abeilles! Ünïcödé, 🐝 and\nnew lines"
    audio = speech(client, text, response_format=response_format).content
    answer = transcribe(client, audio, f"speech.{response_format}")
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "application/json"
    assert_conforms("Transcription", answer.json())
    assert answer.json() == {"text": text}


def test_other_audio_gets_a_description_from_its_size_and_hash(client: httpx.Client) -> None:
    pcm = speech(client, "some raw samples", response_format="pcm").content
    first = transcribe(client, pcm).json()["text"]
    assert str(len(pcm)) in first
    assert hashlib.sha256(pcm).hexdigest()[:16] in first
    assert transcribe(client, pcm, "other-name.raw").json()["text"] == first
    assert transcribe(client, pcm + b"\x00").json()["text"] != first


def test_transcription_formats(client: httpx.Client) -> None:
    text = "The bees fly over the meadow at dawn, and the flowers open for them one by one."
    wav = speech(client, text, response_format="wav").content
    seconds = len(text) * MS_PER_CHARACTER / 1000

    plain = transcribe(client, wav, response_format="text")
    assert plain.headers["content-type"].startswith("text/plain")
    assert plain.text == text

    verbose = transcribe(client, wav, response_format="verbose_json", language="fr").json()
    assert_conforms("Transcription", verbose)
    assert verbose["text"] == text and verbose["language"] == "fr"
    assert verbose["duration"] == pytest.approx(seconds)
    assert " ".join(s["text"] for s in verbose["segments"]) == text
    assert verbose["segments"][-1]["end"] == pytest.approx(seconds)

    srt = transcribe(client, wav, response_format="srt")
    assert srt.headers["content-type"].startswith("text/plain")
    cues = parse_srt(srt.text)
    assert len(cues) > 1
    assert " ".join(cue[2] for cue in cues) == text
    assert cues[0][0] == 0 and cues[-1][1] == pytest.approx(seconds)

    vtt = transcribe(client, wav, response_format="vtt")
    assert vtt.headers["content-type"].startswith("text/plain")
    assert [(s, e, t) for s, e, t in parse_vtt(vtt.text)] == cues


def test_vtt_escapes_and_captions_collapse_whitespace(client: httpx.Client) -> None:
    text = "a <b> & c\n\n--> d"
    wav = speech(client, text, response_format="wav").content
    vtt = transcribe(client, wav, response_format="vtt").text
    body = vtt.split("\n", 2)[2]
    assert "<" not in body and "-->" not in body.split("\n", 1)[1]
    assert parse_vtt(vtt)[0][2] == "a &lt;b&gt; &amp; c --&gt; d"
    srt = parse_srt(transcribe(client, wav, response_format="srt").text)
    assert srt[0][2] == "a <b> & c -> d"


def _clock(text: str, separator: str) -> float:
    hours, minutes, rest = text.split(":")
    seconds, millis = rest.split(separator)
    assert len(millis) == 3 and len(seconds) == 2 and len(minutes) == 2 and len(hours) >= 2
    return int(hours) * 3600 + int(minutes) * 60 + int(seconds) + int(millis) / 1000


def parse_srt(text: str) -> list[tuple[float, float, str]]:
    """SubRip: blocks of index (from 1), `HH:MM:SS,mmm --> HH:MM:SS,mmm`, text lines."""
    assert text.endswith("\n\n") and "\r" not in text
    cues: list[tuple[float, float, str]] = []
    for number, block in enumerate(text[:-2].split("\n\n"), 1):
        lines = block.split("\n")
        assert lines[0] == str(number)
        found = re.fullmatch(r"(\S+) --> (\S+)", lines[1])
        assert found, lines[1]
        start, end = _clock(found.group(1), ","), _clock(found.group(2), ",")
        assert start <= end and (not cues or cues[-1][1] <= start)
        assert len(lines) >= 3 and all(lines[2:])
        cues.append((start, end, "\n".join(lines[2:])))
    return cues


def parse_vtt(text: str) -> list[tuple[float, float, str]]:
    """WebVTT: the `WEBVTT` line, a blank line, then cues `HH:MM:SS.mmm --> HH:MM:SS.mmm`."""
    assert text.startswith("WEBVTT\n\n") and text.endswith("\n\n")
    cues: list[tuple[float, float, str]] = []
    for block in text[len("WEBVTT\n\n") : -2].split("\n\n"):
        lines = block.split("\n")
        found = re.fullmatch(r"(\S+) --> (\S+)", lines[0])
        assert found, lines[0]
        start, end = _clock(found.group(1), "."), _clock(found.group(2), ".")
        assert start <= end and (not cues or cues[-1][1] <= start)
        assert all("-->" not in line for line in lines[1:])
        cues.append((start, end, "\n".join(lines[1:])))
    return cues


@pytest.mark.parametrize("model", ["whisper-large-v3", "whisper-1", "scribe"])
def test_transcription_models(client: httpx.Client, model: str) -> None:
    wav = speech(client, "hi", response_format="wav").content
    assert transcribe(client, wav, model=model).json() == {"text": "hi"}


def test_transcription_charges_the_account(client: httpx.Client) -> None:
    key = fresh_key()
    wav = speech(client, "hi", response_format="wav", key=key).content
    transcribe(client, wav, key=key, model="scribe")
    usage = client.get("/account/usage", headers=bearer(key)).json()["usage"]
    assert [(r["type"], r["model"], r["cost_usd"]) for r in usage] == [
        ("generate.transcription", "scribe", 0.2),
        ("generate.audio", "elevenlabs", 0.5),
    ]


def _multipart(boundary: str, *parts: bytes) -> bytes:
    return b"".join(b"--" + boundary.encode() + b"\r\n" + part + b"\r\n" for part in parts) + (
        b"--" + boundary.encode() + b"--\r\n"
    )


FILE_PART = b'Content-Disposition: form-data; name="file"; filename="a.wav"\r\n\r\nRIFF'


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"response_format": "docx"}, "response_format"),
        ({"temperature": "warm"}, "temperature"),
        ({"model": "gpt-4o-transcribe"}, "model"),
        ({"model": "tts-1"}, "model"),
    ],
)
def test_transcription_fields_are_validated(
    client: httpx.Client, fields: dict[str, str], field: str
) -> None:
    assert field in field_errors(transcribe(client, b"RIFF....WAVE", **fields))


def test_transcription_needs_a_file(client: httpx.Client) -> None:
    answer = client.post(
        "/v1/audio/transcriptions",
        files={"model": (None, "whisper-1")},
        headers=bearer(),
    )
    assert field_errors(answer) == {"file": ["Required"]}


def test_temperature_is_read_as_a_number(client: httpx.Client) -> None:
    wav = speech(client, "hi", response_format="wav").content
    answer = transcribe(client, wav, temperature="0.5", response_format="verbose_json")
    assert answer.json()["segments"][0]["temperature"] == 0.5


@pytest.mark.parametrize(
    ("content_type", "body", "message"),
    [
        ("application/json", b'{"file": "x"}', "Expected Content-Type multipart/form-data"),
        ("multipart/form-data", _multipart("b0undary", FILE_PART), "no boundary"),
        ("multipart/form-data; boundary=xyz", _multipart("b0undary", FILE_PART), "boundary"),
        ("multipart/form-data; boundary=b0", b"--b0\r\n" + FILE_PART, "closing boundary"),
        ("multipart/form-data; boundary=b0", _multipart("b0", b"\r\nRIFF"), "Content-Disposition"),
        (
            "multipart/form-data; boundary=b0",
            _multipart("b0", b"Content-Disposition: attachment; name=file\r\n\r\nx"),
            "form-data",
        ),
        (
            "multipart/form-data; boundary=b0",
            _multipart("b0", b"Content-Disposition: form-data\r\n\r\nx"),
            "no name",
        ),
        (
            "multipart/form-data; boundary=b0",
            _multipart("b0", b"this is not a header\r\n\r\nx"),
            "header line",
        ),
        ("multipart/form-data; boundary=b0", b"--b0junk\r\n" + FILE_PART, "CRLF"),
        (
            "multipart/form-data; boundary=b0",
            _multipart("b0", *[b'Content-Disposition: form-data; name="x"\r\n\r\n1'] * 65),
            "parts",
        ),
        (
            "multipart/form-data; boundary=b0",
            _multipart("b0", b"Content-Disposition: form-data; name=x" + b"x" * 9000),
            "headers",
        ),
    ],
)
def test_malformed_multipart_bodies_are_400(
    client: httpx.Client, content_type: str, body: bytes, message: str
) -> None:
    answer = client.post(
        "/v1/audio/transcriptions",
        content=body,
        headers={**bearer(), "Content-Type": content_type},
    )
    errors = form_errors(answer)
    assert any(message in error for error in errors), errors


def test_duplicate_and_undecodable_fields_are_400(client: httpx.Client) -> None:
    model = b'Content-Disposition: form-data; name="model"\r\n\r\nscribe'
    twice = _multipart("b0", FILE_PART, model, model)
    answer = client.post(
        "/v1/audio/transcriptions",
        content=twice,
        headers={**bearer(), "Content-Type": "multipart/form-data; boundary=b0"},
    )
    assert "model" in field_errors(answer)
    latin = _multipart(
        "b0", FILE_PART, b'Content-Disposition: form-data; name="language"\r\n\r\n\xe9'
    )
    answer = client.post(
        "/v1/audio/transcriptions",
        content=latin,
        headers={**bearer(), "Content-Type": "multipart/form-data; boundary=b0"},
    )
    assert "language" in field_errors(answer)


def test_a_hand_written_multipart_body_with_quoted_names_and_a_preamble(
    client: httpx.Client,
) -> None:
    wav = speech(client, "quoted", response_format="wav").content
    body = (
        b"preamble to ignore\r\n--b0 \r\n"
        b'Content-Disposition: form-data; name="file"; filename="my \\"best\\" take.wav"\r\n'
        b"Content-Type: audio/wav\r\n\r\n" + wav + b"\r\n--b0\r\n"
        b"Content-Disposition: form-data; name=response_format\r\n\r\ntext\r\n"
        b"--b0--\r\nepilogue"
    )
    answer = client.post(
        "/v1/audio/transcriptions",
        content=body,
        headers={**bearer(), "Content-Type": 'multipart/form-data; boundary="b0"'},
    )
    assert answer.status_code == 200, answer.text
    assert answer.text == "quoted"


# ------------------------------------------------------------------ /audio/models
def test_audio_models_are_model_infos_the_endpoints_accept(client: httpx.Client) -> None:
    answer = client.get("/audio/models")
    assert answer.status_code == 200
    models = answer.json()
    for info in models:
        assert_conforms("ModelInfo", info)
    by_name = {info["name"]: info for info in models}
    assert set(by_name) == {"elevenlabs", "elevenmusic", "whisper-large-v3", "scribe"}
    assert by_name["elevenlabs"]["voices"] == list(spec().enum("AudioVoice"))
    assert "tts-1" in by_name["elevenlabs"]["aliases"]
    assert "music" in by_name["elevenmusic"]["aliases"]
    wav = speech(client, "hi", response_format="wav").content
    for info in models:
        speaks = info["output_modalities"] == ["audio"]
        for name in [info["name"], *info["aliases"]]:
            status = speech(client, "hi", model=name).status_code
            heard = transcribe(client, wav, model=name).status_code
            assert (status, heard) == ((200, 400) if speaks else (400, 200)), name


# ------------------------------------------------------------------ conformance
# The spec documents only `audio/mpeg` for GET /audio/{text}, no media type for
# `response_format=pcm`, and only application/json for a transcription, though its
# response_format offers text, srt and vtt. For exactly those requests the mock's
# media type (audio/wav..., audio/pcm, text/plain) is checked instead of the
# documented one; everything else goes through schemathesis' checks unchanged.
AUDIO_OPERATIONS = (
    "GET /audio/{text}",
    "POST /v1/audio/speech",
    "POST /v1/audio/transcriptions",
    "GET /audio/models",
)


def _operation(label: str) -> Any:
    for result in from_dict(spec().document).get_all_operations():
        if isinstance(result, Err):
            raise result.err()
        if result.ok().label == label:
            return result.ok()
    raise AssertionError(label)


def _run_cases(server: MockServer, label: str, mode: Any, seen: dict[Any, int]) -> None:
    operation = _operation(label)
    checks: list[Any] = [
        sc.not_a_server_error,
        sc.status_code_conformance,
        sc.response_headers_conformance,
    ]
    # A multipart text field has no JSON type on the wire: schemathesis' "invalid" array or
    # object for `prompt` arrives as the valid string "{}". Multipart validation is tested
    # explicitly above instead.
    if mode == schemathesis.GenerationMode.NEGATIVE and "transcriptions" not in label:
        checks.append(sc.negative_data_rejection)

    def test(case: Any) -> None:
        response = case.call(base_url=server.url, headers={"Authorization": f"Bearer {SECRET}"})
        content_type = next(
            (v[0] for k, v in response.headers.items() if k.lower() == "content-type"), ""
        )
        seen[(response.status_code, content_type)] = (
            seen.get((response.status_code, content_type), 0) + 1
        )
        case.validate_response(
            response,
            checks=[*checks, sc.content_type_conformance, sc.response_schema_conformance],
        )
        if response.status_code == 200:
            assert response.content, "an empty body"

    settings = hypothesis.settings(
        max_examples=100,
        deadline=None,
        database=None,
        derandomize=True,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    strategy: st.SearchStrategy[Any] = operation.as_strategy(generation_mode=mode)
    settings(given(strategy)(test))()


@pytest.fixture(scope="module")
def rich_server() -> Iterator[MockServer]:
    with MockServer(initial_balance=1e9, stream_interval=0) as running:
        yield running


@pytest.mark.parametrize("label", AUDIO_OPERATIONS)
def test_audio_answers_conform_to_the_spec(rich_server: MockServer, label: str) -> None:
    seen: dict[Any, int] = {}
    _run_cases(rich_server, label, schemathesis.GenerationMode.POSITIVE, seen)
    assert any(status == 200 for status, _ in seen), seen


@pytest.mark.parametrize("label", AUDIO_OPERATIONS[:3])
def test_invalid_audio_requests_are_refused(rich_server: MockServer, label: str) -> None:
    seen: dict[Any, int] = {}
    _run_cases(rich_server, label, schemathesis.GenerationMode.NEGATIVE, seen)
    assert any(status == 400 for status, _ in seen), seen


def _documented(path: str, method: str) -> list[str]:
    return list(spec().document["paths"][path][method]["responses"]["200"]["content"])


def test_every_format_the_mock_sends_is_documented() -> None:
    """The overlay documents what upstream leaves out (its own response_format enums):
    so every answer above is checked against the spec's media types, none excepted."""
    audio = {"audio/mpeg", "audio/opus", "audio/aac", "audio/flac", "audio/wav", "audio/pcm"}
    assert set(_documented("/audio/{text}", "get")) == audio
    assert set(_documented("/v1/audio/speech", "post")) == audio
    assert set(_documented("/v1/audio/transcriptions", "post")) == {
        "application/json",
        "text/plain",
    }
