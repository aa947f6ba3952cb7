"""Real, small audio files built with the standard library only, and a reader for them.

Clients save, play and transcode what the speech endpoints return, so every format is a
file that real decoders accept. The sound is a "score" rather than speech: each letter or
digit of the input is a short tone (its pitch from the character and the voice), other
characters are pauses, at MS_PER_CHARACTER / speed per character, between MIN_SECONDS and
MAX_SECONDS. Music is a tune of NOTE_SECONDS notes drawn from a digest of the prompt.
The same request always gives the same bytes: nothing depends on the clock.

- wav: RIFF/WAVE, PCM 16-bit mono 24 kHz (the tones), with a LIST/INFO chunk (ISFT, ICMT)
  that holds the input text.
- pcm: the same samples, raw, signed 16-bit little-endian mono 24 kHz (`audio/pcm`).
- flac: `fLaC`, STREAMINFO (with the MD5 of the samples), VORBIS_COMMENT (the text), then
  fixed-blocksize frames of VERBATIM or CONSTANT subframes with their CRC-8 and CRC-16:
  lossless, the same samples as wav.
- mp3: an ID3v2.4 tag (TXXX holds the text), then MPEG-1 Layer III frames, 48 kHz mono,
  32 kbit/s, no padding, no CRC. Each granule holds one Huffman-coded spectral line
  (table 1) at the pitch of the note playing then, or nothing during a pause, so the
  file decodes to the same tune of tones (not the same samples: MP3 is lossy).
- opus: Ogg (with the Ogg CRC-32) holding OpusHead, OpusTags (the text as a comment) and
  one 20 ms CELT packet per 20 ms; the packets are the 3-byte silence frame
  `F8 FF FE`, so the stream decodes to silence of the right length (the last page's
  granule position trims it to the exact duration, after the 312-sample pre-skip).
- aac: ADTS frames (MPEG-4 AAC-LC, 24 kHz mono, 1024 samples each) whose raw data block
  is a silent single channel element; the first frames carry the text in data stream
  elements (DSE), which decoders skip. Silence as well: coding spectral data with AAC's
  codebooks by hand would add nothing a client test can observe.

`read_audio` recognises these formats (and generic WAV, MPEG audio, Ogg Opus, FLAC and
ADTS files) and returns their duration and, for the mock's own files, the text they
were made from: transcribing the mock's speech gives back its input.
"""

from __future__ import annotations

import bisect
import hashlib
import math
import struct
import sys
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

SAMPLE_RATE = 24000
MS_PER_CHARACTER = 50
MIN_SECONDS = 0.25
MAX_SECONDS = 60.0
NOTE_SECONDS = 0.25
SOFTWARE = "pollinations mock"
TEXT_TAG = "POLLINATIONS_MOCK_INPUT"
"""The Vorbis comment (Opus, FLAC) and ID3 TXXX description that hold the input text."""
MEDIA_TYPES = {
    "mp3": "audio/mpeg",
    "opus": "audio/opus",
    "aac": "audio/aac",
    "flac": "audio/flac",
    "wav": "audio/wav",
    "pcm": "audio/pcm",
}
_AMPLITUDE = 0.25 * 32767
_FADE_SECONDS = 0.004
_PENTATONIC = (0, 2, 4, 7, 9)


@dataclass(frozen=True)
class Note:
    start: float
    end: float
    frequency: float


@dataclass(frozen=True)
class Score:
    seconds: float
    notes: tuple[Note, ...]


def _digest(*parts: object) -> bytes:
    hasher = hashlib.sha256()
    for part in parts:
        hasher.update(repr(part).encode("utf-8"))
        hasher.update(b"\x00")
    return hasher.digest()


def speech_seconds(text: str, speed: float = 1.0) -> float:
    """How long the speech of `text` lasts: MS_PER_CHARACTER / speed a character, bounded."""
    step = MS_PER_CHARACTER / 1000 / speed
    return min(max(len(text) * step, MIN_SECONDS), MAX_SECONDS)


