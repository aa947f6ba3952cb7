"""`client.models`: which models the API offers, with pricing and capabilities."""

from __future__ import annotations

import builtins
from typing import TYPE_CHECKING

import httpx

from .. import _json
from .._base_client import RequestOptions
from ._shared import AsyncTransport, SyncTransport

if TYPE_CHECKING:
    from pollinations_client.models import Model, ModelInfo

# Listing models needs no key; with one, the answer is limited to the models it may use.
_LIST = RequestOptions("GET", "/v1/models", "models.list", needs_key=False)
_TEXT = RequestOptions("GET", "/text/models", "models.text", needs_key=False)
_IMAGE = RequestOptions("GET", "/image/models", "models.image", needs_key=False)


def parse_model_list(response: httpx.Response) -> list[Model]:
    from pollinations_client.models import ModelList

    models = ModelList.from_dict(_json.response_json(response)).data
    if not isinstance(models, list):  # the one thing this call returns: not kept as sent
        raise TypeError(f"expected a list of models in `data`, got {type(models).__name__}")
    return models


def parse_model_infos(response: httpx.Response) -> list[ModelInfo]:
    payload = _json.response_json(response)
    if not isinstance(payload, list):
        raise TypeError(f"expected a list of models, got {type(payload).__name__}")
    from pollinations_client.models import ModelInfo

    return [ModelInfo.from_dict(item) for item in payload]


class Models:
    def __init__(self, client: SyncTransport) -> None:
        self._client = client

    def list(self) -> builtins.list[Model]:
        """The text models, OpenAI style (id, object, created)."""
        return self._client._request(_LIST, parse_model_list)

    def text(self) -> builtins.list[ModelInfo]:
        """Text models with pricing and capabilities."""
        return self._client._request(_TEXT, parse_model_infos)

    def image(self) -> builtins.list[ModelInfo]:
        """Image and video models with pricing and capabilities."""
        return self._client._request(_IMAGE, parse_model_infos)


class AsyncModels:
    def __init__(self, client: AsyncTransport) -> None:
        self._client = client

    async def list(self) -> builtins.list[Model]:
        """The text models, OpenAI style (id, object, created)."""
        return await self._client._request(_LIST, parse_model_list)

    async def text(self) -> builtins.list[ModelInfo]:
        """Text models with pricing and capabilities."""
        return await self._client._request(_TEXT, parse_model_infos)

    async def image(self) -> builtins.list[ModelInfo]:
        """Image and video models with pricing and capabilities."""
        return await self._client._request(_IMAGE, parse_model_infos)
