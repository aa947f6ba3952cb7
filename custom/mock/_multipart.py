"""A strict, bounded multipart/form-data reader (RFC 7578 over RFC 2046), stdlib only.

The server has already capped the body at MAX_BODY; this reader adds caps of its own
(MAX_PARTS parts, MAX_HEADER_BYTES of headers a part) and refuses, with
MalformedMultipart, what a lenient parser would guess at: a missing or invalid boundary,
a body that does not start with the delimiter (a preamble is allowed before it only if
a CRLF precedes the delimiter), a delimiter line with trailing junk, header lines that
are not `Name: value`, a part without `Content-Disposition: form-data; name=...`, and a
body without the closing delimiter. Header parameters (quoting, RFC 2231 `filename*=`)
are read by the standard library's email package.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from email.message import Message
from email.utils import collapse_rfc2231_value

MAX_PARTS = 64
MAX_HEADER_BYTES = 8192
MEDIA_TYPE = "multipart/form-data"
_BOUNDARY = re.compile(r"^[0-9A-Za-z'()+_,\-./:=? ]{0,69}[0-9A-Za-z'()+_,\-./:=?]$")
_HEADER_NAME = re.compile(r"^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$")


class MalformedMultipart(ValueError):
    """The body is not multipart/form-data as its Content-Type announces: answer 400."""


@dataclass(frozen=True)
class Part:
    name: str
    filename: str | None
    content_type: str | None
    data: bytes


def _header_params(name: str, value: str) -> Message:
    message = Message()
    message[name] = value
    return message


def _param(message: Message, name: str, header: str) -> str | None:
    value = message.get_param(name, header=header)
    if value is None:
        return None
    if isinstance(value, tuple):
        return collapse_rfc2231_value(value)
    return str(value)


def boundary(content_type: str) -> bytes:
    message = _header_params("Content-Type", content_type)
    if message.get_content_type() != MEDIA_TYPE:
        raise MalformedMultipart(f"Expected Content-Type {MEDIA_TYPE}")
    found = _param(message, "boundary", "content-type")
    if not found:
        raise MalformedMultipart("The Content-Type has no boundary parameter")
    if not _BOUNDARY.match(found):
        raise MalformedMultipart("The boundary is not a valid RFC 2046 boundary")
    return found.encode("ascii")


def parse(content_type: str, body: bytes) -> list[Part]:
    """The parts of a multipart/form-data body, in order; MalformedMultipart otherwise."""
    delimiter = b"--" + boundary(content_type)
    if body.startswith(delimiter):
        position = len(delimiter)
    else:
        found = body.find(b"\r\n" + delimiter)
        if found < 0:
            raise MalformedMultipart("The body does not contain the boundary")
        position = found + 2 + len(delimiter)
    parts: list[Part] = []
    while True:
        if body.startswith(b"--", position):
            return parts  # the close delimiter; an epilogue after it is ignored
        line_end = body.find(b"\r\n", position)
        if line_end < 0 or body[position:line_end].strip(b" \t"):
            raise MalformedMultipart("A boundary line is not followed by CRLF")
        position = line_end + 2
        if len(parts) >= MAX_PARTS:
            raise MalformedMultipart(f"More than {MAX_PARTS} parts")
        if body.startswith(b"\r\n", position):
            raw_headers = b""
            content_start = position + 2
        else:
            headers_end = body.find(b"\r\n\r\n", position, position + MAX_HEADER_BYTES + 4)
            if headers_end < 0:
                raise MalformedMultipart("A part's headers are unterminated or too long")
            raw_headers = body[position:headers_end]
            content_start = headers_end + 4
        content_end = body.find(b"\r\n" + delimiter, content_start)
        if content_end < 0:
            raise MalformedMultipart("The body ends before the closing boundary")
        parts.append(_part(raw_headers, body[content_start:content_end]))
        position = content_end + 2 + len(delimiter)


def _part(raw_headers: bytes, data: bytes) -> Part:
    try:
        text = raw_headers.decode("utf-8")
    except UnicodeDecodeError:
        raise MalformedMultipart("A part's headers are not UTF-8") from None
    headers: dict[str, str] = {}
    for line in text.split("\r\n") if text else []:
        header, colon, value = line.partition(":")
        if not colon or not _HEADER_NAME.match(header):
            raise MalformedMultipart(f"Malformed part header line '{line[:60]}'")
        headers[header.lower()] = value.strip()
    disposition = headers.get("content-disposition")
    if disposition is None:
        raise MalformedMultipart("A part has no Content-Disposition header")
    message = _header_params("Content-Disposition", disposition)
    if message.get_content_disposition() != "form-data":
        raise MalformedMultipart("A part's Content-Disposition is not form-data")
    name = _param(message, "name", "content-disposition")
    if not name:
        raise MalformedMultipart("A part's Content-Disposition has no name")
    filename = _param(message, "filename", "content-disposition")
    return Part(name, filename, headers.get("content-type"), data)
