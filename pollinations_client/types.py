# Generated from openapi.yaml by `make generate`; do not edit.
"""What the generated client shares: its models' runtime, request parts, files, responses.

Models (`pollinations_client.models`) read like openai's: a field the server did not send
reads as None, `repr()` shows what is set, unknown fields are kept (in
`additional_properties`) and `to_dict()` gives back exactly the JSON that came in. They
are lazy views over the parsed JSON: `from_dict` only wraps the mapping it is given (no
copy), and each field is converted the first time it is read. Parsing never trusts the
server: a field of an unexpected type is kept as sent, a required field that is missing
reads as None, an unknown enum value stays a string. Only something that is not a JSON
object where a model is expected raises (TypeError).

Constructors take Python values; None (the default of every optional argument) means
"not given": the field is left out of the JSON, so the server applies its own default.
"""

from __future__ import annotations

import datetime
import enum
import importlib
import json
from collections.abc import Iterator, Mapping, MutableMapping
from http import HTTPStatus
from typing import IO, Any, BinaryIO, ClassVar, Generic, Literal, TypeVar, overload
from urllib.parse import quote

from attrs import define

T = TypeVar("T")
M = TypeVar("M", bound="Model")


class Unset:
    """The generator's marker for "not given". The public API uses None instead; this
    stays for code written against earlier versions."""

    def __bool__(self) -> Literal[False]:
        return False


UNSET: Unset = Unset()

# The types that `httpx.Client(files=)` can accept, copied from that library.
FileContent = IO[bytes] | bytes | str
FileTypes = (
    # (filename, file (or bytes), content_type)
    tuple[str | None, FileContent, str | None]
    # (filename, file (or bytes), content_type, headers)
    | tuple[str | None, FileContent, str | None, Mapping[str, str]]
)
RequestFiles = list[tuple[str, FileTypes]]


@define
class File:
    """A file to upload in a multipart body."""

    payload: BinaryIO
    file_name: str | None = None
    mime_type: str | None = None

    def to_tuple(self) -> FileTypes:
        """Return a tuple representation that httpx will accept for multipart/form-data"""
        return self.file_name, self.payload, self.mime_type


@define
class Response(Generic[T]):
    """A response from an endpoint"""

    status_code: HTTPStatus
    content: bytes
    headers: MutableMapping[str, str]
    parsed: T | None


@define(frozen=True)
class RequestParts:
    """Everything an operation's request is made of, before any I/O: what each
    operation's `build_request(...)` returns. `url` is relative to the client's base URL,
    its path parameters already percent-encoded; `params` holds only the query
    parameters that were given."""

    method: str
    url: str
    params: dict[str, Any]
    headers: dict[str, str]
    json: Any = None
    files: RequestFiles | None = None

    def as_httpx_kwargs(self) -> dict[str, Any]:
        """Keyword arguments for `httpx.Client.request()`."""
        kwargs: dict[str, Any] = {"method": self.method, "url": self.url}
        if self.params:
            kwargs["params"] = self.params
        if self.headers:
            kwargs["headers"] = self.headers
        if self.json is not None:
            kwargs["json"] = self.json
        if self.files is not None:
            kwargs["files"] = self.files
        return kwargs


# ----------------------------------------------------------------------- values


_JSON_SCALARS = frozenset({str, int, float, bool, type(None)})


