"""The audio and key/daily-usage methods against the bundled mock server over loopback
(pollinations_client.custom.mock.MockServer), sync and async through the Harness.

Each test uses fresh keys (every key is its own account on the mock): `sk_...` keys are
valid, `sk_budget...` keys have a key budget of 1 pollen, `sk_empty...` keys no pollen.
A speech costs 0.5 pollen on the mock, a transcription 0.2, a text 0.1.
"""

from __future__ import annotations

import csv
import io
import struct
import uuid
import warnings
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest
from _custom_helpers import Harness

from pollinations_client.custom import (
    APIConnectionError,
    AudioResult,
    IncompleteResponseError,
    InternalServerError,
    PaymentRequiredError,
    PermissionDeniedError,
    TextResult,
)
from pollinations_client.custom.mock import MockServer
from pollinations_client.models import DailyUsageResponse, KeyInfo, KeyType, Transcription

pytestmark = pytest.mark.anyio

MAY_HAVE_RUN = "may have done (and billed) the work"
SPEECH_PRICE = Decimal("0.5")
TRANSCRIPTION_PRICE = Decimal("0.2")
TEXT_PRICE = Decimal("0.1")

#: response_format -> the media type the mock labels it with
FORMATS: dict[str, str] = {
    "mp3": "audio/mpeg",
    "opus": "audio/opus",
    "aac": "audio/aac",
    "flac": "audio/flac",
    "wav": "audio/wav",
    "pcm": "audio/pcm",
}
EXTENSIONS = {
    "mp3": ".mp3",
    "opus": ".opus",
    "aac": ".aac",
    "flac": ".flac",
    "wav": ".wav",
    "pcm": ".pcm",
}
#: The formats that carry their text (pcm is bare samples).
TRANSCRIBABLE = ["mp3", "opus", "aac", "flac", "wav"]


def looks_like(response_format: str, content: bytes) -> bool:
    """Whether `content` starts the way a file of `response_format` does."""
    if response_format == "mp3":
        return content.startswith(b"ID3") or content[:2] in (b"\xff\xfb", b"\xff\xf3")
    if response_format == "opus":
        return content.startswith(b"OggS") and b"OpusHead" in content[:64]
    if response_format == "aac":
        return content[0] == 0xFF and content[1] & 0xF6 == 0xF0
    if response_format == "flac":
        return content.startswith(b"fLaC")
    if response_format == "wav":
        return content.startswith(b"RIFF") and content[8:12] == b"WAVE"
    assert response_format == "pcm"
    return len(content) % 2 == 0 and len(content) > 0


def fresh(prefix: str = "sk_audio") -> str:
    return f"{prefix}_{uuid.uuid4().hex}"


@pytest.fixture(scope="module")
def server() -> Iterator[MockServer]:
    with MockServer(stream_interval=0.0) as running:
        yield running


@pytest.fixture
def own_server() -> Iterator[MockServer]:
    """A server of the test's own, for faults whose `times=N` counts across requests."""
    with MockServer(stream_interval=0.0) as running:
        yield running


@pytest.fixture(autouse=True)
def _no_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("POLLINATIONS_API_KEY", raising=False)
    monkeypatch.delenv("POLLINATIONS_BASE_URL", raising=False)


def make(h: Harness, server: MockServer, key: str | None = None, **overrides: Any) -> Any:
    return h.make(api_key=key or fresh(), base_url=server.url, **overrides)


async def spent(h: Harness, client: Any) -> Decimal:
    daily = await h.run(client.account.usage_daily())
    return sum((Decimal(str(row.cost_usd)) for row in daily.usage), Decimal(0))


# ---------------------------------------------------------------------------- speech


@pytest.mark.parametrize("response_format", sorted(FORMATS))
async def test_speech_in_each_format_is_audio_of_that_type(
    h: Harness, server: MockServer, response_format: str
) -> None:
    client = make(h, server)
    speech = await h.run(
        client.audio.speech.create(
            input="Hello from the mock", voice="nova", response_format=response_format
        )
    )
    assert isinstance(speech, AudioResult)
    assert speech.content_type == FORMATS[response_format]
    assert speech.extension == EXTENSIONS[response_format]
    assert looks_like(response_format, speech.content)
    assert speech.request_id
    again = await h.run(
        client.audio.speech.create(
            input="Hello from the mock", voice="nova", response_format=response_format
        )
    )
    assert again.content == speech.content  # the mock is deterministic
    assert again.request_id != speech.request_id


async def test_speech_defaults_to_mp3(h: Harness, server: MockServer) -> None:
    client = make(h, server)
    speech = await h.run(client.audio.speech.create(input="hi"))
    assert speech.content_type == "audio/mpeg"
    assert looks_like("mp3", speech.content)


