"""The ergonomic layer over the generated client.

    from pollinations_client.custom import Pollinations

Everything public is re-exported here; the underscore modules are implementation.
"""

import importlib
from typing import TYPE_CHECKING, Any

from ._base_client import (
    DEFAULT_BASE_URL,
    GENERATION_TIMEOUT,
    LISTING_TIMEOUT,
    AuthMode,
    PublishableKeyWarning,
)
from ._client import AsyncPollinations, Pollinations
from ._exceptions import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ClientClosedError,
    IncompleteResponseError,
    InternalServerError,
    InvalidParameterError,
    MissingAPIKeyError,
    NotFoundError,
    PaymentRequiredError,
    PermissionDeniedError,
    PollinationsError,
    RateLimitError,
    ResponseTooLargeError,
)
from ._response import APIResponse
from ._retry import DEFAULT_MAX_RETRIES
from ._streaming import AsyncStream, Stream, ToolCallAccumulator
from ._types import AudioResult, ImageResult, ListResult, SavedFile, TextResult

if TYPE_CHECKING:
    from ._resource import CallOptions
    from .resources.account import DailyUsageParams, UsageParams
    from .resources.audio import AudioParams, FileInput, SpeechParams, TranscriptionParams
    from .resources.chat import ChatCompletionParams, MessageParam
    from .resources.images import ImageParams
    from .resources.text import TextParams

    #: The installed distribution's version: pyproject.toml's, read on first use.
    __version__: str

# The resources' parameter types, imported on first use like the resources themselves:
# `import pollinations_client.custom` stays close to the cost of `import httpx`.
_LAZY = {
    "AudioParams": ".resources.audio",
    "CallOptions": "._resource",
    "ChatCompletionParams": ".resources.chat",
    "DailyUsageParams": ".resources.account",
    "FileInput": ".resources.audio",
    "ImageParams": ".resources.images",
    "MessageParam": ".resources.chat",
    "SpeechParams": ".resources.audio",
    "TextParams": ".resources.text",
    "TranscriptionParams": ".resources.audio",
    "UsageParams": ".resources.account",
}


def __getattr__(name: str) -> Any:
    if name == "__version__":
        value: Any = _version()
        globals()[name] = value
        return value
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def _version() -> str:
    # pyproject.toml is the one place the version is written; the installed metadata
    # carries it. importlib.metadata is imported here, not on `import`, for its cost.
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("pollinations-client")
    except PackageNotFoundError:  # imported from a source tree that was never installed
        return "0+unknown"


__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_MAX_RETRIES",
    "GENERATION_TIMEOUT",
    "LISTING_TIMEOUT",
    "APIConnectionError",
    "APIError",
    "APIResponse",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncPollinations",
    "AsyncStream",
    "AudioParams",
    "AudioResult",
    "AuthMode",
    "AuthenticationError",
    "BadRequestError",
    "CallOptions",
    "ChatCompletionParams",
    "ClientClosedError",
    "DailyUsageParams",
    "FileInput",
    "ImageParams",
    "ImageResult",
    "IncompleteResponseError",
    "InternalServerError",
    "InvalidParameterError",
    "ListResult",
    "MessageParam",
    "MissingAPIKeyError",
    "NotFoundError",
    "PaymentRequiredError",
    "PermissionDeniedError",
    "Pollinations",
    "PollinationsError",
    "PublishableKeyWarning",
    "RateLimitError",
    "ResponseTooLargeError",
    "SavedFile",
    "SpeechParams",
    "Stream",
    "TextParams",
    "TextResult",
    "ToolCallAccumulator",
    "TranscriptionParams",
    "UsageParams",
]
