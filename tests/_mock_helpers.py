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