def speech_score(text: str, voice: str, speed: float = 1.0) -> Score:
    """A tone per letter or digit, a pause for anything else; the voice sets the pitch."""
    seconds = speech_seconds(text, speed)
    step = MS_PER_CHARACTER / 1000 / speed
    base = 110.0 * 2 ** ((_digest("voice", voice)[0] % 12) / 12)
    notes: list[Note] = []
    for index, character in enumerate(text):
        start = index * step
        if start >= seconds:
            break
        if not character.isalnum():
            continue
        degree = (ord(character.lower()) * 7) % 15
        semitones = 12 * (degree // 5) + _PENTATONIC[degree % 5]
        end = min(start + step * 0.9, seconds)
        notes.append(Note(start, end, base * 2 ** (semitones / 12)))
    return Score(seconds, tuple(notes))


def music_score(prompt: str, seconds: float, instrumental: bool) -> Score:
    """A tune of NOTE_SECONDS notes on a pentatonic scale, drawn from the prompt."""
    stream = b""
    count = math.ceil(seconds / NOTE_SECONDS)
    block = 0
    while len(stream) < count:
        stream += _digest("music", prompt, instrumental, block)
        block += 1
    notes = []
    for index in range(count):
        value = stream[index]
        start = index * NOTE_SECONDS
        if value % 8 == 0:  # a rest now and then
            continue
        degree = value % 10
        semitones = 12 * (degree // 5) + _PENTATONIC[degree % 5]
        end = min(start + NOTE_SECONDS * 0.9, seconds)
        notes.append(Note(start, end, 220.0 * 2 ** (semitones / 12)))
    return Score(seconds, tuple(notes))


# ------------------------------------------------------------------ samples
def render(score: Score, rate: int = SAMPLE_RATE) -> array[int]:
    """The score as signed 16-bit samples at `rate`, each note faded in and out."""
    total = round(score.seconds * rate)
    samples = array("h", bytes(2 * total))
    cache: dict[tuple[float, int], array[int]] = {}
    fade = max(1, round(_FADE_SECONDS * rate))
    for note in score.notes:
        start = round(note.start * rate)
        end = min(round(note.end * rate), total)
        length = end - start
        if length <= 0:
            continue
        tone = cache.get((note.frequency, length))
        if tone is None:
            step = 2 * math.pi * note.frequency / rate
            tone = array(
                "h",
                (
                    round(
                        _AMPLITUDE
                        * min(1.0, i / fade, (length - 1 - i) / fade)
                        * math.sin(i * step)
                    )
                    for i in range(length)
                ),
            )
            cache[(note.frequency, length)] = tone
        samples[start:end] = tone
    return samples


def _little_endian(samples: array[int]) -> bytes:
    if sys.byteorder == "little":
        return samples.tobytes()
    swapped = array("h", samples)
    swapped.byteswap()
    return swapped.tobytes()


def _big_endian(samples: array[int]) -> bytes:
    if sys.byteorder == "big":
        return samples.tobytes()
    swapped = array("h", samples)
    swapped.byteswap()
    return swapped.tobytes()


class _Bits:
    """An MSB-first bit writer for the few hundred bits of one frame."""

    def __init__(self) -> None:
        self.value = 0
        self.count = 0

    def write(self, value: int, width: int) -> None:
        if value < 0 or value >= 1 << width:
            raise ValueError(f"{value} does not fit in {width} bits")
        self.value = (self.value << width) | value
        self.count += width

    def write_bytes(self, data: bytes) -> None:
        for byte in data:
            self.write(byte, 8)

    def to_bytes(self) -> bytes:
        padding = -self.count % 8
        return (self.value << padding).to_bytes((self.count + padding) // 8, "big")


# ------------------------------------------------------------------ WAV and PCM
def _riff_chunk(kind: bytes, data: bytes) -> bytes:
    return kind + struct.pack("<I", len(data)) + data + (b"\x00" if len(data) % 2 else b"")


def encode_wav(score: Score, text: str) -> bytes:
    samples = _little_endian(render(score))
    fmt = struct.pack("<HHIIHH", 1, 1, SAMPLE_RATE, SAMPLE_RATE * 2, 2, 16)
    info = b"INFO" + _riff_chunk(b"ISFT", SOFTWARE.encode() + b"\x00")
    info += _riff_chunk(b"ICMT", text.encode("utf-8") + b"\x00")
    body = b"WAVE" + _riff_chunk(b"fmt ", fmt) + _riff_chunk(b"LIST", info)
    body += _riff_chunk(b"data", samples)
    return b"RIFF" + struct.pack("<I", len(body)) + body


def encode_pcm(score: Score, text: str) -> bytes:
    return _little_endian(render(score))


# ------------------------------------------------------------------ FLAC
def _crc_table(poly: int, width: int) -> list[int]:
    top = 1 << (width - 1)
    mask = (1 << width) - 1
    table = []
    for byte in range(256):
        crc = byte << (width - 8)
        for _ in range(8):
            crc = ((crc << 1) ^ poly) if crc & top else crc << 1
        table.append(crc & mask)
    return table


_CRC8 = _crc_table(0x07, 8)
_CRC16 = _crc_table(0x8005, 16)
_CRC32_OGG = _crc_table(0x04C11DB7, 32)


def crc8(data: bytes) -> int:
    crc = 0
    for byte in data:
        crc = _CRC8[crc ^ byte]
    return crc


def crc16(data: bytes) -> int:
    crc = 0
    table = _CRC16
    for byte in data:
        crc = ((crc << 8) & 0xFFFF) ^ table[(crc >> 8) ^ byte]
    return crc


def ogg_crc(data: bytes) -> int:
    crc = 0
    table = _CRC32_OGG
    for byte in data:
        crc = ((crc << 8) & 0xFFFFFFFF) ^ table[(crc >> 24) ^ byte]
    return crc


def _utf8_number(value: int) -> bytes:
    """FLAC's frame number coding: UTF-8's scheme, extended to 36 bits."""
    if value < 0x80:
        return bytes((value,))
    length = 2
    while length < 7 and value >= 1 << (5 * length + 1):
        length += 1
    tail = [0x80 | ((value >> (6 * i)) & 0x3F) for i in range(length - 1)]
    lead_bits = 7 - length
    lead = (0xFF << (8 - length)) & 0xFF | (value >> (6 * (length - 1))) & ((1 << lead_bits) - 1)
    return bytes([lead, *reversed(tail)])


def _vorbis_comment(text: str) -> bytes:
    vendor = SOFTWARE.encode()
    comment = f"{TEXT_TAG}={text}".encode()
    return (
        struct.pack("<I", len(vendor))
        + vendor
        + struct.pack("<I", 1)
        + struct.pack("<I", len(comment))
        + comment
    )


FLAC_BLOCK = 4096


def encode_flac(score: Score, text: str) -> bytes:
    samples = render(score)
    total = len(samples)
    frames: list[bytes] = []
    for number, start in enumerate(range(0, total, FLAC_BLOCK)):
        block = samples[start : start + FLAC_BLOCK]
        size = len(block)
        header = bytearray(b"\xff\xf8")  # sync, reserved 0, fixed blocksize
        size_code = 0b1100 if size == FLAC_BLOCK else 0b0111
        header.append(size_code << 4 | 0b0111)  # sample rate code 0111: 24 kHz
        header.append(0b0000_100_0)  # mono, 16 bits per sample
        header += _utf8_number(number)
        if size_code == 0b0111:
            header += struct.pack(">H", size - 1)
        header.append(crc8(bytes(header)))
        if not any(block):
            subframe = b"\x00" + struct.pack(">h", 0)  # CONSTANT
        else:
            subframe = b"\x02" + _big_endian(block)  # VERBATIM
        frame = bytes(header) + subframe
        frames.append(frame + struct.pack(">H", crc16(frame)))
    sizes = [len(frame) for frame in frames]
    info = struct.pack(">HH", FLAC_BLOCK, FLAC_BLOCK)
    info += min(sizes).to_bytes(3, "big") + max(sizes).to_bytes(3, "big")
    packed = (SAMPLE_RATE << 44) | (0 << 41) | (15 << 36) | total
    info += packed.to_bytes(8, "big") + hashlib.md5(_little_endian(samples)).digest()
    comment = _vorbis_comment(text)
    metadata = (
        bytes((0x00,))
        + len(info).to_bytes(3, "big")
        + info
        + bytes((0x80 | 4,))
        + len(comment).to_bytes(3, "big")
        + comment
    )
    return b"fLaC" + metadata + b"".join(frames)


# ------------------------------------------------------------------ MP3
MP3_RATE = 48000
MP3_BITRATE = 32000
MP3_FRAME_SAMPLES = 1152
MP3_FRAME_BYTES = 144 * MP3_BITRATE // MP3_RATE  # 96: exact at 48 kHz, no padding
_MP3_HEADER = bytes((0xFF, 0xFB, 0x14, 0xC0))  # MPEG-1 L3, no CRC, 32 kbit/s, 48 kHz, mono
_MP3_LINE_HZ = MP3_RATE / 2 / 576
_MP3_GLOBAL_GAIN = 200
# Huffman table 1 of ISO/IEC 11172-3 (x, y in 0..1): (code, length), then a sign bit per
# non-zero value.
_TABLE1 = {(0, 0): (0b1, 1), (0, 1): (0b001, 3), (1, 0): (0b01, 2), (1, 1): (0b000, 3)}


def _syncsafe(value: int) -> bytes:
    return bytes((value >> shift) & 0x7F for shift in (21, 14, 7, 0))


def _id3(text: str) -> bytes:
    def frame(kind: bytes, data: bytes) -> bytes:
        return kind + _syncsafe(len(data)) + b"\x00\x00"

    txxx = b"\x03" + TEXT_TAG.encode() + b"\x00" + text.encode("utf-8")
    tsse = b"\x03" + SOFTWARE.encode()
    frames = frame(b"TSSE", tsse) + tsse + frame(b"TXXX", txxx) + txxx
    return b"ID3\x04\x00\x00" + _syncsafe(len(frames)) + frames


def _granule_bits(line: int | None) -> tuple[int, int, int]:
    """(Huffman bits, their count, big_values) for one granule with one spectral line."""
    if line is None:
        return 0, 0, 0
    bits = _Bits()
    pairs = line // 2 + 1
    for pair in range(pairs):
        x = int(line == 2 * pair)
        y = int(line == 2 * pair + 1)
        code, length = _TABLE1[(x, y)]
        bits.write(code, length)
        if x or y:
            bits.write(0, 1)  # positive
    return bits.value, bits.count, pairs


def encode_mp3(score: Score, text: str) -> bytes:
    frames = max(1, math.ceil(score.seconds * MP3_RATE / MP3_FRAME_SAMPLES))
    starts = [note.start for note in score.notes]
    out = [_id3(text)]
    for frame in range(frames):
        side = _Bits()
        side.write(0, 9)  # main_data_begin: this frame's main data starts here
        side.write(0, 5)  # private bits
        side.write(0, 4)  # scfsi
        main = _Bits()
        for granule in range(2):
            middle = ((frame * 2 + granule) * 576 + 288) / MP3_RATE
            index = bisect.bisect_right(starts, middle) - 1
            line = None
            if index >= 0 and score.notes[index].end > middle:
                frequency = score.notes[index].frequency
                line = min(max(1, int(frequency / _MP3_LINE_HZ)), 400)
            value, count, big_values = _granule_bits(line)
            side.write(count, 12)  # part2_3_length: no scalefactors (slen 0)
            side.write(big_values, 9)
            side.write(_MP3_GLOBAL_GAIN if count else 0, 8)
            side.write(0, 4)  # scalefac_compress 0
            side.write(0, 1)  # window_switching_flag: long blocks
            for _ in range(3):
                side.write(1, 5)  # table_select: table 1 in every region
            side.write(0, 4)  # region0_count
            side.write(0, 3)  # region1_count
            side.write(0, 3)  # preflag, scalefac_scale, count1table_select
            if count:
                main.write(value, count)
        data = _MP3_HEADER + side.to_bytes() + main.to_bytes()
        out.append(data + bytes(MP3_FRAME_BYTES - len(data)))
    return b"".join(out)


# ------------------------------------------------------------------ Ogg Opus
OPUS_RATE = 48000
OPUS_PRE_SKIP = 312
OPUS_PACKET_SAMPLES = 960  # 20 ms
OPUS_SILENCE = b"\xf8\xff\xfe"  # CELT-only fullband 20 ms, mono, one frame: silence
OGG_SERIAL = 0x706F6C6C  # "poll"
_PACKETS_PER_PAGE = 50


def _ogg_pages(packets: Iterable[tuple[bytes, int, bool]], serial: int) -> bytes:
    """Pages of one logical stream; each packet is (data, granule after it, end page here)."""
    pages: list[bytes] = []
    segments: list[int] = []
    body = bytearray()
    granule = -1
    continued = False  # whether the page being filled starts inside a packet

    def flush(last: bool, next_continued: bool) -> None:
        nonlocal segments, body, granule, continued
        flags = (0x01 if continued else 0) | (0x02 if not pages else 0) | (0x04 if last else 0)
        header = struct.pack(
            "<4sBBqIIIB", b"OggS", 0, flags, granule, serial, len(pages), 0, len(segments)
        )
        page = header + bytes(segments) + bytes(body)
        pages.append(page[:22] + struct.pack("<I", ogg_crc(page)) + page[26:])
        segments, body, granule, continued = [], bytearray(), -1, next_continued

    items = list(packets)
    for number, (data, after, end_page) in enumerate(items):
        lacing = [255] * (len(data) // 255) + [len(data) % 255]
        offset = 0
        for index, value in enumerate(lacing):
            if len(segments) == 255:
                flush(last=False, next_continued=index > 0)
            segments.append(value)
            body += data[offset : offset + value]
            offset += value
        granule = after
        if end_page or number == len(items) - 1:
            flush(last=number == len(items) - 1, next_continued=False)
    return b"".join(pages)


def encode_opus(score: Score, text: str) -> bytes:
    samples = round(score.seconds * OPUS_RATE)
    count = max(1, math.ceil((samples + OPUS_PRE_SKIP) / OPUS_PACKET_SAMPLES))
    head = b"OpusHead" + struct.pack("<BBHIhB", 1, 1, OPUS_PRE_SKIP, SAMPLE_RATE, 0, 0)
    vendor = SOFTWARE.encode()
    comment = f"{TEXT_TAG}={text}".encode()
    tags = b"OpusTags" + struct.pack("<I", len(vendor)) + vendor + struct.pack("<I", 1)
    tags += struct.pack("<I", len(comment)) + comment
    packets: list[tuple[bytes, int, bool]] = [(head, 0, True), (tags, 0, True)]
    for index in range(count):
        last = index == count - 1
        granule = OPUS_PRE_SKIP + samples if last else (index + 1) * OPUS_PACKET_SAMPLES
        packets.append((OPUS_SILENCE, granule, (index + 1) % _PACKETS_PER_PAGE == 0))
    return _ogg_pages(packets, OGG_SERIAL)


# ------------------------------------------------------------------ AAC (ADTS)
AAC_FRAME_SAMPLES = 1024
_ADTS_RATES = (
    96000,
    88200,
    64000,
    48000,
    44100,
    32000,
    24000,
    22050,
    16000,
    12000,
    11025,
    8000,
    7350,
)
_AAC_RATE_INDEX = _ADTS_RATES.index(SAMPLE_RATE)
_DSE_MAX = 510
_DSE_PER_FRAME = 12
_AAC_MARKER = f"{TEXT_TAG}=".encode()


def _silent_sce(bits: _Bits) -> None:
    """A single channel element with no spectral data: 29 bits of silence."""
    bits.write(0, 3)  # id_syn_ele: SCE
    bits.write(0, 4)  # element_instance_tag
    bits.write(160, 8)  # global_gain
    bits.write(0, 1)  # ics_reserved_bit
    bits.write(0, 2)  # window_sequence: ONLY_LONG_SEQUENCE
    bits.write(1, 1)  # window_shape
    bits.write(0, 6)  # max_sfb: no bands, so no section, scalefactor or spectral data
    bits.write(0, 1)  # predictor_data_present
    bits.write(0, 3)  # pulse, tns and gain control data absent


def _adts_frame(payload: bytes) -> bytes:
    length = 7 + len(payload)
    header = _Bits()
    header.write(0xFFF, 12)
    header.write(0, 1)  # MPEG-4
    header.write(0, 2)  # layer
    header.write(1, 1)  # protection_absent: no CRC
    header.write(1, 2)  # profile: AAC LC (object type 2, minus one)
    header.write(_AAC_RATE_INDEX, 4)
    header.write(0, 1)  # private bit
    header.write(1, 3)  # channel configuration: mono
    header.write(0, 4)  # original/copy, home, copyright id bit and start
    header.write(length, 13)
    header.write(0x7FF, 11)  # buffer fullness: variable bitrate
    header.write(0, 2)  # one raw data block
    return header.to_bytes() + payload


def encode_aac(score: Score, text: str) -> bytes:
    frames = max(1, math.ceil(score.seconds * SAMPLE_RATE / AAC_FRAME_SAMPLES))
    carried = _AAC_MARKER + text.encode("utf-8")
    chunks = [carried[i : i + _DSE_MAX] for i in range(0, len(carried), _DSE_MAX)]
    per_frame = max(_DSE_PER_FRAME, math.ceil(len(chunks) / frames))
    out = []
    for frame in range(frames):
        bits = _Bits()
        _silent_sce(bits)
        for chunk in chunks[frame * per_frame : (frame + 1) * per_frame]:
            bits.write(4, 3)  # id_syn_ele: DSE
            bits.write(0, 4)  # element_instance_tag
            bits.write(0, 1)  # data_byte_align_flag
            bits.write(min(len(chunk), 255), 8)
            if len(chunk) >= 255:
                bits.write(len(chunk) - 255, 8)
            bits.write_bytes(chunk)
        bits.write(7, 3)  # END
        out.append(_adts_frame(bits.to_bytes()))
    return b"".join(out)


ENCODERS = {
    "mp3": encode_mp3,
    "opus": encode_opus,
    "aac": encode_aac,
    "flac": encode_flac,
    "wav": encode_wav,
    "pcm": encode_pcm,
}


def encode(response_format: str, score: Score, text: str) -> bytes:
    return ENCODERS[response_format](score, text)


# ------------------------------------------------------------------ reading uploads
@dataclass(frozen=True)
class AudioInfo:
    kind: str
    """wav, mp3, opus, flac, aac, or what the signature suggests (ogg, mp4, webm, unknown)."""
    seconds: float | None
    text: str | None
    """The text a file of the mock's own was made from."""


def read_audio(data: bytes) -> AudioInfo:
    """What the mock can tell about an uploaded file; never raises on bad input."""
    readers = (
        (b"RIFF", _read_wav),
        (b"fLaC", _read_flac),
        (b"OggS", _read_ogg),
        (b"ID3", _read_mpeg),
    )
    for signature, reader in readers:
        if data.startswith(signature):
            try:
                return reader(data)
            except (ValueError, IndexError, struct.error, UnicodeDecodeError):
                break
    if len(data) >= 2 and data[0] == 0xFF and data[1] & 0xF6 == 0xF0:
        try:
            return _read_adts(data)
        except (ValueError, IndexError, struct.error, UnicodeDecodeError):
            pass
    if len(data) >= 2 and data[0] == 0xFF and data[1] & 0xE0 == 0xE0:
        try:
            return _read_mpeg(data)
        except (ValueError, IndexError, struct.error, UnicodeDecodeError):
            pass
    return AudioInfo(_signature_kind(data), None, None)


def _signature_kind(data: bytes) -> str:
    if data[:4] == b"RIFF" and data[8:12] == b"WAVE":
        return "wav"
    if data[:4] == b"OggS":
        return "ogg"
    if data[4:8] == b"ftyp":
        return "mp4"
    if data[:4] == b"\x1a\x45\xdf\xa3":
        return "webm"
    if data[:3] == b"ID3" or (len(data) > 1 and data[0] == 0xFF and data[1] & 0xE0 == 0xE0):
        return "mp3"
    if data[:4] == b"fLaC":
        return "flac"
    return "unknown"


def _riff_chunks(data: bytes, start: int, end: int) -> Iterator[tuple[bytes, bytes]]:
    position = start
    while position + 8 <= end:
        kind = data[position : position + 4]
        (size,) = struct.unpack("<I", data[position + 4 : position + 8])
        if position + 8 + size > end:
            raise ValueError("truncated RIFF chunk")
        yield kind, data[position + 8 : position + 8 + size]
        position += 8 + size + size % 2


def _read_wav(data: bytes) -> AudioInfo:
    if data[8:12] != b"WAVE":
        raise ValueError("not WAVE")
    end = min(len(data), 8 + struct.unpack("<I", data[4:8])[0])
    byte_rate = 0
    seconds = None
    info: dict[bytes, bytes] = {}
    for kind, body in _riff_chunks(data, 12, end):
        if kind == b"fmt ":
            byte_rate = struct.unpack("<I", body[8:12])[0]
        elif kind == b"data" and byte_rate:
            seconds = len(body) / byte_rate
        elif kind == b"LIST" and body[:4] == b"INFO":
            info.update(_riff_chunks(body, 4, len(body)))
    text = None
    if info.get(b"ISFT", b"").rstrip(b"\x00") == SOFTWARE.encode() and b"ICMT" in info:
        comment = info[b"ICMT"]
        text = (comment[:-1] if comment.endswith(b"\x00") else comment).decode("utf-8")
    return AudioInfo("wav", seconds, text)


def _comment_text(comments: bytes) -> str | None:
    """The TEXT_TAG entry of a Vorbis comment block written by the mock."""
    (vendor_length,) = struct.unpack("<I", comments[:4])
    vendor = comments[4 : 4 + vendor_length]
    position = 4 + vendor_length
    (count,) = struct.unpack("<I", comments[position : position + 4])
    position += 4
    for _ in range(count):
        (length,) = struct.unpack("<I", comments[position : position + 4])
        entry = comments[position + 4 : position + 4 + length]
        position += 4 + length
        name, _, value = entry.partition(b"=")
        if vendor == SOFTWARE.encode() and name.upper() == TEXT_TAG.encode():
            return value.decode("utf-8")
    return None


def _read_flac(data: bytes) -> AudioInfo:
    position = 4
    seconds = None
    text = None
    while True:
        header = data[position]
        length = int.from_bytes(data[position + 1 : position + 4], "big")
        body = data[position + 4 : position + 4 + length]
        if header & 0x7F == 0:
            packed = int.from_bytes(body[10:18], "big")
            rate = packed >> 44
            total = packed & ((1 << 36) - 1)
            seconds = total / rate if rate else None
        elif header & 0x7F == 4:
            text = _comment_text(body)
        position += 4 + length
        if header & 0x80:
            return AudioInfo("flac", seconds, text)


def _read_ogg(data: bytes) -> AudioInfo:
    packets: list[bytes] = []
    current = b""
    position = 0
    granule = 0
    while position < len(data):
        if data[position : position + 4] != b"OggS":
            raise ValueError("lost Ogg page sync")
        count = data[position + 26]
        lacing = data[position + 27 : position + 27 + count]
        (granule_here,) = struct.unpack("<q", data[position + 6 : position + 14])
        if granule_here != -1:
            granule = granule_here
        offset = position + 27 + count
        for value in lacing:
            current += data[offset : offset + value]
            offset += value
            if value < 255:
                if len(packets) < 2:
                    packets.append(current)
                current = b""
        position = offset
    if not packets or not packets[0].startswith(b"OpusHead"):
        return AudioInfo("ogg", None, None)
    (pre_skip,) = struct.unpack("<H", packets[0][10:12])
    text = None
    if len(packets) > 1 and packets[1].startswith(b"OpusTags"):
        text = _comment_text(packets[1][8:])
    return AudioInfo("opus", max(0, granule - pre_skip) / OPUS_RATE, text)


# MPEG audio header tables (ISO/IEC 11172-3 and 13818-3), kbit/s and Hz.
_MPEG_BITRATES = {
    (1, 1): (0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448),
    (1, 2): (0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384),
    (1, 3): (0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320),
    (2, 1): (0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256),
    (2, 2): (0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160),
    (2, 3): (0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160),
}
_MPEG_RATES = {1: (44100, 48000, 32000), 2: (22050, 24000, 16000), 25: (11025, 12000, 8000)}


def _read_mpeg(data: bytes) -> AudioInfo:
    position = 0
    text = None
    if data.startswith(b"ID3"):
        size = 0
        for byte in data[6:10]:
            size = (size << 7) | (byte & 0x7F)
        tag = data[10 : 10 + size]
        position = 10 + size + (10 if data[5] & 0x10 else 0)
        if data[3] == 4:
            text = _id3_text(tag)
    samples = 0
    rate = 0
    while position + 4 <= len(data):
        b1, b2 = data[position + 1], data[position + 2]
        if data[position] != 0xFF or b1 & 0xE0 != 0xE0:
            break
        version = {3: 1, 2: 2, 0: 25}.get((b1 >> 3) & 3)
        layer = 4 - ((b1 >> 1) & 3)
        bitrate_index, rate_index = b2 >> 4, (b2 >> 2) & 3
        if version is None or layer == 4 or bitrate_index in (0, 15) or rate_index == 3:
            break
        rate = _MPEG_RATES[version][rate_index]
        bitrate = _MPEG_BITRATES[(min(version, 2), layer)][bitrate_index] * 1000
        padding = (b2 >> 1) & 1
        if layer == 1:
            length, frame_samples = (12 * bitrate // rate + padding) * 4, 384
        elif layer == 3 and version != 1:
            length, frame_samples = 72 * bitrate // rate + padding, 576
        else:
            length, frame_samples = 144 * bitrate // rate + padding, 1152
        if position + length > len(data):
            break
        samples += frame_samples
        position += length
    if not samples:
        raise ValueError("no MPEG audio frame")
    return AudioInfo("mp3", samples / rate, text)


def _id3_text(tag: bytes) -> str | None:
    position = 0
    while position + 10 <= len(tag) and tag[position] != 0:
        kind = tag[position : position + 4]
        size = 0
        for byte in tag[position + 4 : position + 8]:
            size = (size << 7) | (byte & 0x7F)
        body = tag[position + 10 : position + 10 + size]
        position += 10 + size
        if kind == b"TXXX" and body[:1] == b"\x03":
            name, _, value = body[1:].partition(b"\x00")
            if name == TEXT_TAG.encode():
                return value.decode("utf-8")
    return None


class _BitReader:
    def __init__(self, data: bytes) -> None:
        self.value = int.from_bytes(data, "big")
        self.length = len(data) * 8
        self.position = 0

    def read(self, width: int) -> int:
        if self.position + width > self.length:
            raise ValueError("read past the end of the frame")
        self.position += width
        return (self.value >> (self.length - self.position)) & ((1 << width) - 1)


def _read_adts(data: bytes) -> AudioInfo:
    position = 0
    frames = 0
    rate = 0
    carried = b""
    while position + 7 <= len(data):
        header = _BitReader(data[position : position + 7])
        if header.read(12) != 0xFFF:
            break
        header.read(6)
        rate_index = header.read(4)
        header.read(8)
        length = header.read(13)
        if rate_index >= len(_ADTS_RATES) or length < 7 or position + length > len(data):
            break
        rate = _ADTS_RATES[rate_index]
        carried += _dse_bytes(data[position + 7 : position + length])
        frames += 1
        position += length
    if not frames:
        raise ValueError("no ADTS frame")
    text = None
    if carried.startswith(_AAC_MARKER):
        text = carried[len(_AAC_MARKER) :].decode("utf-8")
    return AudioInfo("aac", frames * AAC_FRAME_SAMPLES / rate, text)


def _dse_bytes(payload: bytes) -> bytes:
    """The DSE payloads of a raw data block shaped like the mock's (silent SCE first)."""
    bits = _BitReader(payload)
    expected = _Bits()
    _silent_sce(expected)
    if len(payload) * 8 < expected.count or bits.read(expected.count) != expected.value:
        return b""
    found = b""
    while bits.read(3) == 4:
        bits.read(5)
        count = bits.read(8)
        if count == 255:
            count += bits.read(8)
        found += bytes(bits.read(8) for _ in range(count))
    return found
