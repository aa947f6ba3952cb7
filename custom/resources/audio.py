"""`client.audio`: speech from text, transcripts from speech, and audio from a GET URL.

Named after openai's: `audio.speech.create(input=..., voice=...)` and
`audio.transcriptions.create(file=..., model=...)` take the same arguments, so code
written for openai's client reads the same here.
"""

from __future__ import annotations

import functools
import io
import mimetypes
import os
from functools import cached_property
from typing import IO, TYPE_CHECKING, Literal, TypeAlias, overload

import httpx

from pollinations_client.params import (
    CREATE_SPEECH,
    CREATE_TRANSCRIPTION,
    GENERATE_AUDIO,
    CreateSpeechParams,
    CreateTranscriptionParams,
    GenerateAudioParams,
)

from .. import _json
from .._body import media_type
from .._exceptions import InvalidParameterError
from .._resource import AsyncAPIResource, CallOptions, Endpoint, SyncAPIResource, documented
from .._response import AsyncRawView, RawView, async_raw_method, raw_method
from .._types import AudioResult, PathLike, SavedFile, TextResult
from .._validation import check_prompt, check_utf8
from ._shared import binary_result, saved_result

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from pollinations_client.models import Transcription, TranscriptionRequestResponseFormat
    from pollinations_client.types import File

#: An audio file to upload: a path, its bytes, an open binary file, or, as openai takes
#: it, (filename, bytes) or (filename, bytes, media type).
FileInput: TypeAlias = (
    "str | os.PathLike[str] | bytes | IO[bytes] | tuple[str, bytes] | tuple[str, bytes, str]"
)


class SpeechParams(CreateSpeechParams, CallOptions, total=False):
    """The keyword arguments of `audio.speech.create`: the spec's fields of POST
    /v1/audio/speech (`input` is required), and the per-call options."""


class TranscriptionParams(CreateTranscriptionParams, CallOptions, total=False):
    """The keyword arguments of `audio.transcriptions.create` besides `file` and
    `response_format`: the spec's form fields, and the per-call options."""


class AudioParams(GenerateAudioParams, CallOptions, total=False):
    """The keyword arguments of `audio.generate`: the spec's query parameters of
    GET /audio/{text}, and the per-call options."""


#: What an audio call answers: the types checked, and (as a `*` range) its Accept header.
_MEDIA = ("audio/",)
_ACCEPT = ", ".join(prefix + "*" for prefix in _MEDIA)


def parse_audio(response: httpx.Response) -> AudioResult:
    content, content_type, request_id = binary_result(response, _MEDIA, "audio")
    return AudioResult(content=content, content_type=content_type, request_id=request_id)


def parse_saved_audio(response: httpx.Response) -> SavedFile:
    saved: SavedFile = saved_result(response, _MEDIA, "audio")
    return saved


#: What a transcript in text, srt or vtt may come as (anything else is not a transcript:
#: a proxy's HTML page, say).
TEXT_TRANSCRIPTS = ("text/plain", "text/vtt", "text/srt", "application/x-subrip")


def parse_transcription(response: httpx.Response) -> Transcription | TextResult:
    """JSON (json, verbose_json) as a Transcription; the text formats as text."""
    content_type = media_type(response)
    if content_type == "application/json" or content_type.endswith("+json"):
        from pollinations_client.models import Transcription

        return Transcription.from_dict(_json.response_json(response))
    if content_type in TEXT_TRANSCRIPTS:
        return TextResult(response.text)
    raise ValueError(f"expected a transcription, got {content_type or 'no content type'}")


#: The media type of each upload format the transcription operation lists (mp3, mp4,
#: mpeg, mpga, m4a, wav, webm), so that it does not depend on the host's mimetypes
#: tables (a minimal system knows no `.m4a`).
_UPLOAD_TYPES = {
    "mp3": "audio/mpeg",
    "mp4": "audio/mp4",
    "mpeg": "audio/mpeg",
    "mpga": "audio/mpeg",
    "m4a": "audio/mp4",
    "wav": "audio/wav",
    "webm": "audio/webm",
}


_BYTES = (bytes, bytearray, memoryview)


def _sendable(name: str) -> str:
    """A file name read from the disk, as text UTF-8 can encode: the bytes of a name that
    was not UTF-8 (which Python keeps as lone surrogates) become U+FFFD. The name only
    tells the server the format, by its extension; refusing it would refuse the file."""
    try:
        raw = name.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        raw = name.encode("utf-8", "replace")
    return raw.decode("utf-8", "replace")


