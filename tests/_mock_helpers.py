"""Shared helpers for the mock server tests: readers for what the mock sends.

The PNG, MP4 and SSE readers are written from the formats' definitions, independently of
the mock's encoders, so a test fails when the mock writes something a real reader would
reject.
"""

from __future__ import annotations

import json
import struct
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from pollinations_client.custom.mock._spec import Spec

SECRET = "sk_test_0123456789"
PUBLISHABLE = "pk_test_0123456789"
EMPTY = "sk_empty_0123456789"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def bearer(key: str = SECRET) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


_SPEC: list[Spec] = []


def spec() -> Spec:
    """The bundled openapi.yaml, parsed once for the whole run."""
    if not _SPEC:
        _SPEC.append(Spec.load())
    return _SPEC[0]


def assert_conforms(schema_name: str, instance: Any) -> None:
    """Fail with every jsonschema error if `instance` breaks components/schemas/<name>."""
    errors = [
        f"{list(error.absolute_path)}: {error.message}"
        for error in spec().component_validator(schema_name).iter_errors(instance)
    ]
    assert not errors, f"{schema_name} violated:\n" + "\n".join(errors)


# ------------------------------------------------------------------ PNG
@dataclass
class Png:
    width: int
    height: int
    bit_depth: int
    colour_type: int
    chunk_types: list[bytes]
    pixels: bytes
    """The decompressed, still filtered scanlines (one filter byte per row)."""


