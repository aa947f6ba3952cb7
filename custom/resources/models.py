"""`client.models`: which models the API offers, with pricing and capabilities."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

import httpx

from pollinations_client.params import (
    LIST_AUDIO_MODELS,
    LIST_IMAGE_MODELS,
    LIST_MODELS,
    LIST_TEXT_MODELS,
)

from .. import _json
from .._resource import AsyncAPIResource, CallOptions, Endpoint, SyncAPIResource, documented
from .._response import AsyncRawView, RawView, async_raw_method, raw_method
from .._types import ListResult

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from pollinations_client.models import Model, ModelInfo


def parse_model_list(response: httpx.Response) -> ListResult[Model]:
    from pollinations_client.models import ModelList

    models = ModelList.from_dict(_json.response_json(response)).data
    if not isinstance(models, list):  # the one thing this call returns: not kept as sent
        raise TypeError(f"expected a list of models in `data`, got {type(models).__name__}")
    return ListResult(models)


def parse_model_infos(response: httpx.Response) -> ListResult[ModelInfo]:
    payload = _json.response_json(response)
    if not isinstance(payload, list):
        raise TypeError(f"expected a list of models, got {type(payload).__name__}")
    from pollinations_client.models import ModelInfo

    return ListResult(ModelInfo.from_dict(item) for item in payload)


# Listing models needs no key (the spec's `security: []`); with one, the answer is
# limited to the models the key may use.
_LIST = Endpoint(LIST_MODELS, "models.list", parse_model_list)
_TEXT = Endpoint(LIST_TEXT_MODELS, "models.text", parse_model_infos)
_IMAGE = Endpoint(LIST_IMAGE_MODELS, "models.image", parse_model_infos)
_AUDIO = Endpoint(LIST_AUDIO_MODELS, "models.audio", parse_model_infos)


class Models(SyncAPIResource):
    @documented(_LIST)
    def list(self, **options: Unpack[CallOptions]) -> ListResult[Model]:
        """The text models, OpenAI style (id, object, created)."""
        return self._call(_LIST, options)

    @documented(_TEXT)
    def text(self, **options: Unpack[CallOptions]) -> ListResult[ModelInfo]:
        """Text models with pricing and capabilities."""
        return self._call(_TEXT, options)

    @documented(_IMAGE)
    def image(self, **options: Unpack[CallOptions]) -> ListResult[ModelInfo]:
        """Image and video models with pricing and capabilities."""
        return self._call(_IMAGE, options)

    @documented(_AUDIO)
    def audio(self, **options: Unpack[CallOptions]) -> ListResult[ModelInfo]:
        """Speech, music and transcription models with pricing and capabilities."""
        return self._call(_AUDIO, options)

    @cached_property
    def with_raw_response(self) -> ModelsWithRawResponse:
        return ModelsWithRawResponse(self)


class AsyncModels(AsyncAPIResource):
    @documented(_LIST)
    async def list(self, **options: Unpack[CallOptions]) -> ListResult[Model]:
        """The text models, OpenAI style (id, object, created)."""
        return await self._call(_LIST, options)

    @documented(_TEXT)
    async def text(self, **options: Unpack[CallOptions]) -> ListResult[ModelInfo]:
        """Text models with pricing and capabilities."""
        return await self._call(_TEXT, options)

    @documented(_IMAGE)
    async def image(self, **options: Unpack[CallOptions]) -> ListResult[ModelInfo]:
        """Image and video models with pricing and capabilities."""
        return await self._call(_IMAGE, options)

    @documented(_AUDIO)
    async def audio(self, **options: Unpack[CallOptions]) -> ListResult[ModelInfo]:
        """Speech, music and transcription models with pricing and capabilities."""
        return await self._call(_AUDIO, options)

    @cached_property
    def with_raw_response(self) -> AsyncModelsWithRawResponse:
        return AsyncModelsWithRawResponse(self)


class ModelsWithRawResponse(RawView):
    list = raw_method(Models.list)
    text = raw_method(Models.text)
    image = raw_method(Models.image)
    audio = raw_method(Models.audio)


class AsyncModelsWithRawResponse(AsyncRawView):
    list = async_raw_method(AsyncModels.list)
    text = async_raw_method(AsyncModels.text)
    image = async_raw_method(AsyncModels.image)
    audio = async_raw_method(AsyncModels.audio)