def upload(value: object) -> File:
    """`file=` as the generated multipart model takes it, its name and media type kept
    (the server tells the audio format by them). A path is read here, before sending."""
    from pollinations_client.types import File

    name: str | None
    mime: str | None = None
    if isinstance(value, tuple) and len(value) in (2, 3) and isinstance(value[1], _BYTES):
        name, data = str(value[0]), bytes(value[1])  # openai's (filename, bytes[, type])
        mime = str(value[2]) if len(value) == 3 and value[2] else None
        for text in (name, mime or ""):  # both go in the part's head, as UTF-8
            check_utf8("file", text)
    elif isinstance(value, _BYTES):
        name, data = "audio", bytes(value)
    elif isinstance(value, (str, os.PathLike)):
        try:
            with open(value, "rb") as handle:
                data = handle.read()
        except OSError as exc:
            raise InvalidParameterError("file", f"cannot be read: {exc}") from None
        name = _sendable(os.path.basename(os.fspath(value)))
    elif hasattr(value, "read"):
        data = value.read()
        if not isinstance(data, bytes):
            raise InvalidParameterError("file", "must be opened in binary mode ('rb')")
        name = _sendable(os.path.basename(str(getattr(value, "name", "") or ""))) or "audio"
    else:
        raise InvalidParameterError(
            "file",
            "must be a path, bytes, a binary file or (filename, bytes[, media type]), "
            f"not {type(value).__name__}",
        )
    if not data:
        raise InvalidParameterError("file", "is empty")
    extension = name.rpartition(".")[2].lower() if "." in name else ""
    mime = (
        mime
        or _UPLOAD_TYPES.get(extension)
        or mimetypes.guess_type(name)[0]
        or "application/octet-stream"
    )
    return File(payload=io.BytesIO(data), file_name=name, mime_type=mime)


_SPEECH = Endpoint(
    CREATE_SPEECH, "audio.speech.create", parse_audio, accept=_ACCEPT, download=True,
    params=SpeechParams, saved=parse_saved_audio,
)  # fmt: skip
_TRANSCRIBE = Endpoint(
    CREATE_TRANSCRIPTION,
    "audio.transcriptions.create",
    parse_transcription,
    accept="application/json, text/plain",
    convert={"file": upload},
    params=TranscriptionParams,
)
_GENERATE = Endpoint(
    GENERATE_AUDIO,
    "audio.generate",
    parse_audio,
    accept=_ACCEPT,
    download=True,
    convert={"text": functools.partial(check_prompt, field="text")},
    params=AudioParams,
    saved=parse_saved_audio,
)

# The transcript formats by what they answer (for the overloads of `create`).
TextFormat: TypeAlias = (
    'Literal["text", "srt", "vtt", TranscriptionRequestResponseFormat.TEXT,'
    " TranscriptionRequestResponseFormat.SRT, TranscriptionRequestResponseFormat.VTT]"
)
JSONFormat: TypeAlias = (
    'Literal["json", "verbose_json", TranscriptionRequestResponseFormat.JSON,'
    " TranscriptionRequestResponseFormat.VERBOSE_JSON]"
)


class Speech(SyncAPIResource):
    @overload
    def create(self, *, to_file: None = None, **params: Unpack[SpeechParams]) -> AudioResult: ...

    @overload
    def create(self, *, to_file: PathLike, **params: Unpack[SpeechParams]) -> SavedFile: ...

    @documented(_SPEECH)
    def create(
        self, *, to_file: PathLike | None = None, **params: Unpack[SpeechParams]
    ) -> AudioResult | SavedFile:
        """Speak `input` (or, with `model="elevenmusic"`, compose music): the audio; with
        `to_file`, streamed to that file (see SavedFile)."""
        if to_file is not None:
            return self._save(_SPEECH, to_file, params)
        return self._call(_SPEECH, params)

    @cached_property
    def with_raw_response(self) -> SpeechWithRawResponse:
        return SpeechWithRawResponse(self)


class Transcriptions(SyncAPIResource):
    @cached_property
    def with_raw_response(self) -> TranscriptionsWithRawResponse:
        return TranscriptionsWithRawResponse(self)

    @overload
    def create(
        self,
        *,
        file: FileInput,
        response_format: JSONFormat | None = None,
        **params: Unpack[TranscriptionParams],
    ) -> Transcription: ...

    @overload
    def create(
        self, *, file: FileInput, response_format: TextFormat, **params: Unpack[TranscriptionParams]
    ) -> TextResult: ...

    @overload
    def create(
        self,
        *,
        file: FileInput,
        response_format: TranscriptionRequestResponseFormat | str | None = None,
        **params: Unpack[TranscriptionParams],
    ) -> Transcription | TextResult: ...

    @documented(_TRANSCRIBE)
    def create(
        self,
        *,
        file: FileInput,
        response_format: TranscriptionRequestResponseFormat | str | None = None,
        **params: Unpack[TranscriptionParams],
    ) -> Transcription | TextResult:
        """What is said in an audio file: a Transcription (`.text`), or for the text
        formats (text, srt, vtt) the transcript as text."""
        return self._call(_TRANSCRIBE, params, file=file, response_format=response_format)


