"""One call of a resource method: the operation's spec, the caller's arguments, the parse.

Every resource method is a short delegate: it names its `Endpoint` and hands over the
arguments it was given. What happens to them is written once, here, for every method
and both twins:
- per-call options (`extra_headers`, `extra_query`, `extra_body`, `timeout`,
  `retry_unsafe`) are taken out;
- an unknown keyword is a TypeError, as Python gives for any function;
- each argument goes through the method's own conversion, if it has one (a list of
  image URLs joined, a file path read), then is checked against its schema in
  `pollinations_client.params` (InvalidParameterError naming it) before anything is sent;
- the generated `build_request` of the operation lays out the request, and what it
  lays out is checked as it will be sent: a URL over MAX_URL_LENGTH, base URL and key
  included, a string UTF-8 cannot encode, a structure too deep for JSON, a header value
  HTTP cannot carry are each an InvalidParameterError naming the field.
So a parameter, a bound or a description that `make update-spec` brings in reaches
`client.images.generate(...)` through `make generate`, without an edit here.
"""

from __future__ import annotations

import functools
import importlib
import os
import re
import textwrap
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypedDict, TypeVar
from urllib.parse import quote_plus

import attrs
import httpx

from pollinations_client.types import File, dump, path_segment

from ._base_client import DEFAULT_BASE_URL, RequestOptions
from ._body import destination, open_temp, remove
from ._exceptions import InvalidParameterError
from ._logging import KEY_PARAMETER
from ._validation import (
    MAX_URL_LENGTH,
    TOO_DEEP,
    as_timeout,
    check_argument,
    check_bool,
    check_seconds,
    check_str,
    check_utf8,
    encode_json_body,
)

if TYPE_CHECKING:
    from pollinations_client.types import OperationSpec, ParameterSpec, RequestParts

    from ._streaming import AsyncStream, Stream
    from ._types import SavedFile
    from .resources._shared import AsyncTransport, SyncTransport

__all__ = [
    "CALL_OPTIONS",
    "AsyncAPIResource",
    "CallOptions",
    "Endpoint",
    "SyncAPIResource",
    "documented",
    "request_options",
]

R = TypeVar("R")
T = TypeVar("T")
F = TypeVar("F", bound=Callable[..., Any])


class CallOptions(TypedDict, total=False):
    """Options every method takes, besides the operation's own arguments (openai's names)."""

    #: Headers to add to (or replace in) this request.
    extra_headers: Mapping[str, str] | None
    #: Query parameters to add, for ones this client does not know yet.
    extra_query: Mapping[str, Any] | None
    #: Fields merged into a JSON request body as they are.
    extra_body: Mapping[str, Any] | None
    #: This call's timeout (seconds, or an httpx.Timeout), instead of the client's.
    timeout: float | httpx.Timeout | None
    #: Also retry a generation whose request was sent and whose answer never arrived
    #: complete: the server may have done, and billed, the work already.
    retry_unsafe: bool | None
    #: Seconds the whole call may take: every attempt, the waits between them, the body.
    deadline: float | None


CALL_OPTIONS = frozenset(CallOptions.__annotations__)


@attrs.frozen(slots=True)
class Endpoint(Generic[R]):
    """How a method calls one operation: what the spec says of it, and what only we add."""

    spec: OperationSpec
    #: The method's name in messages: `images.generate`.
    name: str
    parse: Callable[[httpx.Response], R]
    accept: str = "application/json"
    #: A large binary answer, read without the extra copy httpx makes.
    download: bool = False
    #: Documented for secret keys only: a publishable key gets a warning.
    secret_key_only: bool = False
    #: Conversions an argument goes through before its check, instead of the plain JSON
    #: dump: ergonomics the spec cannot carry (`image=["https://...", ...]` joined with
    #: commas). Each returns JSON data, or a File for a multipart file.
    convert: Mapping[str, Callable[[Any], Any]] = attrs.field(factory=dict)
    #: The TypedDict of the method's `**params` (the spec's keyword arguments and the call
    #: options); None: the call options only.
    params: type | None = None
    #: The parse of an answer written to a file (`to_file=`); None: not offered.
    saved: Callable[[httpx.Response], SavedFile] | None = None
    #: Every keyword `**params` accepts.
    known: frozenset[str] = attrs.field(init=False)
    #: The operation's arguments by name, the required ones, the path parameters in order.
    by_name: Mapping[str, ParameterSpec] = attrs.field(init=False)
    position: Mapping[str, int] = attrs.field(init=False)
    required: tuple[str, ...] = attrs.field(init=False)
    path_order: tuple[str, ...] = attrs.field(init=False)

    @known.default
    def _known(self) -> frozenset[str]:
        return frozenset(self.params.__annotations__ if self.params else ()) | CALL_OPTIONS

    @by_name.default
    def _by_name(self) -> Mapping[str, ParameterSpec]:
        return {p.name: p for p in self.spec.parameters}

    @position.default
    def _position(self) -> Mapping[str, int]:
        # each body field's place in the spec (by its name on the wire)
        return {p.wire: i for i, p in enumerate(self.spec.parameters) if p.location == "form"}

    @required.default
    def _required(self) -> tuple[str, ...]:
        return tuple(p.name for p in self.spec.parameters if p.required)

    @path_order.default
    def _path_order(self) -> tuple[str, ...]:
        return tuple(p.name for p in self.spec.parameters if p.location == "path")

    def build(self, *args: Any, **kwargs: Any) -> RequestParts:
        """The operation's generated `build_request(...)`."""
        return _builder(self.spec.module)(*args, **kwargs)


