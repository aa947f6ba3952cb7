"""The sync and async twins offer the same methods with the same signatures."""

from __future__ import annotations

import asyncio
import functools
import inspect
from typing import Any

import pytest

from pollinations_client.custom import AsyncPollinations, AsyncStream, Pollinations, Stream
from pollinations_client.custom.resources import (
    Account,
    AsyncAccount,
    AsyncAudio,
    AsyncChat,
    AsyncCompletions,
    AsyncImages,
    AsyncModels,
    AsyncText,
    Audio,
    Chat,
    Completions,
    Images,
    Models,
    Text,
)
from pollinations_client.custom.resources.audio import (
    AsyncSpeech,
    AsyncTranscriptions,
    Speech,
    Transcriptions,
)

RESOURCE_PAIRS: list[tuple[type[Any], type[Any]]] = [
    (Images, AsyncImages),
    (Text, AsyncText),
    (Completions, AsyncCompletions),
    (Models, AsyncModels),
    (Account, AsyncAccount),
    (Audio, AsyncAudio),
    (Speech, AsyncSpeech),
    (Transcriptions, AsyncTranscriptions),
]

EXPECTED_METHODS = {
    Images: {"generate", "url"},
    Text: {"generate", "stream"},
    Completions: {"create"},
    Models: {"list", "text", "image", "audio"},
    Account: {
        "balance",
        "profile",
        "key",
        "usage",
        "usage_csv",
        "usage_daily",
        "usage_daily_csv",
        "iter_usage",
    },
    Audio: {"generate"},
    Speech: {"create"},
    Transcriptions: {"create"},
}


def public_methods(cls: type[Any]) -> dict[str, Any]:
    return {
        name: member
        for name, member in inspect.getmembers(cls, inspect.isfunction)
        if not name.startswith("_")
    }


def normalised(annotation: Any) -> Any:
    """Annotations are strings (postponed evaluation); the twins differ only in Async*."""
    if isinstance(annotation, str):
        return (
            annotation.replace("httpx.AsyncClient", "httpx.Client")
            .replace("AsyncStream", "Stream")
            .replace("AsyncIterator", "Iterator")
            .replace("AsyncTransport", "SyncTransport")
        )
    return annotation


def parameters(function: Any) -> list[tuple[str, Any, Any, Any]]:
    return [
        (p.name, p.kind, p.default, normalised(p.annotation))
        for p in inspect.signature(function).parameters.values()
    ]


def is_async(function: Any) -> bool:
    return inspect.iscoroutinefunction(function) or inspect.isasyncgenfunction(function)


@pytest.mark.parametrize(("sync_cls", "async_cls"), RESOURCE_PAIRS)
def test_resource_twins_have_the_same_methods_and_signatures(
    sync_cls: type[Any], async_cls: type[Any]
) -> None:
    sync_methods = public_methods(sync_cls)
    async_methods = public_methods(async_cls)
    assert set(sync_methods) == set(async_methods) == EXPECTED_METHODS[sync_cls]
    for name, sync_method in sync_methods.items():
        async_method = async_methods[name]
        assert parameters(sync_method) == parameters(async_method), name
        assert normalised(inspect.signature(sync_method).return_annotation) == normalised(
            inspect.signature(async_method).return_annotation
        ), name
        if sync_method is async_method:
            # One implementation shared by both (images.url builds a string, no I/O).
            assert not is_async(sync_method), name
            continue
        assert not is_async(sync_method), name
        assert is_async(async_method), name


def test_streaming_methods_are_generators_where_they_iterate() -> None:
    assert inspect.isgeneratorfunction(Account.iter_usage)
    assert inspect.isasyncgenfunction(AsyncAccount.iter_usage)
    assert inspect.iscoroutinefunction(AsyncText.stream)
    assert inspect.iscoroutinefunction(AsyncCompletions.create)


