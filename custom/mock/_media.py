"""Real, small media files built with the standard library only (zlib, struct, hashlib).

Clients save, decode and display what the API returns, so the mock's answers must be
files that real decoders accept, not placeholder bytes:

- PNG: RGB (or RGBA for `transparent=true`) 8-bit, one IDAT. The picture is a grid of
  coloured cells whose palette and layout come from a digest of the request, so the same
  request gives the same bytes and another prompt or seed gives another picture. Rows
  inside a cell band repeat and are written with PNG's Up filter, so even 4096x4096
  encodes quickly.
- MP4: ISO BMFF with `ftyp`, `moov` (mvhd, one video trak: tkhd, mdia with mdhd, hdlr,
  minf with vmhd, dinf/dref, stbl with stsd/stts/stsc/stsz/stco) placed before `mdat`
  ("fast start"). The samples are PNG frames under the `png ` sample entry, a codec that
  ffmpeg and other ISO BMFF readers decode; writing H.264 by hand would add nothing a
  client test can observe.

Audio (speech, music) is made by `_audio.py`.
"""

from __future__ import annotations

import hashlib
import struct
import zlib
from collections.abc import Iterator

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_GRID = 16
_PALETTE_SIZE = 8


def digest(*parts: object) -> bytes:
    """A stable digest of request values (their repr, so types matter: 1 != '1')."""
    hasher = hashlib.sha256()
    for part in parts:
        hasher.update(repr(part).encode("utf-8"))
        hasher.update(b"\x00")
    return hasher.digest()


def _chunk(kind: bytes, data: bytes) -> bytes:
    return (
        struct.pack(">I", len(data))
        + kind
        + data
        + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    )


def _palette(seed: bytes, alpha: bool) -> list[bytes]:
    stream = hashlib.sha256(seed + b"palette").digest() + hashlib.sha256(seed + b"more").digest()
    colours = []
    for index in range(_PALETTE_SIZE):
        red, green, blue = stream[index * 3 : index * 3 + 3]
        pixel = bytes((red, green, blue))
        if alpha:
            pixel += b"\x00" if index == 0 else b"\xff"
        colours.append(pixel)
    return colours