#: A header name: an RFC 9110 token.
_HEADER_NAME = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+")
#: A header value as httpx can send it: RFC 9110's field-value in ASCII (httpx encodes
#: values as ASCII), visible characters with spaces and tabs between them, or nothing.
_HEADER_VALUE = re.compile(r"(?:[\x21-\x7e](?:[\x20-\x7e\t]*[\x21-\x7e])?)?")


def _header(name: object, value: object) -> tuple[str, str]:
    """An extra header that can be sent (a token for a name, a field-value for a value):
    anything else fails in httpx or h11, as a UnicodeEncodeError or after connecting."""
    name = check_str("extra_headers", name)
    if not _HEADER_NAME.fullmatch(name):
        raise InvalidParameterError("extra_headers", f"{name!r} is not a valid header name")
    field = f"extra_headers[{name!r}]"
    value = check_str(field, value)
    if not _HEADER_VALUE.fullmatch(value):
        if not value.isascii():
            why = "must be ASCII (percent-encode or base64 other text)"
        elif value != value.strip(" \t"):
            why = "must not start or end with a space or a tab"
        else:
            why = "must not contain a line break or another control character"
        raise InvalidParameterError(field, why)
    return name, value


@functools.cache
def _builder(module: str) -> Callable[..., RequestParts]:
    """A generated module's build_request, imported once, on first use."""
    builder: Callable[..., RequestParts] = importlib.import_module(module).build_request
    return builder


@functools.cache
def _body_model(name: str) -> Any:
    return getattr(importlib.import_module("pollinations_client.models"), name)


