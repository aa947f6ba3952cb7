"""A typed tour of the public surface, checked by `make lint` (mypy --strict) but never run.

If a change to the custom layer or the spec breaks what users write, mypy fails here.
"""

from __future__ import annotations

import asyncio
import datetime

from typing_extensions import assert_type

from pollinations_client.custom import (
    APIStatusError,
    AsyncPollinations,
    ImageResult,
    Pollinations,
    RateLimitError,
    ToolCallAccumulator,
)
from pollinations_client.models import ChatCompletion, ModelInfo, UsageRecord, UserMessage


def sync_tour() -> None:
    with Pollinations() as client:
        img: ImageResult = client.images.generate(
            "a cat on the moon", width=512, height=512, seed=7, model="flux"
        )
        content: bytes = img.content
        kind: str = img.content_type
        img.save("cat.png")
        url: str = client.images.url("a cat", width=512)
        text: str = client.text.generate("haiku about rain", system="be brief", temperature=0.3)
        for piece in client.text.stream("long story"):
            print(piece.upper())
        resp: ChatCompletion = client.chat.completions.create(
            model="openai", messages=[{"role": "user", "content": "hi"}]
        )
        answer = resp.choices[0].message.content
        # What a field reads as: str | None (None: the server did not send it), never Unset.
        assert_type(answer, str | None)
        if answer is not None:
            print(answer.strip())
        profile = client.account.profile()
        assert_type(profile.name, str | None)
        assert_type(profile.created_at, datetime.datetime)
        print(resp, profile.to_json(), resp.to_dict(), resp.additional_properties)
        tools = ToolCallAccumulator()
        with client.chat.completions.create(
            model="openai", messages=[UserMessage(role="user", content="hi")], stream=True
        ) as stream:
            for chunk in stream:
                delta = chunk.choices[0].delta.content
                if isinstance(delta, str):
                    print(delta, end="")
                tools.add(chunk)
        names = [call.function.name for call in tools.tool_calls()]
        models: list[ModelInfo] = client.models.image()
        price: float = models[0].pricing["completionImageTokens"]
        balance: float = client.account.balance().balance
        records: list[UsageRecord] = list(client.account.iter_usage())
        csv: str = client.account.usage_csv(limit=10)
        try:
            client.with_options(max_retries=5).account.profile()
        except RateLimitError as exc:
            print(exc.status_code, exc.request_id)
        except APIStatusError as exc:
            print(exc.code, exc.message, exc.field_errors)
        print(content, kind, url, text, names, models, price, balance, records, csv)


async def async_tour() -> None:
    async with AsyncPollinations(api_key="sk_example") as client:
        img: ImageResult = await client.images.generate("a cat", model="flux")
        resp: ChatCompletion = await client.chat.completions.create(
            messages=[{"role": "user", "content": "hi"}]
        )
        stream = await client.chat.completions.create(
            messages=[{"role": "user", "content": "hi"}], stream=True
        )
        async with stream:
            async for chunk in stream:
                print(chunk.choices[0].delta.content)
        async for record in client.account.iter_usage(page_size=500):
            print(record.cost_usd)
        async for piece in await client.text.stream("a story"):
            print(piece)
        print(img, resp)


if __name__ == "__main__":  # pragma: no cover - documentation, not a test
    sync_tour()
    asyncio.run(async_tour())