def read_png(data: bytes) -> Png:
    """Parse and check a PNG: signature, chunk CRCs, IHDR first, IEND last, IDAT size."""
    assert data[:8] == PNG_SIGNATURE, "not a PNG signature"
    position = 8
    chunk_types: list[bytes] = []
    idat = b""
    header: tuple[int, ...] = ()
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        body = data[position + 8 : position + 8 + length]
        (crc,) = struct.unpack(">I", data[position + 8 + length : position + 12 + length])
        assert len(body) == length, f"{kind!r} chunk is truncated"
        assert zlib.crc32(kind + body) & 0xFFFFFFFF == crc, f"bad CRC in {kind!r}"
        chunk_types.append(kind)
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        position += 12 + length
    assert position == len(data), "bytes after the last chunk"
    assert chunk_types[0] == b"IHDR" and chunk_types[-1] == b"IEND"
    width, height, depth, colour, compression, filtering, interlace = header
    assert (compression, filtering, interlace) == (0, 0, 0)
    pixels = zlib.decompress(idat)
    channels = {2: 3, 6: 4}[colour]
    assert len(pixels) == height * (1 + width * channels * depth // 8)
    return Png(width, height, depth, colour, chunk_types, pixels)


def unfilter(png: Png) -> list[bytes]:
    """The rows' pixel bytes after undoing filters None (0) and Up (2)."""
    channels = {2: 3, 6: 4}[png.colour_type]
    stride = png.width * channels
    rows: list[bytes] = []
    previous = bytes(stride)
    for y in range(png.height):
        start = y * (stride + 1)
        kind = png.pixels[start]
        line = png.pixels[start + 1 : start + 1 + stride]
        assert kind in (0, 2), f"row {y} uses filter {kind}, which this reader does not undo"
        if kind == 2:
            line = bytes((a + b) & 0xFF for a, b in zip(line, previous, strict=True))
        rows.append(line)
        previous = line
    return rows


# ------------------------------------------------------------------ MP4 (ISO BMFF)
CONTAINERS = {b"moov", b"trak", b"mdia", b"minf", b"dinf", b"stbl", b"edts"}


@dataclass
class Box:
    kind: bytes
    offset: int
    size: int
    payload: bytes
    children: list[Box] = field(default_factory=list)

    def find(self, *path: bytes) -> Box:
        node = self
        for kind in path:
            matches = [child for child in node.children if child.kind == kind]
            assert matches, f"no {kind!r} inside {node.kind!r}"
            node = matches[0]
        return node


def walk_boxes(data: bytes, start: int = 0, end: int | None = None) -> list[Box]:
    """Split `data[start:end]` into boxes, recursing into containers; sizes must tile exactly."""
    end = len(data) if end is None else end
    boxes: list[Box] = []
    position = start
    while position < end:
        assert end - position >= 8, f"truncated box header at {position}"
        size, kind = struct.unpack(">I4s", data[position : position + 8])
        header = 8
        if size == 1:
            (size,) = struct.unpack(">Q", data[position + 8 : position + 16])
            header = 16
        elif size == 0:
            size = end - position
        assert size >= header and position + size <= end, f"{kind!r} overruns its parent"
        box = Box(kind, position, size, data[position + header : position + size])
        if kind in CONTAINERS:
            box.children = walk_boxes(data, position + header, position + size)
        elif kind in (b"dref", b"stsd"):  # full boxes with an entry count before children
            box.children = walk_boxes(data, position + header + 8, position + size)
        boxes.append(box)
        position += size
    assert position == end, "boxes do not fill their parent exactly"
    return boxes


@dataclass
class Mp4:
    brands: list[bytes]
    width: int
    height: int
    duration_seconds: float
    codec: bytes
    samples: list[bytes]


def read_mp4(data: bytes) -> Mp4:
    """Walk the file and its sample tables, returning each sample's bytes from mdat."""
    top = walk_boxes(data)
    kinds = [box.kind for box in top]
    assert kinds[0] == b"ftyp" and b"moov" in kinds and b"mdat" in kinds, kinds
    ftyp = top[0].payload
    brands = [ftyp[0:4]] + [ftyp[i : i + 4] for i in range(8, len(ftyp), 4)]
    root = Box(b"root", 0, len(data), b"", top)
    mvhd = root.find(b"moov", b"mvhd").payload
    timescale, duration = struct.unpack(">II", mvhd[12:20])
    trak = root.find(b"moov", b"trak")
    tkhd = trak.find(b"tkhd").payload
    width, height = struct.unpack(">II", tkhd[76:84])
    assert trak.find(b"mdia", b"hdlr").payload[8:12] == b"vide"
    stbl = trak.find(b"mdia", b"minf", b"stbl")
    entry = stbl.find(b"stsd").children[0]
    entry_width, entry_height = struct.unpack(">HH", entry.payload[24:28])
    assert (entry_width, entry_height) == (width >> 16, height >> 16)
    (count,) = struct.unpack(">I", stbl.find(b"stsz").payload[8:12])
    sizes = struct.unpack(f">{count}I", stbl.find(b"stsz").payload[12 : 12 + 4 * count])
    stts = stbl.find(b"stts").payload
    (entries,) = struct.unpack(">I", stts[4:8])
    timed = sum(struct.unpack(">I", stts[8 + 8 * i : 12 + 8 * i])[0] for i in range(entries))
    assert timed == count, "stts and stsz disagree on the sample count"
    stsc = stbl.find(b"stsc").payload
    assert struct.unpack(">I", stsc[4:8])[0] >= 1
    stco = stbl.find(b"stco").payload
    (chunks,) = struct.unpack(">I", stco[4:8])
    offsets = struct.unpack(f">{chunks}I", stco[8 : 8 + 4 * chunks])
    mdat = next(box for box in top if box.kind == b"mdat")
    samples: list[bytes] = []
    position = offsets[0]
    for size in sizes:
        assert mdat.offset + 8 <= position and position + size <= mdat.offset + mdat.size
        samples.append(data[position : position + size])
        position += size
    return Mp4(brands, width >> 16, height >> 16, duration / timescale, entry.kind, samples)


# ------------------------------------------------------------------ SSE
def sse_data(text: str) -> Iterator[str]:
    """The `data:` payloads of a server-sent event stream, one per event."""
    for block in text.replace("\r\n", "\n").split("\n\n"):
        lines = [line[5:].lstrip(" ") for line in block.split("\n") if line.startswith("data:")]
        if lines:
            yield "\n".join(lines)


def chunk_objects(text: str) -> list[dict[str, Any]]:
    """The JSON chunks of a stream, checking that it ends with exactly one `[DONE]`."""
    payloads = list(sse_data(text))
    assert payloads and payloads[-1] == "[DONE]", payloads[-1:]
    assert "[DONE]" not in payloads[:-1]
    chunks = [json.loads(payload) for payload in payloads[:-1]]
    for chunk in chunks:
        assert_conforms("ChatCompletionChunk", chunk)
    return chunks


def streamed_content(chunks: list[dict[str, Any]]) -> str:
    return "".join(
        choice["delta"].get("content") or "" for chunk in chunks for choice in chunk["choices"]
    )


# ------------------------------------------------------------------ audio
# Readers for the audio formats, written from their definitions (RIFF/WAVE, ISO/IEC
# 11172-3 for MPEG audio, RFC 3533 and RFC 7845 for Ogg Opus, ISO/IEC 14496-3 for ADTS,
# the FLAC format specification, ID3v2.4), independently of the mock's encoders: their
# CRCs are computed bit by bit here, not from the mock's tables.
def _crc_msb_first(data: bytes, poly: int, width: int) -> int:
    """A non-reflected CRC with initial value 0 and no final xor, one bit at a time."""
    top = 1 << (width - 1)
    mask = (1 << width) - 1
    crc = 0
    for byte in data:
        crc ^= byte << (width - 8)
        for _ in range(8):
            crc = ((crc << 1) ^ poly) & mask if crc & top else (crc << 1) & mask
    return crc


def ogg_crc32(data: bytes) -> int:
    return _crc_msb_first(data, 0x04C11DB7, 32)


@dataclass
class Wav:
    channels: int
    sample_width: int
    rate: int
    frames: bytes
    seconds: float
    info: dict[bytes, bytes]
    """The LIST/INFO sub-chunks (ISFT, ICMT, ...), as stored (NUL-terminated)."""


def read_wav(data: bytes) -> Wav:
    """Parse with the standard library's `wave`, and walk the RIFF chunks for LIST/INFO."""
    import io
    import wave

    with wave.open(io.BytesIO(data), "rb") as reader:
        assert reader.getcomptype() == "NONE"
        channels, width, rate = reader.getnchannels(), reader.getsampwidth(), reader.getframerate()
        count = reader.getnframes()
        frames = reader.readframes(count)
    assert len(frames) == count * channels * width
    assert data[:4] == b"RIFF" and data[8:12] == b"WAVE"
    assert struct.unpack("<I", data[4:8])[0] == len(data) - 8, "RIFF size is the file size - 8"
    info: dict[bytes, bytes] = {}
    position = 12
    while position < len(data):
        kind, size = struct.unpack("<4sI", data[position : position + 8])
        body = data[position + 8 : position + 8 + size]
        assert len(body) == size, f"{kind!r} chunk overruns the file"
        if kind == b"LIST" and body[:4] == b"INFO":
            inner = 4
            while inner < len(body):
                name, length = struct.unpack("<4sI", body[inner : inner + 8])
                info[name] = body[inner + 8 : inner + 8 + length]
                inner += 8 + length + length % 2
        position += 8 + size + size % 2
    assert position == len(data)
    return Wav(channels, width, rate, frames, count / rate, info)


def samples_s16le(frames: bytes) -> list[int]:
    return [value for (value,) in struct.iter_unpack("<h", frames)]


@dataclass
class MpegFrame:
    version: str
    layer: int
    bitrate: int
    rate: int
    padding: int
    mode: int
    protected: bool
    data: bytes

    @property
    def samples(self) -> int:
        if self.layer == 1:
            return 384
        return 1152 if self.layer == 2 or self.version == "1" else 576


_BITRATES_V1 = {
    1: (None, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448),
    2: (None, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384),
    3: (None, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320),
}
_BITRATES_V2 = {
    1: (None, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256),
    2: (None, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160),
    3: (None, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160),
}
_MPEG_SAMPLE_RATES = {
    "1": (44100, 48000, 32000),
    "2": (22050, 24000, 16000),
    "2.5": (11025, 12000, 8000),
}


def id3v2(data: bytes) -> tuple[int, dict[bytes, list[bytes]]]:
    """(tag length, frames by id) of a leading ID3v2.4 tag; (0, {}) when there is none."""
    if not data.startswith(b"ID3"):
        return 0, {}
    major, flags = data[3], data[5]
    assert major in (3, 4) and all(byte < 0x80 for byte in data[6:10])
    size = 0
    for byte in data[6:10]:
        size = size << 7 | byte
    frames: dict[bytes, list[bytes]] = {}
    position = 10
    while position + 10 <= 10 + size and data[position] != 0:
        kind = data[position : position + 4]
        length = 0
        for byte in data[position + 4 : position + 8]:
            length = length << 7 | byte if major == 4 else length << 8 | byte
        frames.setdefault(kind, []).append(data[position + 10 : position + 10 + length])
        position += 10 + length
    assert position <= 10 + size, "ID3 frames overrun the tag"
    return 10 + size + (10 if flags & 0x10 else 0), frames


def walk_mpeg_frames(data: bytes) -> list[MpegFrame]:
    """Every MPEG audio frame after an ID3v2 tag; the frames must tile the rest exactly."""
    position, _ = id3v2(data)
    end = len(data) - 128 if data[-128:-125] == b"TAG" else len(data)
    frames: list[MpegFrame] = []
    while position < end:
        header = int.from_bytes(data[position : position + 4], "big")
        assert header >> 21 == 0x7FF, f"no frame sync at {position}"
        version = {0: "2.5", 2: "2", 3: "1"}[(header >> 19) & 3]
        layer = {1: 3, 2: 2, 3: 1}[(header >> 17) & 3]
        protected = not (header >> 16) & 1
        table = _BITRATES_V1 if version == "1" else _BITRATES_V2
        kbps = table[layer][(header >> 12) & 0xF]
        assert kbps is not None, "free-format frames are not expected"
        rate = _MPEG_SAMPLE_RATES[version][(header >> 10) & 3]
        padding = (header >> 9) & 1
        bitrate = kbps * 1000
        if layer == 1:
            length = (12 * bitrate // rate + padding) * 4
        elif layer == 3 and version != "1":
            length = 72 * bitrate // rate + padding
        else:
            length = 144 * bitrate // rate + padding
        assert position + length <= end, "the last frame is truncated"
        frame = data[position : position + length]
        frames.append(
            MpegFrame(version, layer, bitrate, rate, padding, (header >> 6) & 3, protected, frame)
        )
        position += length
    return frames


class BitReader:
    def __init__(self, data: bytes, position: int = 0) -> None:
        self.data = data
        self.position = position

    def read(self, width: int) -> int:
        if self.position % 8 == 0 and width % 8 == 0:  # whole bytes: the common case
            start = self.position // 8
            chunk = self.data[start : start + width // 8]
            assert len(chunk) == width // 8, "read past the end"
            self.position += width
            return int.from_bytes(chunk, "big")
        value = 0
        for _ in range(width):
            byte = self.data[self.position // 8]
            value = value << 1 | (byte >> (7 - self.position % 8)) & 1
            self.position += 1
        return value


def mp3_spectral_lines(frame: MpegFrame) -> list[dict[int, int]]:
    """The non-zero quantized lines of each granule of an MPEG-1 Layer III mono frame.

    Supports what a tone needs, and checks it: main data in this frame (main_data_begin
    0), long blocks, no scalefactor bits (scalefac_compress 0), Huffman table 1 for the
    big values (ISO/IEC 11172-3 table B.7: 00 -> 1, 01 -> 001, 10 -> 01, 11 -> 000, then a
    sign bit per non-zero value) and exactly part2_3_length bits per granule.
    """
    assert frame.version == "1" and frame.layer == 3 and frame.mode == 3
    side = BitReader(frame.data, 8 * (6 if frame.protected else 4))
    assert side.read(9) == 0, "main data is expected in the frame itself"
    side.read(5 + 4)
    granules = []
    for _ in range(2):
        fields: dict[str, Any] = {
            "part2_3_length": side.read(12),
            "big_values": side.read(9),
            "global_gain": side.read(8),
            "scalefac_compress": side.read(4),
            "window_switching": side.read(1),
        }
        fields["tables"] = [side.read(5) for _ in range(3)]
        side.read(4 + 3 + 3)
        granules.append(fields)
    main = BitReader(frame.data, side.position)
    decoded = []
    for fields in granules:
        assert fields["window_switching"] == 0 and fields["scalefac_compress"] == 0
        assert fields["big_values"] <= 288
        start = main.position
        lines: dict[int, int] = {}
        if fields["big_values"]:
            assert fields["tables"] == [1, 1, 1], fields
        for pair in range(fields["big_values"]):
            if main.read(1):
                x = y = 0
            elif main.read(1):
                x, y = 1, 0
            elif main.read(1):
                x, y = 0, 1
            else:
                x = y = 1
            for offset, value in ((0, x), (1, y)):
                if value:
                    lines[2 * pair + offset] = -1 if main.read(1) else 1
        assert main.position - start == fields["part2_3_length"], "no count1 region expected"
        decoded.append(lines)
    assert main.position <= 8 * len(frame.data), "main data overruns the frame"
    return decoded


@dataclass
class OggPage:
    flags: int
    granule: int
    serial: int
    sequence: int
    segments: list[int]
    body: bytes


def read_ogg(data: bytes) -> tuple[list[OggPage], list[bytes]]:
    """Pages (CRC, version, sequence and flags checked) and the packets they carry."""
    pages: list[OggPage] = []
    packets: list[bytes] = []
    current = b""
    position = 0
    while position < len(data):
        capture, version, flags, granule, serial, sequence, crc, count = struct.unpack(
            "<4sBBqIIIB", data[position : position + 27]
        )
        assert capture == b"OggS" and version == 0, f"no Ogg page at {position}"
        segments = list(data[position + 27 : position + 27 + count])
        length = 27 + count + sum(segments)
        page = data[position : position + length]
        assert len(page) == length, "truncated page"
        assert ogg_crc32(page[:22] + b"\x00" * 4 + page[26:]) == crc, f"bad CRC on page {sequence}"
        assert sequence == len(pages), "page sequence numbers must count up from 0"
        assert bool(flags & 0x01) == bool(current), "continued flag disagrees with the lacing"
        assert bool(flags & 0x02) == (not pages), "BOS on the first page only"
        body = page[27 + count :]
        offset = 0
        for value in segments:
            current += body[offset : offset + value]
            offset += value
            if value < 255:
                packets.append(current)
                current = b""
        pages.append(OggPage(flags, granule, serial, sequence, segments, body))
        position += length
    assert pages and pages[-1].flags & 0x04, "the last page must have EOS"
    assert not any(page.flags & 0x04 for page in pages[:-1])
    assert not current, "the stream ends inside a packet"
    assert len({page.serial for page in pages}) == 1
    return pages, packets


def opus_packet_samples(packet: bytes) -> int:
    """48 kHz samples of an Opus packet, from its TOC byte (RFC 6716, section 3.1)."""
    assert packet, "an Opus packet has at least one byte"
    config, code = packet[0] >> 3, packet[0] & 3
    if config < 12:
        tenths = (100, 200, 400, 600)[config % 4]
    elif config < 16:
        tenths = (100, 200)[config % 2]
    else:
        tenths = (25, 50, 100, 200)[config % 4]
    frames = {0: 1, 1: 2, 2: 2}.get(code) or packet[1] & 0x3F
    return frames * tenths * 48 // 10


def vorbis_comments(block: bytes) -> tuple[str, list[str]]:
    (vendor_length,) = struct.unpack("<I", block[:4])
    vendor = block[4 : 4 + vendor_length].decode("utf-8")
    position = 4 + vendor_length
    (count,) = struct.unpack("<I", block[position : position + 4])
    position += 4
    comments = []
    for _ in range(count):
        (length,) = struct.unpack("<I", block[position : position + 4])
        comments.append(block[position + 4 : position + 4 + length].decode("utf-8"))
        position += 4 + length
    assert position == len(block), "bytes after the last comment"
    return vendor, comments


@dataclass
class OggOpus:
    channels: int
    pre_skip: int
    input_rate: int
    vendor: str
    comments: list[str]
    packets: list[bytes]
    seconds: float


def read_ogg_opus(data: bytes) -> OggOpus:
    pages, packets = read_ogg(data)
    head, tags, audio = packets[0], packets[1], packets[2:]
    assert head[:8] == b"OpusHead" and len(head) == 19 and head[8] == 1
    channels, pre_skip, input_rate, _gain, family = struct.unpack("<BHIhB", head[9:19])
    assert family == 0 and channels in (1, 2)
    assert tags[:8] == b"OpusTags"
    vendor, comments = vorbis_comments(tags[8:])
    # RFC 7845: the headers end their pages, and those pages have granule position 0.
    assert pages[0].segments == [19] and pages[0].granule == 0
    decoded = sum(opus_packet_samples(packet) for packet in audio)
    granules = [page.granule for page in pages if page.granule != -1]
    assert granules == sorted(granules), "granule positions must not decrease"
    final = pages[-1].granule
    assert decoded - 960 < final <= decoded, "end trimming removes less than one packet"
    return OggOpus(
        channels, pre_skip, input_rate, vendor, comments, audio, (final - pre_skip) / 48000
    )


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


@dataclass
class AdtsFrame:
    profile: int
    rate: int
    channels: int
    payload: bytes


def walk_adts(data: bytes) -> list[AdtsFrame]:
    """ADTS frames (ISO/IEC 14496-3, 1.A.2); they must tile the file exactly."""
    frames = []
    position = 0
    while position < len(data):
        bits = BitReader(data, 8 * position)
        assert bits.read(12) == 0xFFF, f"no ADTS sync at {position}"
        bits.read(1)  # ID
        assert bits.read(2) == 0, "layer is always 0"
        protection_absent = bits.read(1)
        profile = bits.read(2)
        rate_index = bits.read(4)
        bits.read(1)
        channels = bits.read(3)
        bits.read(4)
        length = bits.read(13)
        bits.read(11)
        assert bits.read(2) == 0, "one raw data block per frame expected"
        header = 7 if protection_absent else 9
        assert length >= header and position + length <= len(data), "frame overruns the file"
        frames.append(
            AdtsFrame(
                profile,
                _ADTS_RATES[rate_index],
                channels,
                data[position + header : position + length],
            )
        )
        position += length
    return frames


@dataclass
class Flac:
    rate: int
    channels: int
    bits: int
    total_samples: int
    md5: bytes
    comments: list[str]
    vendor: str
    samples: list[int]


_FLAC_RATES = {
    1: 88200,
    2: 176400,
    3: 192000,
    4: 8000,
    5: 16000,
    6: 22050,
    7: 24000,
    8: 32000,
    9: 44100,
    10: 48000,
    11: 96000,
}
_FLAC_BITS = {1: 8, 2: 12, 4: 16, 5: 20, 6: 24, 7: 32}


def _flac_utf8(reader: BitReader) -> int:
    first = reader.read(8)
    extra = 0
    while first & (0x80 >> extra):
        extra += 1
    assert extra != 1 and extra <= 7, "invalid UTF-8 coded number"
    value = first & (0x7F >> extra) if extra else first
    for _ in range(max(0, extra - 1)):
        byte = reader.read(8)
        assert byte >> 6 == 0b10
        value = value << 6 | byte & 0x3F
    return value


def read_flac(data: bytes) -> Flac:
    """Metadata blocks, then every frame: header fields, CRC-8, CONSTANT or VERBATIM mono
    subframes, CRC-16; the decoded samples' MD5 must match STREAMINFO."""
    import hashlib

    assert data[:4] == b"fLaC"
    position = 4
    blocks: list[tuple[int, bytes]] = []
    while True:
        header = data[position]
        length = int.from_bytes(data[position + 1 : position + 4], "big")
        blocks.append((header & 0x7F, data[position + 4 : position + 4 + length]))
        position += 4 + length
        if header & 0x80:
            break
    kind, info = blocks[0]
    assert kind == 0 and len(info) == 34, "STREAMINFO comes first"
    min_block, max_block = struct.unpack(">HH", info[:4])
    min_frame, max_frame = int.from_bytes(info[4:7], "big"), int.from_bytes(info[7:10], "big")
    packed = int.from_bytes(info[10:18], "big")
    rate, channels = packed >> 44, (packed >> 41 & 7) + 1
    bits, total = (packed >> 36 & 0x1F) + 1, packed & (1 << 36) - 1
    vendor, comments = "", list[str]()
    for kind, body in blocks[1:]:
        if kind == 4:
            vendor, comments = vorbis_comments(body)
    samples: list[int] = []
    number = 0
    while position < len(data):
        start = position
        reader = BitReader(data, 8 * position)
        assert reader.read(15) == 0b111111111111100 and reader.read(1) == 0, "fixed blocksize"
        size_code, rate_code = reader.read(4), reader.read(4)
        assignment, bits_code = reader.read(4), reader.read(3)
        assert reader.read(1) == 0
        assert _flac_utf8(reader) == number, "frame numbers count up from 0"
        if size_code == 6:
            block = reader.read(8) + 1
        elif size_code == 7:
            block = reader.read(16) + 1
        elif size_code == 1:
            block = 192
        elif 2 <= size_code <= 5:
            block = 576 << (size_code - 2)
        else:
            assert size_code >= 8
            block = 256 << (size_code - 8)
        assert _FLAC_RATES.get(rate_code, rate) == rate
        assert assignment == channels - 1 == 0, "mono, independent"
        assert _FLAC_BITS.get(bits_code, bits) == bits == 16
        header_end = reader.position // 8
        assert reader.read(8) == _crc_msb_first(data[start:header_end], 0x07, 8), "CRC-8"
        assert reader.read(1) == 0, "subframe padding bit"
        subframe_type = reader.read(6)
        assert reader.read(1) == 0, "no wasted bits"
        if subframe_type == 0:
            value = reader.read(16)
            samples.extend([value - (1 << 16) if value >> 15 else value] * block)
        else:
            assert subframe_type == 1, f"subframe type {subframe_type} is not CONSTANT/VERBATIM"
            for _ in range(block):
                value = reader.read(16)
                samples.append(value - (1 << 16) if value >> 15 else value)
        reader.position += -reader.position % 8
        end = reader.position // 8
        assert reader.read(16) == _crc_msb_first(data[start:end], 0x8005, 16), "CRC-16"
        frame_length = end + 2 - start
        assert min_frame <= frame_length <= max_frame
        assert block <= max_block and (block >= min_block or end + 2 == len(data))
        position = end + 2
        number += 1
    assert len(samples) == total, "STREAMINFO's total samples"
    md5 = hashlib.md5(struct.pack(f"<{len(samples)}h", *samples)).digest()
    assert md5 == info[18:34], "the MD5 of the decoded samples must match STREAMINFO"
    return Flac(rate, channels, bits, total, info[18:34], comments, vendor, samples)