async def test_speech_speed_changes_the_length(h: Harness, server: MockServer) -> None:
    client = make(h, server)
    text = "a sentence long enough to last a few seconds at normal speed"
    normal = await h.run(client.audio.speech.create(input=text, response_format="pcm"))
    fast = await h.run(client.audio.speech.create(input=text, response_format="pcm", speed=2.0))
    assert len(fast.content) == pytest.approx(len(normal.content) / 2, rel=0.01)


async def test_speech_of_a_wav_has_the_documented_sample_format(
    h: Harness, server: MockServer
) -> None:
    client = make(h, server)
    speech = await h.run(client.audio.speech.create(input="abc", response_format="wav"))
    channels, rate = struct.unpack("<HI", speech.content[22:28])
    assert (channels, rate) == (1, 24000)


@pytest.mark.parametrize("response_format", TRANSCRIBABLE)
async def test_transcribing_speech_gives_back_its_text(
    h: Harness, server: MockServer, response_format: str
) -> None:
    client = make(h, server)
    text = f"The quick brown fox, in {response_format}!"
    speech = await h.run(client.audio.speech.create(input=text, response_format=response_format))
    heard = await h.run(
        client.audio.transcriptions.create(file=(f"speech{speech.extension}", speech.content))
    )
    assert isinstance(heard, Transcription)
    assert heard.text == text
    assert heard._request_id


async def test_transcribing_a_saved_file_by_its_path(
    h: Harness, server: MockServer, tmp_path: Any
) -> None:
    client = make(h, server)
    speech = await h.run(client.audio.speech.create(input="saved to disk", response_format="wav"))
    path = speech.save(tmp_path / f"note{speech.extension}")
    by_path = await h.run(client.audio.transcriptions.create(file=path, language="en"))
    with path.open("rb") as handle:
        by_file = await h.run(client.audio.transcriptions.create(file=handle))
    by_bytes = await h.run(client.audio.transcriptions.create(file=path.read_bytes()))
    assert by_path.text == by_file.text == by_bytes.text == "saved to disk"


@pytest.mark.parametrize("response_format", ["text", "srt", "vtt"])
async def test_transcription_text_formats(
    h: Harness, server: MockServer, response_format: str
) -> None:
    client = make(h, server)
    text = "one two three"
    speech = await h.run(client.audio.speech.create(input=text, response_format="flac"))
    heard = await h.run(
        client.audio.transcriptions.create(
            file=("speech.flac", speech.content), response_format=response_format
        )
    )
    assert isinstance(heard, TextResult)
    if response_format == "text":
        assert heard == text
    else:
        assert text in heard
        assert "-->" in heard
        assert heard.startswith("WEBVTT") is (response_format == "vtt")


async def test_transcription_verbose_json(h: Harness, server: MockServer) -> None:
    client = make(h, server)
    speech = await h.run(client.audio.speech.create(input="verbose words", response_format="wav"))
    heard = await h.run(
        client.audio.transcriptions.create(
            file=("speech.wav", speech.content), response_format="verbose_json", language="fr"
        )
    )
    assert isinstance(heard, Transcription)
    assert heard.text == "verbose words"
    assert heard.additional_properties["language"] == "fr"
    assert heard.additional_properties["duration"] > 0


@pytest.mark.parametrize("response_format", TRANSCRIBABLE)
async def test_audio_generate_round_trips_through_transcription(
    h: Harness, server: MockServer, response_format: str
) -> None:
    client = make(h, server)
    text = "a cat/dog? #1 50% café"
    audio = await h.run(client.audio.generate(text, voice="alloy", response_format=response_format))
    assert audio.content_type == FORMATS[response_format]
    assert looks_like(response_format, audio.content)
    heard = await h.run(
        client.audio.transcriptions.create(file=(f"a{audio.extension}", audio.content))
    )
    assert heard.text == text


async def test_models_audio_lists_speech_and_transcription_models(
    h: Harness, server: MockServer
) -> None:
    anonymous = h.make(api_key=None, base_url=server.url)
    infos = await h.run(anonymous.models.audio())
    names = {info.name for info in infos}
    assert {"elevenlabs", "whisper-large-v3"} <= names
    assert all(info.pricing.currency == "pollen" for info in infos)
    assert infos._request_id


# -------------------------------------------------------------------------- account.key


async def test_account_key_of_a_secret_key(h: Harness, server: MockServer) -> None:
    client = make(h, server)
    info = await h.run(client.account.key())
    assert isinstance(info, KeyInfo)
    assert info.valid is True
    assert info.type_ == KeyType.SECRET
    assert info.pollen_budget is None
    assert info.permissions.account
    assert info.permissions.models is None
    assert info.rate_limit_enabled is False
    assert client.api_key not in (info.name or "")