def dump(value: Any) -> Any:
    """A Python value as JSON data: models, enums, dates and containers of them.

    A model gives its own JSON object (shared, not copied), so a change made through the
    model later still shows in the object that holds it.
    """
    kind = type(value)
    if kind in _JSON_SCALARS:  # the common case first (an enum member is not one of them)
        return value
    if kind is dict:
        return {str(key): dump(item) for key, item in value.items()}
    if isinstance(value, Model):
        return value._data
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(key): dump(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [dump(item) for item in value]
    return value


def _copy(value: Any) -> Any:
    """A copy of JSON data (dicts and lists copied, everything else shared)."""
    kind = type(value)
    if kind is dict:
        return {key: _copy(item) for key, item in value.items()}
    if kind is list:
        return [_copy(item) for item in value]
    return value


# ------------------------------------------------------------------------ kinds
# A kind says how a field's JSON value becomes a Python value. `parse` never raises: a
# value it cannot convert is returned as it came. `matches` tells union branches apart.


class Kind:
    #: True when JSON values need no conversion (str, numbers, booleans, anything).
    plain: ClassVar[bool] = False

    def parse(self, raw: Any) -> Any:
        return raw

    def matches(self, raw: Any) -> bool:
        return True

    def accepts(self, raw: Any) -> bool:
        """Whether `raw` has this kind's JSON shape, if not every detail (a model's object
        missing a required key): the second choice of a union, after `matches`."""
        return self.matches(raw)


class _Plain(Kind):
    plain = True

    def __init__(self, *types: type) -> None:
        self.types = types

    def matches(self, raw: Any) -> bool:
        if not self.types:
            return True
        if isinstance(raw, bool):
            return bool in self.types
        return isinstance(raw, self.types)


class _Float(_Plain):
    def parse(self, raw: Any) -> Any:
        # JSON has one number type: a whole-number price read by name (`pricing["x"]`)
        # is still the float the schema says
        return float(raw) if type(raw) is int else raw


STR: Kind = _Plain(str)
INT: Kind = _Plain(int)
FLOAT: Kind = _Float(int, float)
BOOL: Kind = _Plain(bool)
ANY: Kind = _Plain()
NONE: Kind = _Plain(type(None))
_PLAIN = {"str": STR, "int": INT, "float": FLOAT, "bool": BOOL, "Any": ANY, "None": NONE}


def plain(python_type: str) -> Kind:
    """The kind of a JSON scalar, by the Python type the generator gives it."""
    return _PLAIN.get(python_type, ANY)


class _Const(Kind):
    plain = True

    def __init__(self, value: Any) -> None:
        self.value = value

    def matches(self, raw: Any) -> bool:
        return bool(raw == self.value)


def const(value: Any) -> Kind:
    return _Const(value)


def _models_module() -> Any:
    return importlib.import_module(__name__.rsplit(".", 1)[0] + ".models")


class _Named(Kind):
    """A kind whose class is a generated model or enum, imported on first use (models
    refer to each other, so they cannot all be imported up front)."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._class: Any = None

    @property
    def cls(self) -> Any:
        if self._class is None:
            self._class = getattr(_models_module(), self.name)
        return self._class


class _Model(_Named):
    def parse(self, raw: Any) -> Any:
        if type(raw) is dict:
            found = self.cls.__new__(self.cls)
            found._data = raw
            found._cache = None
            return found
        return raw

    def matches(self, raw: Any) -> bool:
        if type(raw) is not dict:
            return False
        cls = self.cls
        for key, value in cls._CONSTS.items():
            if raw.get(key) != value:
                return False
        return all(key in raw for key in cls._REQUIRED)

    def accepts(self, raw: Any) -> bool:
        if type(raw) is not dict:
            return False
        return all(raw.get(key) == value for key, value in self.cls._CONSTS.items())


def model(name: str) -> Kind:
    return _Model(name)


class _Enum(_Named):
    def parse(self, raw: Any) -> Any:
        member = self.cls._value2member_map_.get(raw) if isinstance(raw, str) else None
        return raw if member is None else member

    def matches(self, raw: Any) -> bool:
        return isinstance(raw, str) and raw in self.cls._value2member_map_

    def accepts(self, raw: Any) -> bool:
        return isinstance(raw, str)  # an unknown value stays a string


def enum_of(name: str) -> Kind:
    return _Enum(name)


class _List(Kind):
    def __init__(self, item: Kind) -> None:
        self.item = item
        self.plain = item.plain  # a list of strings is returned as it came

    def parse(self, raw: Any) -> Any:
        if type(raw) is not list:
            return raw
        parse = self.item.parse
        return _LiveList(raw, [None if item is None else parse(item) for item in raw])

    def matches(self, raw: Any) -> bool:
        return type(raw) is list


class _LiveList(list):  # type: ignore[type-arg]
    """The parsed items of a JSON list, which also changes the list they came from: so
    `completion.choices.append(...)` shows in `to_dict()`, as it does for a plain list."""

    __slots__ = ("_raw",)

    def __init__(self, raw: list[Any], items: list[Any]) -> None:
        super().__init__(items)
        self._raw = raw

    def _resync(self) -> None:
        self._raw[:] = [dump(item) for item in self]

    def append(self, item: Any) -> None:
        super().append(item)
        self._raw.append(dump(item))

    def extend(self, items: Any) -> None:
        items = list(items)
        super().extend(items)
        self._raw.extend(dump(item) for item in items)

    def insert(self, index: Any, item: Any) -> None:
        super().insert(index, item)
        self._raw.insert(index, dump(item))

    def pop(self, index: Any = -1) -> Any:
        item = super().pop(index)
        self._raw.pop(index)
        return item

    def remove(self, item: Any) -> None:
        del self[self.index(item)]

    def clear(self) -> None:
        super().clear()
        self._raw.clear()

    def __setitem__(self, index: Any, value: Any) -> None:
        super().__setitem__(index, value)
        if isinstance(index, slice):
            self._resync()
        else:
            self._raw[index] = dump(value)

    def __delitem__(self, index: Any) -> None:
        super().__delitem__(index)
        del self._raw[index]

    def __iadd__(self, items: Any) -> _LiveList:
        self.extend(items)
        return self

    def __imul__(self, times: Any) -> _LiveList:
        super().__imul__(times)
        self._raw *= times
        return self

    def sort(self, *args: Any, **kwargs: Any) -> None:
        super().sort(*args, **kwargs)
        self._resync()

    def reverse(self) -> None:
        super().reverse()
        self._raw.reverse()


def list_of(item: Kind) -> Kind:
    return _List(item)


class _Union(Kind):
    def __init__(self, *branches: Kind) -> None:
        self.branches = branches
        self.plain = all(branch.plain for branch in branches)

    def parse(self, raw: Any) -> Any:
        for branch in self.branches:
            if branch.matches(raw):
                return branch.parse(raw)
        # Nothing fits exactly (a model's object missing a required key): the first branch
        # of the right JSON shape, so a partial object still reads as its model.
        for branch in self.branches:
            if branch.accepts(raw):
                return branch.parse(raw)
        return raw

    def matches(self, raw: Any) -> bool:
        return any(branch.matches(raw) for branch in self.branches)

    def accepts(self, raw: Any) -> bool:
        return any(branch.accepts(raw) for branch in self.branches)


def union(*branches: Kind) -> Kind:
    return _Union(*branches)


def _parse_datetime(text: str) -> datetime.datetime | None:
    # dateutil reads every ISO 8601 form (`Z` included, which Python 3.10's
    # fromisoformat refuses); imported on first use to keep `import` fast.
    from dateutil.parser import isoparse

    try:
        return isoparse(text)
    except (ValueError, OverflowError):
        return None


class _DateTime(Kind):
    def parse(self, raw: Any) -> Any:
        parsed = _parse_datetime(raw) if isinstance(raw, str) else None
        return raw if parsed is None else parsed

    def matches(self, raw: Any) -> bool:
        return isinstance(raw, str) and _parse_datetime(raw) is not None


class _Date(Kind):
    def parse(self, raw: Any) -> Any:
        try:
            return datetime.date.fromisoformat(raw) if isinstance(raw, str) else raw
        except ValueError:
            return raw

    def matches(self, raw: Any) -> bool:
        return isinstance(raw, str) and self.parse(raw) is not raw


DATETIME: Kind = _DateTime()
DATE: Kind = _Date()
FILE: Kind = _Plain()


# ------------------------------------------------------------------------ fields


class Field(Generic[T]):
    """A model's field: its JSON key, its kind and its description (which `help()` shows).

    Reading converts the JSON value once and keeps the result; writing stores the JSON
    form of the value (None removes the field: "not given").
    """

    def __init__(self, key: str, kind: Kind = ANY, doc: str | None = None) -> None:
        self.key = key
        self.kind = kind
        self.plain = kind.plain
        self.name = key
        self.__doc__ = doc

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, instance: None, owner: type | None = None) -> Field[T]: ...

    @overload
    def __get__(self, instance: Model, owner: type | None = None) -> T: ...

    def __get__(self, instance: Model | None, owner: type | None = None) -> Field[T] | T:
        if instance is None:
            return self
        if self.plain:
            return instance._data.get(self.key)  # type: ignore[no-any-return]
        cache = instance._cache
        if cache is None:
            cache = instance._cache = {}
        else:
            found = cache.get(self.key, _MISSING)
            if found is not _MISSING:
                return found  # type: ignore[no-any-return]
        raw = instance._data.get(self.key)
        value = None if raw is None else self.kind.parse(raw)
        cache[self.key] = value
        return value  # type: ignore[no-any-return]

    def __set__(self, instance: Model, value: T | None) -> None:
        if instance._cache is not None:
            instance._cache.pop(self.key, None)
        if value is None and self.key in type(instance)._REQUIRED:
            instance._data[self.key] = None  # required: None can only mean JSON null
        elif value is None or isinstance(value, Unset):
            instance._data.pop(self.key, None)
        else:
            instance._data[self.key] = dump(value)
            if not self.plain:
                if instance._cache is None:
                    instance._cache = {}
                instance._cache[self.key] = value


_MISSING: Any = object()
_new = object.__new__


class _Extras(MutableMapping[str, Any]):
    """The fields of a model that its schema does not name, as a live mapping."""

    __slots__ = ("_model",)

    def __init__(self, model: Model) -> None:
        self._model = model

    def __getitem__(self, key: str) -> Any:
        if key in self._model._FIELDS:
            raise KeyError(key)
        return self._model._extra(key)

    def __setitem__(self, key: str, value: Any) -> None:
        if key in self._model._FIELDS:
            raise KeyError(f"{key!r} is a field of {type(self._model).__name__}, not an extra")
        self._model._data[key] = dump(value)

    def __delitem__(self, key: str) -> None:
        if key in self._model._FIELDS:
            raise KeyError(key)
        del self._model._data[key]

    def __iter__(self) -> Iterator[str]:
        fields = self._model._FIELDS
        return (key for key in self._model._data if key not in fields)

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def __repr__(self) -> str:
        return repr(dict(self))


class Model:
    """The base of every generated model: a view over one JSON object (see the module doc)."""

    __slots__ = ("_cache", "_data", "_rid")

    #: JSON key -> Field, for every field the schema names.
    _FIELDS: ClassVar[dict[str, Field[Any]]] = {}
    #: The kind of the schema's `additionalProperties` (the extras), ANY if it has none.
    _EXTRA: ClassVar[Kind] = ANY
    #: Keys with a constant value (`role: user`) and required keys: how a union of
    #: models recognises this one.
    _CONSTS: ClassVar[dict[str, Any]] = {}
    _REQUIRED: ClassVar[tuple[str, ...]] = ()

    _data: dict[str, Any]
    _cache: dict[str, Any] | None
    #: Set by whoever parsed the answer (see `_request_id`); unset on models built here.
    _rid: str | None

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        # a subclass of a generated model (yours) keeps the fields it inherits
        cls._FIELDS = {
            value.key: value
            for klass in reversed(cls.__mro__)
            for value in vars(klass).values()
            if isinstance(value, Field)
        }

    def _init(self, values: Mapping[str, Any], extra: Mapping[str, Any] | None = None) -> None:
        """Set the fields a constructor was given (JSON key -> value; None is left out),
        and for a MappingModel the other keys it was given."""
        self._cache = None
        required = type(self)._REQUIRED
        # None is "not given", but a required field cannot be left out: it is JSON null
        self._data = {
            key: dump(value)
            for key, value in values.items()
            if (value is not None or key in required) and not isinstance(value, Unset)
        }
        if extra:
            for key, value in extra.items():
                if key in type(self)._FIELDS:
                    raise TypeError(f"{key!r} is a field of {type(self).__name__}")
                if value is not None:
                    self._data[key] = dump(value)

    @classmethod
    def from_dict(cls: type[M], src_dict: Mapping[str, Any]) -> M:
        """A model over a JSON object, as the server sent it (the mapping is not copied:
        do not change it afterwards). TypeError if it is not an object."""
        if type(src_dict) is not dict:
            if not isinstance(src_dict, Mapping):
                raise TypeError(
                    f"{cls.__name__} expects a JSON object, not {type(src_dict).__name__}"
                )
            src_dict = dict(src_dict)
        found = _new(cls)
        found._data = src_dict  # type: ignore[assignment]
        found._cache = None
        return found

    def to_dict(self) -> dict[str, Any]:
        """The model as JSON data: exactly the fields that were received or set, unknown
        ones included, as a new dict."""
        return {key: _copy(value) for key, value in self._data.items()}

    def to_json(self) -> str:
        """The model as JSON text."""
        return json.dumps(self._data, ensure_ascii=False, separators=(",", ":"))

    def to_multipart(self) -> RequestFiles:
        """The model as the parts of a multipart/form-data body (files and text fields)."""
        parts: RequestFiles = []
        fields = type(self)._FIELDS
        for key, value in self._data.items():
            if isinstance(value, File):
                parts.append((key, value.to_tuple()))
            elif key in fields and fields[key].kind is FILE:
                # a file given as its bytes (or an open binary file): sent as a file
                parts.append((key, (key, value, "application/octet-stream")))
            elif isinstance(value, (dict, list)):
                parts.append((key, (None, json.dumps(value).encode(), "application/json")))
            elif isinstance(value, bool):
                parts.append((key, (None, b"true" if value else b"false", "text/plain")))
            else:
                parts.append((key, (None, str(value).encode(), "text/plain")))
        return parts

    @property
    def _request_id(self) -> str | None:
        """The server's request id (`x-request-id`) of the answer this model was parsed
        from, when the `custom` layer parsed it (as openai's `_request_id`), else None."""
        return getattr(self, "_rid", None)

    @property
    def additional_properties(self) -> MutableMapping[str, Any]:
        """The fields the schema does not name (a live view: changes go into the JSON)."""
        return _Extras(self)

    def _extra(self, key: str) -> Any:
        raw = self._data[key]
        return raw if raw is None else type(self)._EXTRA.parse(raw)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        assert isinstance(other, Model)
        return self._data == other._data

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        fields = type(self)._FIELDS
        shown = [
            f"{fields[key].name}={getattr(self, fields[key].name)!r}"
            for key in self._data
            if key in fields
        ]
        extras = {key: value for key, value in self._data.items() if key not in fields}
        if extras:
            shown.append(f"additional_properties={extras!r}")
        return f"{type(self).__name__}({', '.join(shown)})"

    def __copy__(self: M) -> M:
        return type(self).from_dict(dict(self._data))

    def __deepcopy__(self: M, memo: dict[int, Any]) -> M:
        return type(self).from_dict(_copy(self._data))

    def __getstate__(self) -> dict[str, Any]:
        return self._data

    def __setstate__(self, state: dict[str, Any]) -> None:
        self._data = state
        self._cache = None


class MappingModel(Model):
    """A model whose schema allows other keys (`additionalProperties`): besides its named
    fields it reads like a mapping of those keys, each converted to its declared type
    (`pricing["completionTextTokens"]`, `pricing.get("promptTextTokens")`)."""

    __slots__ = ()

    def __bool__(self) -> bool:
        return True  # a model, even without extra keys (its `len` counts only those)

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: object) -> bool:
        return key in self._data and key not in type(self)._FIELDS

    def get(self, key: str, default: Any = None) -> Any:
        return self.additional_properties.get(key, default)

    def __iter__(self) -> Iterator[str]:
        return iter(self.additional_properties)

    def __len__(self) -> int:
        return len(self.additional_properties)

    def keys(self) -> list[str]:
        return list(self.additional_properties)

    def values(self) -> list[Any]:
        return [self[key] for key in self.additional_properties]

    def items(self) -> list[tuple[str, Any]]:
        return [(key, self[key]) for key in self.additional_properties]

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties)