class Audio(SyncAPIResource):
    @cached_property
    def speech(self) -> Speech:
        return Speech(self._client)

    @cached_property
    def transcriptions(self) -> Transcriptions:
        return Transcriptions(self._client)

    @overload
    def generate(
        self, text: str, *, to_file: None = None, **params: Unpack[AudioParams]
    ) -> AudioResult: ...

    @overload
    def generate(
        self, text: str, *, to_file: PathLike, **params: Unpack[AudioParams]
    ) -> SavedFile: ...

    @documented(_GENERATE)
    def generate(
        self, text: str, *, to_file: PathLike | None = None, **params: Unpack[AudioParams]
    ) -> AudioResult | SavedFile:
        """Speech (or music) for `text`, from GET /audio/{text}: the audio; with `to_file`,
        streamed to that file (see SavedFile)."""
        if to_file is not None:
            return self._save(_GENERATE, to_file, params, text=text)
        return self._call(_GENERATE, params, text=text)

    @cached_property
    def with_raw_response(self) -> AudioWithRawResponse:
        return AudioWithRawResponse(self)


class AsyncSpeech(AsyncAPIResource):
    @overload
    async def create(
        self, *, to_file: None = None, **params: Unpack[SpeechParams]
    ) -> AudioResult: ...

    @overload
    async def create(self, *, to_file: PathLike, **params: Unpack[SpeechParams]) -> SavedFile: ...

    @documented(_SPEECH)
    async def create(
        self, *, to_file: PathLike | None = None, **params: Unpack[SpeechParams]
    ) -> AudioResult | SavedFile:
        """Speak `input` (or, with `model="elevenmusic"`, compose music): the audio; with
        `to_file`, streamed to that file (see SavedFile)."""
        if to_file is not None:
            return await self._save(_SPEECH, to_file, params)
        return await self._call(_SPEECH, params)

    @cached_property
    def with_raw_response(self) -> AsyncSpeechWithRawResponse:
        return AsyncSpeechWithRawResponse(self)


class AsyncTranscriptions(AsyncAPIResource):
    @cached_property
    def with_raw_response(self) -> AsyncTranscriptionsWithRawResponse:
        return AsyncTranscriptionsWithRawResponse(self)

    @overload
    async def create(
        self,
        *,
        file: FileInput,
        response_format: JSONFormat | None = None,
        **params: Unpack[TranscriptionParams],
    ) -> Transcription: ...

    @overload
    async def create(
        self, *, file: FileInput, response_format: TextFormat, **params: Unpack[TranscriptionParams]
    ) -> TextResult: ...

    @overload
    async def create(
        self,
        *,
        file: FileInput,
        response_format: TranscriptionRequestResponseFormat | str | None = None,
        **params: Unpack[TranscriptionParams],
    ) -> Transcription | TextResult: ...

    @documented(_TRANSCRIBE)
    async def create(
        self,
        *,
        file: FileInput,
        response_format: TranscriptionRequestResponseFormat | str | None = None,
        **params: Unpack[TranscriptionParams],
    ) -> Transcription | TextResult:
        """What is said in an audio file: a Transcription (`.text`), or for the text
        formats (text, srt, vtt) the transcript as text."""
        return await self._call(_TRANSCRIBE, params, file=file, response_format=response_format)


class AsyncAudio(AsyncAPIResource):
    @cached_property
    def speech(self) -> AsyncSpeech:
        return AsyncSpeech(self._client)

    @cached_property
    def transcriptions(self) -> AsyncTranscriptions:
        return AsyncTranscriptions(self._client)

    @overload
    async def generate(
        self, text: str, *, to_file: None = None, **params: Unpack[AudioParams]
    ) -> AudioResult: ...

    @overload
    async def generate(
        self, text: str, *, to_file: PathLike, **params: Unpack[AudioParams]
    ) -> SavedFile: ...

    @documented(_GENERATE)
    async def generate(
        self, text: str, *, to_file: PathLike | None = None, **params: Unpack[AudioParams]
    ) -> AudioResult | SavedFile:
        """Speech (or music) for `text`, from GET /audio/{text}: the audio; with `to_file`,
        streamed to that file (see SavedFile)."""
        if to_file is not None:
            return await self._save(_GENERATE, to_file, params, text=text)
        return await self._call(_GENERATE, params, text=text)

    @cached_property
    def with_raw_response(self) -> AsyncAudioWithRawResponse:
        return AsyncAudioWithRawResponse(self)


class SpeechWithRawResponse(RawView):
    create = raw_method(Speech.create)


class TranscriptionsWithRawResponse(RawView):
    create = raw_method(Transcriptions.create)


class AudioWithRawResponse(RawView):
    generate = raw_method(Audio.generate)

    def __init__(self, audio: Audio) -> None:
        super().__init__(audio)
        self.speech = SpeechWithRawResponse(audio.speech)
        self.transcriptions = TranscriptionsWithRawResponse(audio.transcriptions)


class AsyncSpeechWithRawResponse(AsyncRawView):
    create = async_raw_method(AsyncSpeech.create)


class AsyncTranscriptionsWithRawResponse(AsyncRawView):
    create = async_raw_method(AsyncTranscriptions.create)


class AsyncAudioWithRawResponse(AsyncRawView):
    generate = async_raw_method(AsyncAudio.generate)

    def __init__(self, audio: AsyncAudio) -> None:
        super().__init__(audio)
        self.speech = AsyncSpeechWithRawResponse(audio.speech)
        self.transcriptions = AsyncTranscriptionsWithRawResponse(audio.transcriptions)


__all__ = ["AsyncAudio", "Audio", "FileInput"]
