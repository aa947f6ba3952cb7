"""The official `openai` library against the mock's audio endpoints (base_url=<mock>/v1).

Clients written for OpenAI's speech and transcription APIs must work unchanged: speech
returns the mock's audio bytes, transcription (a multipart upload built by openai/httpx)
returns the text, in every response format the library knows how to read.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import openai
import pytest
from _mock_helpers import (
    SECRET,
    bearer,
    read_flac,
    read_ogg_opus,
    read_wav,
    walk_adts,
    walk_mpeg_frames,
)

from pollinations_client.custom.mock import MockServer

TEXT = "Pollinate the flowers, little bees."
FORMATS = ("mp3", "opus", "aac", "flac", "wav", "pcm")


@pytest.fixture(scope="module")
def server() -> Iterator[MockServer]:
    with MockServer(stream_interval=0) as running:
        yield running


def make_client(server: MockServer, key: str = SECRET) -> openai.OpenAI:
    return openai.OpenAI(api_key=key, base_url=f"{server.url}/v1", max_retries=0, timeout=30)


@pytest.fixture
def client(server: MockServer) -> Iterator[openai.OpenAI]:
    with make_client(server) as opened:
        yield opened


def direct_speech(server: MockServer, response_format: str, text: str = TEXT) -> bytes:
    with httpx.Client(base_url=server.url, timeout=30) as http:
        answer = http.post(
            "/v1/audio/speech",
            json={"input": text, "voice": "alloy", "response_format": response_format},
            headers=bearer(),
        )
    assert answer.status_code == 200
    return answer.content


@pytest.mark.parametrize("response_format", FORMATS)
def test_speech_create_returns_the_mocks_audio(
    server: MockServer, client: openai.OpenAI, response_format: str
) -> None:
    response = client.audio.speech.create(
        model="tts-1",
        voice="alloy",
        input=TEXT,
        response_format=response_format,  # type: ignore[arg-type]
    )
    data = response.content
    assert data == direct_speech(server, response_format)
    readers = {
        "mp3": walk_mpeg_frames,
        "opus": read_ogg_opus,
        "aac": walk_adts,
        "flac": read_flac,
        "wav": read_wav,
    }
    if response_format in readers:
        assert readers[response_format](data)
    else:
        assert len(data) == 2 * round(24000 * len(TEXT) * 0.05)


def test_speech_streams_and_writes_to_a_file(
    server: MockServer, client: openai.OpenAI, tmp_path: Path
) -> None:
    with client.audio.speech.with_streaming_response.create(
        model="tts-1", voice="nova", input=TEXT, response_format="wav"
    ) as response:
        assert response.headers["content-type"] == "audio/wav"
        streamed = b"".join(response.iter_bytes())
        target = tmp_path / "speech.wav"
    assert read_wav(streamed).seconds > 1
    client.audio.speech.create(
        model="tts-1", voice="nova", input=TEXT, response_format="wav", speed=1.0
    ).write_to_file(target)
    assert target.read_bytes() == streamed


@pytest.mark.parametrize("response_format", ["wav", "mp3", "opus", "flac", "aac"])
def test_transcribing_speech_returns_the_text(
    server: MockServer, client: openai.OpenAI, response_format: str
) -> None:
    audio = direct_speech(server, response_format)
    transcript = client.audio.transcriptions.create(
        model="whisper-1", file=(f"speech.{response_format}", audio, "application/octet-stream")
    )
    assert transcript.text == TEXT


def test_transcription_response_formats(
    server: MockServer, client: openai.OpenAI, tmp_path: Path
) -> None:
    path = tmp_path / "speech.wav"
    path.write_bytes(direct_speech(server, "wav"))
    with path.open("rb") as file:
        text = client.audio.transcriptions.create(
            model="whisper-1", file=file, response_format="text"
        )
    assert text == TEXT
    verbose = client.audio.transcriptions.create(
        model="whisper-1", file=path, response_format="verbose_json", language="en", temperature=0
    )
    assert verbose.text == TEXT and verbose.language == "en"
    assert verbose.duration == pytest.approx(len(TEXT) * 0.05)
    assert verbose.segments and " ".join(s.text for s in verbose.segments) == TEXT
    srt = client.audio.transcriptions.create(model="whisper-1", file=path, response_format="srt")
    assert srt.startswith("1\n00:00:00,000 --> ") and TEXT.split()[0] in srt
    vtt = client.audio.transcriptions.create(model="whisper-1", file=path, response_format="vtt")
    assert vtt.startswith("WEBVTT\n\n00:00:00.000 --> ")


def test_errors_reach_openai_as_its_exceptions(server: MockServer, client: openai.OpenAI) -> None:
    with pytest.raises(openai.BadRequestError) as bad:
        client.audio.speech.create(model="gpt-4o-mini-tts", voice="alloy", input=TEXT)
    assert bad.value.status_code == 400
    with pytest.raises(openai.BadRequestError):
        client.audio.speech.create(model="tts-1", voice="alloy", input=TEXT, speed=9)
    with pytest.raises(openai.BadRequestError):
        client.audio.transcriptions.create(model="gpt-4o-transcribe", file=("a.wav", b"RIFF"))
    with pytest.raises(openai.AuthenticationError):
        make_client(server, "not-a-key").audio.speech.create(
            model="tts-1", voice="alloy", input="x"
        )
    budget = make_client(server, f"sk_budget_{uuid.uuid4().hex}")
    budget.audio.speech.create(model="tts-1", voice="alloy", input="one")
    budget.audio.speech.create(model="tts-1", voice="alloy", input="two")
    with pytest.raises(openai.APIStatusError) as exhausted:
        budget.audio.speech.create(model="tts-1", voice="alloy", input="three")
    assert exhausted.value.status_code == 402
    assert "API key budget exhausted" in str(exhausted.value)


def test_async_client(server: MockServer) -> None:
    async def run() -> tuple[bytes, str]:
        async with openai.AsyncOpenAI(
            api_key=SECRET, base_url=f"{server.url}/v1", max_retries=0, timeout=30
        ) as client:
            speech = await client.audio.speech.create(
                model="tts-1", voice="alloy", input=TEXT, response_format="flac"
            )
            transcript = await client.audio.transcriptions.create(
                model="whisper-large-v3", file=("speech.flac", speech.content)
            )
            return speech.content, transcript.text

    audio, text = asyncio.run(asyncio.wait_for(run(), timeout=60))
    assert audio == direct_speech(server, "flac")
    assert text == TEXT