def parse_json(response: Any, kind: Kind, expected: type | None) -> Any:
    """A JSON response body, or None when the server did not label it JSON (an error
    answered as text, or without a body). TypeError if it is not the JSON container the
    operation documents (an object for a model, an array for a list); anything inside is
    parsed as tolerantly as any field."""
    media_type = response.headers.get("content-type", "application/json").split(";")[0]
    if not response.content or not media_type.strip().lower().endswith("json"):
        return None
    value = response.json()
    if expected is not None and not isinstance(value, expected):
        raise TypeError(f"expected a JSON {expected.__name__}, got {type(value).__name__}")
    return kind.parse(value)


def as_query(values: Mapping[str, Any]) -> dict[str, Any]:
    """Query parameters as httpx sends them: the given ones only, enums as their values."""
    return {key: dump(value) for key, value in values.items() if value is not None}


def path_segment(value: Any) -> str:
    """Percent-encode a path parameter completely, once.

    `/`, `?`, `#` and `%` are encoded like everything else, and a value of `.` or `..`
    becomes `%2E` or `%2E%2E`, which URL normalisation would otherwise drop as a dot segment.
    """
    segment = quote(str(dump(value)), safe="")
    return segment.replace(".", "%2E") if segment in (".", "..") else segment


# ------------------------------------------------------------------ parameters
# What `params.py` says about each operation's arguments, for code that checks and
# documents them before any request (the `custom` layer): the spec's own schema of
# each argument, with every `$ref` resolved.


