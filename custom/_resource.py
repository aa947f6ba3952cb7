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

import importlib
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Generic, TypedDict, TypeVar

import attrs
import httpx

from ._base_client import RequestOptions
from ._exceptions import InvalidParameterError
from ._validation import as_timeout, check_argument, check_str, encode_json_body

if TYPE_CHECKING:
    from pollinations_client.types import OperationSpec

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
    #: Conversions an argument goes through before its check: ergonomics the spec cannot
    #: carry (`image=["https://...", ...]` joined with commas).
    convert: Mapping[str, Callable[[Any], Any]] = attrs.field(factory=dict)
    #: The TypedDict of the method's `**params` (the spec's keyword arguments and the call
    #: options); None: the call options only.
    params: type | None = None
    #: Every keyword `**params` accepts.
    known: frozenset[str] = attrs.field(init=False)

    @known.default
    def _known(self) -> frozenset[str]:
        return frozenset(self.params.__annotations__ if self.params else ()) | CALL_OPTIONS


def _body_model(name: str) -> Any:
    return getattr(importlib.import_module("pollinations_client.models"), name)


def _dump(value: Any) -> Any:
    from pollinations_client.types import dump

    return dump(value)


def request_options(
    endpoint: Endpoint[Any], arguments: Mapping[str, Any], **own: Any
) -> RequestOptions:
    """The checked, laid-out request of one call: `arguments` are the caller's `**params`,
    `own` the arguments the method takes or sets itself (`prompt`, `stream=True`)."""
    spec = endpoint.spec
    known = endpoint.known
    unknown = sorted(name for name in arguments if name not in known)
    if unknown:
        raise TypeError(
            f"{endpoint.name}() got unexpected keyword argument(s): {', '.join(unknown)}"
        )
    path: list[Any] = []
    keywords: dict[str, Any] = {}
    body: dict[str, Any] = {}
    for parameter in spec.parameters:
        name = parameter.name
        value = own[name] if name in own else arguments.get(name)
        if value is None:
            if parameter.required:
                raise InvalidParameterError(name, "is required")
            continue
        convert = endpoint.convert.get(name)
        if convert is not None:
            value = convert(value)
        value = _dump(value)  # models, enums and dates as the JSON they stand for
        if parameter.location != "form" or not _is_file(value):
            check_argument(name, value, parameter.schema)
        if parameter.location == "path":
            path.append(value)
        elif parameter.location in ("body", "form"):
            body[parameter.wire] = value
        else:
            keywords[parameter.argument] = value
    extra_body = arguments.get("extra_body")
    content = files = None
    if spec.body_type is None:
        if extra_body:
            raise InvalidParameterError(
                "extra_body", f"{endpoint.name} sends no request body to add fields to"
            )
        parts = spec.build_request(*path, **keywords)
    else:
        assert spec.body_model is not None
        if spec.body_type == "application/json":
            if extra_body:
                body.update(_dump(dict(extra_body)))
            parts = spec.build_request(*path, body=_body_model(spec.body_model).from_dict(body))
            content = encode_json_body(parts.json)
        else:
            if extra_body:
                raise InvalidParameterError(
                    "extra_body", f"{endpoint.name} sends a multipart form, not JSON"
                )
            parts = spec.build_request(*path, body=_body_model(spec.body_model).from_dict(body))
            files = [(key, _resendable(part)) for key, part in parts.files or ()]
    params: dict[str, Any] = dict(parts.params)
    extra_query = arguments.get("extra_query")
    if extra_query:
        params.update({str(key): _dump(value) for key, value in extra_query.items()})
    headers = dict(parts.headers)
    extra_headers = arguments.get("extra_headers")
    if extra_headers:
        for key, value in extra_headers.items():
            headers[check_str("extra_headers", key)] = check_str(f"extra_headers[{key!r}]", value)
    timeout = arguments.get("timeout")
    return RequestOptions(
        method=parts.method,
        path=parts.url,
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
        timeout=as_timeout(timeout),
        retry_unsafe=arguments.get("retry_unsafe"),
    )


def _resendable(part: tuple[Any, ...]) -> tuple[Any, ...]:
    """A multipart part whose content is bytes: a file object is read once, here, so
    that a retry sends the whole body again rather than what is left of the file."""
    name, content, *rest = part
    if hasattr(content, "read"):
        content = content.read()
    return (name, content, *rest)


def _is_file(value: Any) -> bool:
    from pollinations_client.types import File

    return isinstance(value, File)


def documented(endpoint: Endpoint[Any]) -> Callable[[F], F]:
    """Append the operation's Args section from the spec to the method's docstring, so
    that `help(client.images.generate)` lists every argument with its description."""

    def decorate(method: F) -> F:
        lines = [(method.__doc__ or "").rstrip(), ""]
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