async def test_account_key_of_a_publishable_key(h: Harness) -> None:
    # The gateway decides by the key's permissions, not its prefix: this key is declared
    # (a keys file) without account permissions.
    key = fresh("pk_audio")
    with MockServer(stream_interval=0.0, keys={"keys": {key: {"permissions": []}}}) as server:
        client = make(h, server, key=key)
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            info = await h.run(client.account.key())
        assert info.valid is True
        assert info.type_ == KeyType.PUBLISHABLE
        assert info.permissions.account is None
        # and the key can see no account data
        with pytest.raises(PermissionDeniedError), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            await h.run(client.account.usage_daily())


async def test_account_key_of_a_budget_key_shows_what_is_left(
    h: Harness, server: MockServer
) -> None:
    client = make(h, server, key=fresh("sk_budget"))
    assert (await h.run(client.account.key())).pollen_budget == 1.0
    await h.run(client.audio.speech.create(input="hi"))
    info = await h.run(client.account.key())
    assert info.type_ == KeyType.SECRET
    assert info.pollen_budget == pytest.approx(0.5)


# ------------------------------------------------------------------ account.usage_daily


async def test_usage_daily_sums_the_calls_made(h: Harness, server: MockServer) -> None:
    client = make(h, server)
    assert (await h.run(client.account.usage_daily())).usage == []
    speech = None
    for _ in range(3):
        speech = await h.run(client.audio.speech.create(input="count me", response_format="wav"))
    assert speech is not None
    for _ in range(2):
        await h.run(client.audio.transcriptions.create(file=("s.wav", speech.content)))
    await h.run(client.audio.generate("and me"))
    await h.run(client.text.generate("me too"))

    daily = await h.run(client.account.usage_daily())
    assert isinstance(daily, DailyUsageResponse)
    assert daily.count == len(daily.usage)
    by_model: dict[str, tuple[float, Decimal]] = {}
    for row in daily.usage:
        requests, cost = by_model.get(str(row.model), (0, Decimal(0)))
        by_model[str(row.model)] = (requests + row.requests, cost + Decimal(str(row.cost_usd)))
    assert by_model["elevenlabs"] == (4, 4 * SPEECH_PRICE)
    assert by_model["whisper-large-v3"] == (2, 2 * TRANSCRIPTION_PRICE)
    assert sum(requests for requests, _ in by_model.values()) == 7
    assert await spent(h, client) == 4 * SPEECH_PRICE + 2 * TRANSCRIPTION_PRICE + TEXT_PRICE
    assert len({row.date for row in daily.usage}) == 1  # all today

    table = await h.run(client.account.usage_daily_csv())
    assert isinstance(table, TextResult)
    rows = list(csv.DictReader(io.StringIO(table)))
    assert len(rows) == len(daily.usage)
    assert sum(int(float(row["requests"])) for row in rows) == 7
    assert sum(Decimal(row["cost_usd"]) for row in rows) == await spent(h, client)


async def test_usage_daily_is_per_key(h: Harness, server: MockServer) -> None:
    busy = make(h, server)
    idle = make(h, server)
    await h.run(busy.audio.speech.create(input="mine"))
    assert await spent(h, busy) == SPEECH_PRICE
    assert await spent(h, idle) == 0


# ------------------------------------------------------------------------ running out


async def test_a_budget_key_runs_out_with_key_budget(h: Harness, server: MockServer) -> None:
    client = make(h, server, key=fresh("sk_budget"), max_retries=5)
    served = 0
    caught: PaymentRequiredError | None = None
    for _ in range(10):
        try:
            await h.run(client.audio.speech.create(input="spend"))
        except PaymentRequiredError as exc:
            caught = exc
            break
        served += 1
    assert caught is not None
    assert served == 2  # 1 pollen of budget, 0.5 a speech
    assert caught.exhausted == "key_budget"
    assert caught.status_code == 402
    assert caught.request_id
    assert h.sleeps == []  # a 402 is never retried
    with pytest.raises(PaymentRequiredError) as again:
        await h.run(client.audio.transcriptions.create(file=("a.mp3", b"ID3 whatever")))
    assert again.value.exhausted == "key_budget"
    assert (await h.run(client.account.key())).pollen_budget == 0
    assert await spent(h, client) == 2 * SPEECH_PRICE