@define(frozen=True)
class ParameterSpec:
    """One argument of an operation, as the spec defines it."""

    #: The keyword a caller writes: the generator's rule (`aspect_ratio` for
    #: `aspectRatio`), without the `_` it adds to a builtin's name (`input`, `format`).
    name: str
    #: The generated code's own name for it: `build_request`'s keyword (`format_`).
    argument: str
    #: The name on the wire: the query parameter, the JSON key or the form field.
    wire: str
    #: Where it travels: "path", "query", "header", "body" (a JSON body's field) or
    #: "form" (a multipart body's field).
    location: str
    required: bool
    #: The spec's JSON Schema of the value (`$ref`s resolved; an object nested in it is
    #: kept as `{"type": "object"}`: its fields are not checked here).
    schema: Mapping[str, Any]
    description: str = ""
    #: The server's default (from the schema), applied when the argument is not sent.
    default: Any = None
    #: One line for a user: the description, the values it takes, the server's default.
    help: str = ""


@define(frozen=True)
class OperationSpec:
    """An operation, and everything its arguments are in the spec."""

    operation_id: str
    method: str
    path: str
    #: The generated module with its `build_request` and the four call functions.
    module: str
    parameters: tuple[ParameterSpec, ...]
    #: The generated model of the request body, when there is one.
    body_model: str | None = None
    #: The body's media type: "application/json" or "multipart/form-data".
    body_type: str | None = None
    #: The operation requires a key (its `security`).
    needs_key: bool = True
    #: It documents 402 (pollen balance or key budget): calling it costs pollen.
    billable: bool = False
    #: The operation's summary and description in the spec.
    description: str = ""
    #: The Args section of a docstring: every argument with its type and description.
    args_doc: str = ""

    def parameter(self, name: str) -> ParameterSpec:
        for parameter in self.parameters:
            if parameter.name == name:
                return parameter
        raise KeyError(name)

    def build_request(self, *args: Any, **kwargs: Any) -> RequestParts:
        """The generated module's `build_request(...)` (imported on first use)."""
        builder: Any = importlib.import_module(self.module).build_request
        parts: RequestParts = builder(*args, **kwargs)
        return parts


__all__ = [
    "UNSET",
    "Field",
    "File",
    "FileTypes",
    "MappingModel",
    "Model",
    "OperationSpec",
    "ParameterSpec",
    "RequestFiles",
    "RequestParts",
    "Response",
    "Unset",
]