def request_options(
    endpoint: Endpoint[Any], arguments: Mapping[str, Any], client: object = None, /, **own: Any
) -> RequestOptions:
    """The checked, laid-out request of one call: `arguments` are the caller's `**params`,
    `own` the arguments the method takes or sets itself (`prompt`, `stream=True`), `client`
    the transport that sends it (its base URL and key count towards the URL's length).

    Every method of the client goes through here on every call, so it is written for the
    common case: only the arguments given are looked at (a chat call gives 2 of its 30).
    """
    spec = endpoint.spec
    known = endpoint.known
    for name in arguments:
        if name not in known:
            unknown = ", ".join(sorted(name for name in arguments if name not in known))
            raise TypeError(f"{endpoint.name}() got unexpected keyword argument(s): {unknown}")
    given = {**arguments, **own} if arguments else own
    for required in endpoint.required:
        if given.get(required) is None:
            raise InvalidParameterError(required, "is required")
    by_name, convert = endpoint.by_name, endpoint.convert
    path: dict[str, Any] = {}
    keywords: dict[str, Any] = {}
    body: dict[str, Any] = {}
    for name, value in given.items():
        parameter = by_name.get(name)
        if parameter is None or value is None:  # a call option, or "not given"
            continue
        location = parameter.location
        try:  # (free unless raised: nothing walks a structure to measure its depth)
            # a conversion gives JSON data (or a File); anything else is dumped: models,
            # enums and dates as the JSON they stand for
            value = convert[name](value) if name in convert else dump(value)
            if location != "form" or not isinstance(value, File):
                check_argument(name, value, parameter.schema)
        except RecursionError:
            raise InvalidParameterError(name, TOO_DEEP) from None
        if location == "body":
            body[parameter.wire] = value
        elif location == "form":
            if type(value) is str:  # (a JSON body's strings are checked as it is encoded)
                check_utf8(name, value)
            body[parameter.wire] = value
        elif location == "path":
            if type(value) is str and not value.isascii():
                check_utf8(name, value)  # (percent-encoding it would raise)
            path[name] = value
        else:
            keywords[parameter.argument] = value
    positional = [path[name] for name in endpoint.path_order]
    options = _call_options(endpoint, arguments) if arguments else _NO_OPTIONS
    content = files = None
    if spec.body_type is None:
        if options.extra_body:
            raise InvalidParameterError(
                "extra_body", f"{endpoint.name} sends no request body to add fields to"
            )
        parts = endpoint.build(*positional, **keywords)
        method, url, params, headers = parts.method, parts.url, parts.params, parts.headers
    elif spec.body_type == "application/json":
        if options.extra_body:
            try:
                body.update(dump(dict(options.extra_body)))
            except RecursionError:
                raise InvalidParameterError("extra_body", TOO_DEEP) from None
        if positional:
            parts = endpoint.build(*positional, body=_body_model(spec.body_model).from_dict(body))
            method, url, params, headers = parts.method, parts.url, parts.params, parts.headers
        else:  # what build_request would give: the spec's method and path, the body as is
            method, url, params, headers = spec.method, spec.path, {}, {}
        content = encode_json_body(body)
    else:
        if options.extra_body:
            raise InvalidParameterError(
                "extra_body", f"{endpoint.name} sends a multipart form, not JSON"
            )
        # a form's parts in the spec's order, whatever the order of the keywords
        position = endpoint.position
        form = dict(sorted(body.items(), key=lambda item: position[item[0]]))
        parts = endpoint.build(*positional, body=_body_model(spec.body_model).from_dict(form))
        method, url, params, headers = parts.method, parts.url, parts.params, parts.headers
        files = [(key, _resendable(part)) for key, part in parts.files or ()]
    if options.extra_query:
        params.update(options.extra_query)
    if params or positional:  # a URL the arguments make longer
        _check_url(endpoint, url, params, client, options.extra_query, path)
    if options.extra_headers:
        headers.update(options.extra_headers)
    return RequestOptions(
        method=method,
        path=url,
        operation=endpoint.name,
        params=params,
        content=content,
        files=files,
        headers=headers,
        needs_key=spec.needs_key,
        secret_key_only=endpoint.secret_key_only,
        accept=endpoint.accept,
        download=endpoint.download,
        billable=spec.billable,
        timeout=options.timeout,
        retry_unsafe=options.retry_unsafe,
        deadline=options.deadline,
    )


@attrs.frozen(slots=True)
class _Options:
    """The call options of one call, checked."""

    extra_headers: Mapping[str, str] | None = None
    extra_query: Mapping[str, Any] | None = None
    extra_body: Mapping[str, Any] | None = None
    timeout: httpx.Timeout | None = None
    retry_unsafe: bool | None = None
    deadline: float | None = None


_NO_OPTIONS = _Options()


def _mapping(arguments: Mapping[str, Any], name: str) -> Mapping[str, Any] | None:
    value = arguments.get(name)
    if value is not None and not isinstance(value, Mapping):
        raise InvalidParameterError(name, f"must be a mapping, not {type(value).__name__}")
    return value


def _call_options(endpoint: Endpoint[Any], arguments: Mapping[str, Any]) -> _Options:
    if CALL_OPTIONS.isdisjoint(arguments):
        return _NO_OPTIONS
    extra_headers = _mapping(arguments, "extra_headers")
    extra_query = _mapping(arguments, "extra_query")
    extra_body = _mapping(arguments, "extra_body")
    retry_unsafe = arguments.get("retry_unsafe")
    return _Options(
        extra_headers=dict(_header(key, value) for key, value in extra_headers.items())
        if extra_headers
        else None,
        extra_query=_query(extra_query) if extra_query else None,
        extra_body=extra_body,
        timeout=as_timeout(arguments.get("timeout")),
        retry_unsafe=None if retry_unsafe is None else check_bool("retry_unsafe", retry_unsafe),
        deadline=check_seconds("deadline", arguments.get("deadline")),
    )


#: The values httpx writes in a query as text (a list: one `key=value` per item).
_QUERY_SCALARS = (str, int, float, bool, type(None))


def _query(extra_query: Mapping[Any, Any]) -> dict[str, Any]:
    """`extra_query` as httpx sends it: each value dumped (an enum as its value) and a
    scalar or a list of scalars (anything else would go as its Python repr)."""
    query: dict[str, Any] = {}
    for key, value in extra_query.items():
        name = check_utf8("extra_query", str(key))
        field = f"extra_query[{name!r}]"
        try:
            value = dump(value)
        except RecursionError:
            raise InvalidParameterError(field, TOO_DEEP) from None
        for item in value if isinstance(value, list) else (value,):
            if not isinstance(item, _QUERY_SCALARS):
                raise InvalidParameterError(
                    field,
                    "must be a string, a number, True, False, None or a list of them, "
                    f"not {type(item).__name__}",
                )
            if type(item) is str:
                check_utf8(field, item)
        query[name] = value
    return query