def test_client_twins_have_the_same_methods_and_signatures() -> None:
    sync_methods = public_methods(Pollinations)
    async_methods = public_methods(AsyncPollinations)
    assert set(sync_methods) == set(async_methods)
    assert {"close", "with_options", "url_for"} <= set(sync_methods)
    for name, sync_method in sync_methods.items():
        async_method = async_methods[name]
        assert parameters(sync_method) == parameters(async_method), name
        if sync_method is async_method:
            continue
        if name == "close":
            assert not is_async(sync_method)
            assert is_async(async_method)
        else:
            assert is_async(sync_method) == is_async(async_method), name
    assert parameters(Pollinations.__init__) == parameters(AsyncPollinations.__init__)
    assert parameters(Pollinations.with_options) == parameters(AsyncPollinations.with_options)


def test_client_context_managers() -> None:
    assert hasattr(Pollinations, "__enter__") and hasattr(Pollinations, "__exit__")
    assert hasattr(AsyncPollinations, "__aenter__") and hasattr(AsyncPollinations, "__aexit__")
    assert parameters(Pollinations.__exit__) == parameters(AsyncPollinations.__aexit__)
    assert inspect.iscoroutinefunction(AsyncPollinations.__aenter__)
    assert inspect.iscoroutinefunction(AsyncPollinations.__aexit__)


def test_clients_carry_the_twin_resources() -> None:
    sync_client = Pollinations(api_key="sk_x")
    async_client = AsyncPollinations(api_key="sk_x")
    try:
        names = ("images", "text", "chat", "models", "account")
        # Each resource is a property of the class, made on first use.
        for cls in (Pollinations, AsyncPollinations):
            assert all(isinstance(getattr(cls, name), functools.cached_property) for name in names)
        pairs = dict(RESOURCE_PAIRS)
        pairs[Chat] = AsyncChat
        for name in names:
            sync_resource = getattr(sync_client, name)
            async_resource = getattr(async_client, name)
            assert pairs[type(sync_resource)] is type(async_resource), name
        assert type(sync_client.chat.completions) is Completions
        assert type(async_client.chat.completions) is AsyncCompletions
    finally:
        sync_client.close()
        asyncio.run(async_client.close())


def test_stream_twins() -> None:
    sync_methods = set(public_methods(Stream))
    async_methods = set(public_methods(AsyncStream))
    assert sync_methods == async_methods == {"close"}
    assert inspect.iscoroutinefunction(AsyncStream.close)
    assert hasattr(Stream, "__enter__") and hasattr(Stream, "__iter__")
    assert hasattr(AsyncStream, "__aenter__") and hasattr(AsyncStream, "__aiter__")


#: Methods that are not one operation (iter_usage pages over account.usage).
NOT_ONE_OPERATION = {"iter_usage"}


@pytest.mark.parametrize("cls", [cls for pair in RESOURCE_PAIRS for cls in pair])
def test_every_operation_method_documents_the_spec_and_the_call_options(cls: type[Any]) -> None:
    """help() on any method shows the spec's description of its operation, its Args and
    the per-call options (the @documented decorator; a method without it fails here)."""
    for name, method in public_methods(cls).items():
        if name in NOT_ONE_OPERATION:
            continue
        doc = method.__doc__ or ""
        assert "The spec: " in doc, (cls.__name__, name)
        assert "Also: extra_headers, extra_query, extra_body, timeout" in doc, (cls.__name__, name)


@pytest.mark.parametrize("client_cls", [Pollinations, AsyncPollinations])
def test_raw_twins_show_the_method_docs_and_signature(client_cls: type[Any]) -> None:
    client = client_cls(api_key="sk_test")
    raw = client.with_raw_response
    for resource_name, raw_view in [
        ("images", raw.images),
        ("chat.completions", raw.chat.completions),
        ("account", raw.account),
        ("audio.speech", raw.audio.speech),
    ]:
        resource: Any = functools.reduce(getattr, resource_name.split("."), client)
        for name in public_methods(type(resource)):
            if not hasattr(type(raw_view), name):
                continue
            method, twin = getattr(resource, name), getattr(raw_view, name)
            assert twin.__doc__ == method.__doc__, (resource_name, name)
            signature, twin_signature = inspect.signature(method), inspect.signature(twin)
            assert twin_signature.parameters == signature.parameters, (resource_name, name)
            assert twin_signature.return_annotation == (
                f"APIResponse[{signature.return_annotation}]"
            ), (resource_name, name)
