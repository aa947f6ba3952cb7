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
- the generated `build_request` of the operation lays out the request.
So a parameter, a bound or a description that `make update-spec` brings in reaches
`client.images.generate(...)` through `make generate`, without an edit here.
"""

from __future__ import annotations

import functools
import importlib
import re
import textwrap
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Generic, TypedDict, TypeVar

import attrs
import httpx

from pollinations_client.types import File, dump

from ._base_client import RequestOptions
from ._exceptions import InvalidParameterError
from ._validation import as_timeout, check_argument, check_bool, check_str, encode_json_body

if TYPE_CHECKING:
    from pollinations_client.types import OperationSpec, ParameterSpec, RequestParts

    from ._streaming import AsyncStream, Stream
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


def _header(name: object, value: object) -> tuple[str, str]:
    """An extra header that can be sent (a token for a name, no line break in a value)."""
    name = check_str("extra_headers", name)
    if not _HEADER_NAME.fullmatch(name):
        raise InvalidParameterError("extra_headers", f"{name!r} is not a valid header name")
    value = check_str(f"extra_headers[{name!r}]", value)
    if "\r" in value or "\n" in value or "\0" in value:
        raise InvalidParameterError(f"extra_headers[{name!r}]", "must not contain a line break")
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
    endpoint: Endpoint[Any], arguments: Mapping[str, Any], **own: Any
) -> RequestOptions:
    """The checked, laid-out request of one call: `arguments` are the caller's `**params`,
    `own` the arguments the method takes or sets itself (`prompt`, `stream=True`).

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
        # a conversion gives JSON data (or a File); anything else is dumped: models,
        # enums and dates as the JSON they stand for
        value = convert[name](value) if name in convert else dump(value)
        location = parameter.location
        if location != "form" or not isinstance(value, File):
            check_argument(name, value, parameter.schema)
        if location == "body" or location == "form":
            body[parameter.wire] = value
        elif location == "path":
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
            body.update(dump(dict(options.extra_body)))
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
    )


@attrs.frozen(slots=True)
class _Options:
    """The call options of one call, checked."""

    extra_headers: Mapping[str, str] | None = None
    extra_query: Mapping[str, Any] | None = None
    extra_body: Mapping[str, Any] | None = None
    timeout: httpx.Timeout | None = None
    retry_unsafe: bool | None = None


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
        extra_query={str(key): dump(value) for key, value in extra_query.items()}
        if extra_query
        else None,
        extra_body=extra_body,
        timeout=as_timeout(arguments.get("timeout")),
        retry_unsafe=None if retry_unsafe is None else check_bool("retry_unsafe", retry_unsafe),
    )


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
            "Also: extra_headers, extra_query, extra_body, timeout, retry_unsafe (see CallOptions)."
        )
        method.__doc__ = "\n".join(lines)
        return method

    return decorate


class SyncAPIResource:
    """The base of every sync resource: the client it calls, and the one way to call."""

    def __init__(self, client: SyncTransport) -> None:
        self._client = client

    def _call(self, endpoint: Endpoint[R], params: Mapping[str, Any], **own: Any) -> R:
        return self._client._request(request_options(endpoint, params, **own), endpoint.parse)

    def _stream(
        self,
        endpoint: Endpoint[Any],
        parse: Callable[[str], T | None],
        params: Mapping[str, Any],
        **own: Any,
    ) -> Stream[T]:
        return self._client._stream(request_options(endpoint, params, **own), parse)


class AsyncAPIResource:
    """The base of every async resource."""

    def __init__(self, client: AsyncTransport) -> None:
        self._client = client

    async def _call(self, endpoint: Endpoint[R], params: Mapping[str, Any], **own: Any) -> R:
        options = request_options(endpoint, params, **own)
        return await self._client._request(options, endpoint.parse)

    async def _stream(
        self,
        endpoint: Endpoint[Any],
        parse: Callable[[str], T | None],
        params: Mapping[str, Any],
        **own: Any,
    ) -> AsyncStream[T]:
        return await self._client._stream(request_options(endpoint, params, **own), parse)