def _url_room(client: object) -> int:
    """How long a call's path and query may be: MAX_URL_LENGTH less what the client adds,
    its base URL and, with query auth, `&key=...`. (Counted for images.url too, which
    leaves the key out, so that a URL it gives is one images.generate can send.)"""
    try:
        base_url, key, auth = client.base_url, client.api_key, client.auth  # type: ignore[attr-defined]
    except AttributeError:  # a raw view's transport: its client's (no client: the default)
        client = getattr(client, "_client", None)
        base_url = getattr(client, "base_url", DEFAULT_BASE_URL)
        key, auth = getattr(client, "api_key", None), getattr(client, "auth", None)
    room = MAX_URL_LENGTH - len(base_url)
    if key and auth == "query":
        room -= len(f"&{KEY_PARAMETER}=") + len(quote_plus(key))
    return room


def _query_text(value: object) -> str:
    """A query value as httpx writes it, before percent-encoding."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)


#: The most characters these write as in a query: `false`, a float's repr (as
#: -2.2250738585072014e-308), nothing; and an int of at most 18 digits and a sign.
_SCALAR_SIZE = {bool: 5, float: 24, type(None): 0}
_SHORT_INT = 10**18


def _rough_pair(key: str, value: object) -> int:
    """At least the length of `key=value` and its `&` in a query, as httpx encodes it
    (a list: a pair per item): three characters, %XX, per UTF-8 byte at most, and four
    bytes per character. A lone surrogate raises UnicodeEncodeError."""
    if type(value) is list:
        return sum(_rough_pair(key, item) for item in value)
    text = value if type(value) is str else _query_text(value)
    return 12 * len(key) + 3 * len(text.encode()) + 2


def _check_url(
    endpoint: Endpoint[Any],
    url: str,
    params: Mapping[str, Any],
    client: object,
    extra_query: Mapping[str, Any] | None,
    path: Mapping[str, Any],
) -> None:
    """Refuse a URL longer than MAX_URL_LENGTH as sent, naming the argument that makes
    it long, and a query value UTF-8 cannot encode. `url` is the path, percent-encoded
    already; the query is measured roughly (the common values without a call), and
    exactly, as httpx encodes it, only when that comes near the limit."""
    rough = len(url)
    for key, value in params.items():
        kind = type(value)
        if kind is str and value.isascii():
            size = len(value)
        elif kind is int and abs(value) < _SHORT_INT:
            size = 19
        elif kind in _SCALAR_SIZE:
            size = _SCALAR_SIZE[kind]
        else:  # text that is not ASCII, a list, a long int
            try:
                rough += _rough_pair(key, value)
            except UnicodeEncodeError:
                for item in value if kind is list else (value,):
                    if type(item) is str:
                        check_utf8(_query_field(endpoint, key, extra_query), item)
                raise
            continue
        rough += 12 * len(key) + 3 * size + 2
    room = _url_room(client)
    if rough <= room:
        return
    # each argument's share of the URL: a path parameter's segment, a query pair
    shares = {name: len(path_segment(path[name])) for name in endpoint.path_order}
    pairs = query = 0
    for key, value in params.items():
        items = value if isinstance(value, list) else (value,)
        size = sum(len(quote_plus(key)) + 1 + len(quote_plus(_query_text(v))) for v in items)
        pairs, query = pairs + len(items), query + size
        field = _query_field(endpoint, key, extra_query)
        shares[field] = shares.get(field, 0) + size
    length = len(url) + query + pairs  # and a `?` and the `&`s
    if length <= room:
        return
    raise InvalidParameterError(
        max(shares, key=shares.__getitem__),
        f"makes the URL {length + MAX_URL_LENGTH - room} characters long as sent, over the "
        f"{MAX_URL_LENGTH} that proxies and servers on the way are sure to accept; a long "
        "prompt goes to client.chat.completions.create, which sends it in a POST body",
    )


def _query_field(endpoint: Endpoint[Any], key: str, extra_query: Mapping[str, Any] | None) -> str:
    """The argument a query parameter comes from, to name it in a message."""
    if extra_query and key in extra_query:
        return f"extra_query[{key!r}]"
    for parameter in endpoint.spec.parameters:
        if parameter.wire == key:
            return parameter.name
    return key


def _resendable(part: tuple[Any, ...]) -> tuple[Any, ...]:
    """A multipart part whose content is bytes: a file object is read once, here, so
    that a retry sends the whole body again rather than what is left of the file."""
    name, content, *rest = part
    if hasattr(content, "read"):
        content = content.read()
    return (name, content, *rest)


def documented(endpoint: Endpoint[Any]) -> Callable[[F], F]:
    """Append the operation's description and Args section from the spec to the method's
    docstring, so that `help(client.images.generate)` lists every argument with its
    description."""

    def decorate(method: F) -> F:
        lines = [(method.__doc__ or "").rstrip(), ""]
        if endpoint.spec.description:
            lines += [*textwrap.wrap("The spec: " + endpoint.spec.description, 88), ""]
        if endpoint.spec.args_doc:
            lines += ["Args:", *("    " + line for line in endpoint.spec.args_doc.splitlines())]
        lines.append(
            "Also: extra_headers, extra_query, extra_body, timeout, retry_unsafe, deadline"
            " (see CallOptions)."
        )
        method.__doc__ = "\n".join(lines)
        return method

    return decorate


def _saving(
    endpoint: Endpoint[Any],
    to_file: object,
    params: Mapping[str, Any],
    own: Mapping[str, Any],
    client: object = None,
) -> tuple[RequestOptions, Callable[[httpx.Response], SavedFile]]:
    """The request of a call whose body goes to a file, and the parse of its answer."""
    if endpoint.saved is None:
        raise TypeError(f"{endpoint.name}() cannot write its answer to a file")
    if not isinstance(to_file, (str, os.PathLike)):
        raise InvalidParameterError(
            "to_file", f"must be a path (str or os.PathLike), not {type(to_file).__name__}"
        )
    target = Path(to_file)
    options = request_options(endpoint, params, client, **own)
    # A directory, one we may not write, a name too long: found before the call is paid.
    try:
        target = destination(target)
        if target.is_dir():
            raise OSError("it is a directory")
        if target.exists() and not target.is_file():  # a device: written in place
            return _with_file(options, target), endpoint.saved
        if not target.parent.is_dir():
            raise OSError("its directory does not exist")
        if len(os.fsencode(target.name)) > os.pathconf(target.parent, "PC_NAME_MAX"):
            raise OSError("the name is longer than the file system allows")
        handle, temp = open_temp(target)
        handle.close()
        if temp is not None:
            remove(temp)
    except OSError as exc:
        raise InvalidParameterError("to_file", f"cannot write {str(target)!r}: {exc}") from None
    return _with_file(options, target), endpoint.saved


def _with_file(options: RequestOptions, target: Path) -> RequestOptions:
    options.to_file = target
    return options


class SyncAPIResource:
    """The base of every sync resource: the client it calls, and the one way to call."""

    def __init__(self, client: SyncTransport) -> None:
        self._client = client

    def _call(self, endpoint: Endpoint[R], params: Mapping[str, Any], **own: Any) -> R:
        options = request_options(endpoint, params, self._client, **own)
        return self._client._request(options, endpoint.parse)

    def _save(
        self, endpoint: Endpoint[Any], to_file: object, params: Mapping[str, Any], **own: Any
    ) -> SavedFile:
        """The call, its body streamed to `to_file` (see _body.py)."""
        options, parse = _saving(endpoint, to_file, params, own, self._client)
        return self._client._request(options, parse)

    def _stream(
        self,
        endpoint: Endpoint[Any],
        parse: Callable[[str], T | None],
        params: Mapping[str, Any],
        **own: Any,
    ) -> Stream[T]:
        return self._client._stream(request_options(endpoint, params, self._client, **own), parse)


class AsyncAPIResource:
    """The base of every async resource."""

    def __init__(self, client: AsyncTransport) -> None:
        self._client = client

    async def _call(self, endpoint: Endpoint[R], params: Mapping[str, Any], **own: Any) -> R:
        options = request_options(endpoint, params, self._client, **own)
        return await self._client._request(options, endpoint.parse)

    async def _save(
        self, endpoint: Endpoint[Any], to_file: object, params: Mapping[str, Any], **own: Any
    ) -> SavedFile:
        options, parse = _saving(endpoint, to_file, params, own, self._client)
        return await self._client._request(options, parse)

    async def _stream(
        self,
        endpoint: Endpoint[Any],
        parse: Callable[[str], T | None],
        params: Mapping[str, Any],
        **own: Any,
    ) -> AsyncStream[T]:
        options = request_options(endpoint, params, self._client, **own)
        return await self._client._stream(options, parse)