def _rows(width: int, height: int, seed: bytes, alpha: bool) -> Iterator[bytes]:
    """Filtered scanlines: the first row of a band in full, the rest as Up-filtered zeros."""
    channels = 4 if alpha else 3
    cell = max(1, -(-max(width, height) // _GRID))
    columns = -(-width // cell)
    palette = _palette(seed, alpha)
    layout = hashlib.sha256(seed + b"layout").digest()
    repeat = b"\x02" + bytes(width * channels)
    for y in range(height):
        if y % cell:
            yield repeat
            continue
        band = y // cell
        row = b"".join(
            palette[(layout[(column * 7 + band * 3) % 32] + column * band) % _PALETTE_SIZE] * cell
            for column in range(columns)
        )
        yield b"\x00" + row[: width * channels]


def encode_png(width: int, height: int, seed: bytes, *, alpha: bool = False) -> bytes:
    if width < 1 or height < 1:
        raise ValueError("a PNG needs at least one pixel")
    header = struct.pack(">IIBBBBB", width, height, 8, 6 if alpha else 2, 0, 0, 0)
    compressor = zlib.compressobj(6)
    parts = [compressor.compress(row) for row in _rows(width, height, seed, alpha)]
    parts.append(compressor.flush())
    return (
        PNG_SIGNATURE
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", b"".join(parts))
        + _chunk(b"IEND", b"")
    )


# ------------------------------------------------------------------ MP4 (ISO BMFF)
_MATRIX = struct.pack(">9I", 0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000)
_MEDIA_TIMESCALE = 1000
_MOVIE_TIMESCALE = 1000


def _box(kind: bytes, *payload: bytes) -> bytes:
    body = b"".join(payload)
    return struct.pack(">I", 8 + len(body)) + kind + body


def _full_box(kind: bytes, version: int, flags: int, *payload: bytes) -> bytes:
    return _box(kind, struct.pack(">I", (version << 24) | flags), *payload)


def _moov(width: int, height: int, sizes: list[int], delta: int, offset: int) -> bytes:
    duration = delta * len(sizes)
    mvhd = _full_box(
        b"mvhd",
        0,
        0,
        struct.pack(">IIII", 0, 0, _MOVIE_TIMESCALE, duration),
        struct.pack(">IH", 0x00010000, 0x0100),
        bytes(10),
        _MATRIX,
        bytes(24),
        struct.pack(">I", 2),
    )
    tkhd = _full_box(
        b"tkhd",
        0,
        0x000003,
        struct.pack(">IIIII", 0, 0, 1, 0, duration),
        bytes(8),
        struct.pack(">hhhH", 0, 0, 0, 0),
        _MATRIX,
        struct.pack(">II", width << 16, height << 16),
    )
    language = ((ord("u") - 0x60) << 10) | ((ord("n") - 0x60) << 5) | (ord("d") - 0x60)
    mdhd = _full_box(
        b"mdhd", 0, 0, struct.pack(">IIIIHH", 0, 0, _MEDIA_TIMESCALE, duration, language, 0)
    )
    hdlr = _full_box(b"hdlr", 0, 0, struct.pack(">I", 0), b"vide", bytes(12), b"VideoHandler\x00")
    vmhd = _full_box(b"vmhd", 0, 1, struct.pack(">HHHH", 0, 0, 0, 0))
    dinf = _box(b"dinf", _full_box(b"dref", 0, 0, struct.pack(">I", 1), _full_box(b"url ", 0, 1)))
    name = b"pollinations mock"
    sample_entry = _box(
        b"png ",
        bytes(6),
        struct.pack(">H", 1),
        bytes(16),
        struct.pack(">HHIIIH", width, height, 0x00480000, 0x00480000, 0, 1),
        bytes((len(name),)) + name + bytes(31 - len(name)),
        struct.pack(">Hh", 0x0018, -1),
    )
    stsd = _full_box(b"stsd", 0, 0, struct.pack(">I", 1), sample_entry)
    stts = _full_box(b"stts", 0, 0, struct.pack(">III", 1, len(sizes), delta))
    stsc = _full_box(b"stsc", 0, 0, struct.pack(">IIII", 1, 1, len(sizes), 1))
    stsz = _full_box(
        b"stsz", 0, 0, struct.pack(">II", 0, len(sizes)), struct.pack(f">{len(sizes)}I", *sizes)
    )
    stco = _full_box(b"stco", 0, 0, struct.pack(">II", 1, offset))
    stbl = _box(b"stbl", stsd, stts, stsc, stsz, stco)
    minf = _box(b"minf", vmhd, dinf, stbl)
    mdia = _box(b"mdia", mdhd, hdlr, minf)
    return _box(b"moov", mvhd, _box(b"trak", tkhd, mdia))


def encode_mp4(width: int, height: int, seconds: int, seed: bytes, *, fps: int = 2) -> bytes:
    """A `seconds`-long video of `fps` PNG frames a second, each a variation of the seed."""
    if seconds < 1 or fps < 1:
        raise ValueError("a video needs at least one frame")
    frames = [
        encode_png(width, height, hashlib.sha256(seed + struct.pack(">I", index)).digest())
        for index in range(seconds * fps)
    ]
    sizes = [len(frame) for frame in frames]
    delta = _MEDIA_TIMESCALE // fps
    ftyp = _box(b"ftyp", b"isom", struct.pack(">I", 0x200), b"isom", b"iso2", b"mp41")
    placeholder = _moov(width, height, sizes, delta, 0)
    offset = len(ftyp) + len(placeholder) + 8
    moov = _moov(width, height, sizes, delta, offset)
    return ftyp + moov + _box(b"mdat", *frames)


def video_size(aspect_ratio: str | None, longest: int = 256) -> tuple[int, int]:
    """Frame size for an `aspectRatio` such as `16:9`, longest side `longest`, even sides."""
    across, down = 16, 9
    if aspect_ratio:
        left, _, right = aspect_ratio.partition(":")
        across, down = int(left), int(right)
    if across <= 0 or down <= 0:
        raise ValueError("both sides of the aspect ratio must be positive")
    if across >= down:
        width, height = float(longest), longest * down / across
    else:
        width, height = longest * across / down, float(longest)
    return max(2, round(width / 2) * 2), max(2, round(height / 2) * 2)