async def test_a_budget_key_can_still_afford_cheaper_calls(h: Harness, server: MockServer) -> None:
    client = make(h, server, key=fresh("sk_budget"))
    await h.run(client.audio.speech.create(input="one"))  # 0.5 left
    for _ in range(2):
        await h.run(client.audio.transcriptions.create(file=("a.mp3", b"ID3 whatever")))
    # 0.1 left: not enough for a transcription (0.2), enough for a text (0.1)
    with pytest.raises(PaymentRequiredError) as caught:
        await h.run(client.audio.transcriptions.create(file=("a.mp3", b"ID3 whatever")))
    assert caught.value.exhausted == "key_budget"
    await h.run(client.text.generate("cheap"))


@pytest.mark.parametrize("what", ["speech", "transcription", "generate"])
async def test_an_empty_key_gets_balance(h: Harness, server: MockServer, what: str) -> None:
    client = make(h, server, key=fresh("sk_empty"), max_retries=5)
    with pytest.raises(PaymentRequiredError) as caught:
        if what == "speech":
            await h.run(client.audio.speech.create(input="hi"))
        elif what == "transcription":
            await h.run(client.audio.transcriptions.create(file=("a.mp3", b"ID3 whatever")))
        else:
            await h.run(client.audio.generate("hi"))
    assert caught.value.exhausted == "balance"
    assert caught.value.code
    assert h.sleeps == []
    assert await spent(h, client) == 0


# ----------------------------------------------------- faults on the mock: retry safety


async def test_an_injected_503_is_retried_and_charged_once(
    h: Harness, own_server: MockServer
) -> None:
    client = make(h, own_server)
    speech = await h.run(
        client.audio.speech.create(
            input="second try", extra_headers={"X-Mock-Fault": "status=503;times=1"}
        )
    )
    assert speech.content_type == "audio/mpeg"
    assert len(h.sleeps) == 1
    assert await spent(h, client) == SPEECH_PRICE


async def test_a_speech_cut_mid_answer_is_charged_and_not_repeated(
    h: Harness, own_server: MockServer
) -> None:
    client = make(h, own_server)
    with pytest.raises(IncompleteResponseError) as caught:
        await h.run(
            client.audio.speech.create(
                input="cut me",
                response_format="wav",
                extra_headers={"X-Mock-Fault": "drop-mid-stream"},
            )
        )
    assert MAY_HAVE_RUN in str(caught.value)
    assert h.sleeps == []
    assert await spent(h, client) == SPEECH_PRICE  # served (and billed) once


async def test_with_retry_unsafe_a_cut_speech_is_repeated_and_charged_twice(
    h: Harness, own_server: MockServer
) -> None:
    client = make(h, own_server)
    speech = await h.run(
        client.audio.speech.create(
            input="cut me once",
            response_format="wav",
            retry_unsafe=True,
            extra_headers={"X-Mock-Fault": "drop-mid-stream;times=1"},
        )
    )
    assert speech.content.startswith(b"RIFF")
    heard = await h.run(client.audio.transcriptions.create(file=("a.wav", speech.content)))
    assert heard.text == "cut me once"
    assert len(h.sleeps) == 1
    assert await spent(h, client) == 2 * SPEECH_PRICE + TRANSCRIPTION_PRICE


async def test_a_transcription_dropped_before_the_answer_is_not_repeated(
    h: Harness, own_server: MockServer
) -> None:
    client = make(h, own_server, max_retries=3)
    with pytest.raises(APIConnectionError) as caught:
        await h.run(
            client.audio.transcriptions.create(
                file=("a.mp3", b"ID3 whatever"),
                extra_headers={"X-Mock-Fault": "drop-before-headers"},
            )
        )
    assert MAY_HAVE_RUN in str(caught.value)
    assert h.sleeps == []


async def test_the_daily_usage_is_retried_through_faults(
    h: Harness, own_server: MockServer
) -> None:
    client = make(h, own_server, max_retries=3)
    daily = await h.run(
        client.account.usage_daily(extra_headers={"X-Mock-Fault": "drop-before-headers;times=2"})
    )
    assert daily.usage == []
    assert len(h.sleeps) == 2
    with pytest.raises(InternalServerError):
        await h.run(client.account.key(extra_headers={"X-Mock-Fault": "status=500"}))
    assert len(h.sleeps) == 5


async def test_raw_speech_against_the_mock(h: Harness, server: MockServer) -> None:
    client = make(h, server)
    raw = await h.run(
        client.with_raw_response.audio.speech.create(input="raw", response_format="opus")
    )
    assert raw.status_code == 200
    assert raw.headers["content-type"] == "audio/opus"
    assert raw.request_id and raw.request_id.startswith("req_")
    speech = raw.parse()
    assert isinstance(speech, AudioResult)
    assert speech.request_id == raw.request_id
    assert looks_like("opus", speech.content)
