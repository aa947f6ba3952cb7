from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.tier import Tier
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.chat_completion_choice import ChatCompletionChoice
    from ..models.completion_usage import CompletionUsage
    from ..models.prompt_filter_result import PromptFilterResult


T = TypeVar("T", bound="ChatCompletion")


@functools.cache
def _lazy_imports() -> tuple[
    type[ChatCompletionChoice],
    type[CompletionUsage],
    type[PromptFilterResult],
]:
    """The models this one refers to, imported on first use rather than on every call.

    They cannot be imported at the top: they may import this module in turn.
    """
    from ..models.chat_completion_choice import ChatCompletionChoice
    from ..models.completion_usage import CompletionUsage
    from ..models.prompt_filter_result import PromptFilterResult

    return (
        ChatCompletionChoice,
        CompletionUsage,
        PromptFilterResult,
    )


@_attrs_define
class ChatCompletion:
    id: str
    choices: list[ChatCompletionChoice]
    created: int
    model: str
    object_: Literal["chat.completion"]
    usage: CompletionUsage
    prompt_filter_results: list[PromptFilterResult] | Unset | None = UNSET
    system_fingerprint: str | Unset | None = UNSET
    user_tier: str | Tier | Unset = UNSET
    citations: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        ChatCompletionChoice, CompletionUsage, PromptFilterResult = _lazy_imports()
        id = self.id

        choices = []
        for choices_item_data in self.choices:
            choices_item = choices_item_data.to_dict()
            choices.append(choices_item)

        created = self.created

        model = self.model

        object_ = self.object_

        usage = self.usage.to_dict()

        prompt_filter_results: list[dict[str, Any]] | Unset | None
        if isinstance(self.prompt_filter_results, Unset):
            prompt_filter_results = UNSET
        elif isinstance(self.prompt_filter_results, list):
            prompt_filter_results = []
            for prompt_filter_results_type_0_item_data in self.prompt_filter_results:
                prompt_filter_results_type_0_item = prompt_filter_results_type_0_item_data.to_dict()
                prompt_filter_results.append(prompt_filter_results_type_0_item)

        else:
            prompt_filter_results = self.prompt_filter_results

        system_fingerprint: str | Unset | None
        if isinstance(self.system_fingerprint, Unset):
            system_fingerprint = UNSET
        else:
            system_fingerprint = self.system_fingerprint

        user_tier: str | Unset
        if isinstance(self.user_tier, Unset):
            user_tier = UNSET
        elif isinstance(self.user_tier, Tier):
            user_tier = self.user_tier.value
        else:
            user_tier = self.user_tier

        citations: list[str] | Unset = UNSET
        if not isinstance(self.citations, Unset):
            citations = self.citations

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "choices": choices,
                "created": created,
                "model": model,
                "object": object_,
                "usage": usage,
            }
        )
        if prompt_filter_results is not UNSET:
            field_dict["prompt_filter_results"] = prompt_filter_results
        if system_fingerprint is not UNSET:
            field_dict["system_fingerprint"] = system_fingerprint
        if user_tier is not UNSET:
            field_dict["user_tier"] = user_tier
        if citations is not UNSET:
            field_dict["citations"] = citations

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        ChatCompletionChoice, CompletionUsage, PromptFilterResult = _lazy_imports()
        d = dict(src_dict)
        id = d.pop("id")

        choices = []
        _choices = d.pop("choices")
        for choices_item_data in _choices:
            choices_item = ChatCompletionChoice.from_dict(choices_item_data)

            choices.append(choices_item)

        created = d.pop("created")

        model = d.pop("model")

        object_ = cast(Literal["chat.completion"], d.pop("object"))
        if object_ != "chat.completion":
            raise ValueError(f"object must match const 'chat.completion', got '{object_}'")

        usage = CompletionUsage.from_dict(d.pop("usage"))

        prompt_filter_results = d.pop("prompt_filter_results", UNSET)
        if prompt_filter_results is not None and not isinstance(prompt_filter_results, Unset):

            def _parse_prompt_filter_results(
                data: object,
            ) -> list[PromptFilterResult] | Unset | None:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                try:
                    if not isinstance(data, list):
                        raise TypeError()
                    prompt_filter_results_type_0 = []
                    _prompt_filter_results_type_0 = data
                    for prompt_filter_results_type_0_item_data in _prompt_filter_results_type_0:
                        prompt_filter_results_type_0_item = PromptFilterResult.from_dict(
                            prompt_filter_results_type_0_item_data
                        )

                        prompt_filter_results_type_0.append(prompt_filter_results_type_0_item)

                    return prompt_filter_results_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(list[PromptFilterResult] | None | Unset, data)

            prompt_filter_results = _parse_prompt_filter_results(prompt_filter_results)

        system_fingerprint = d.pop("system_fingerprint", UNSET)

        user_tier = d.pop("user_tier", UNSET)
        if not isinstance(user_tier, Unset):

            def _parse_user_tier(data: object) -> str | Tier | Unset:
                if isinstance(data, Unset):
                    return data
                try:
                    if not isinstance(data, str):
                        raise TypeError()
                    user_tier_type_0 = Tier(data)

                    return user_tier_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(str | Tier | Unset, data)

            user_tier = _parse_user_tier(user_tier)

        citations = d.pop("citations", UNSET)

        chat_completion = cls(
            id=id,
            choices=choices,
            created=created,
            model=model,
            object_=object_,
            usage=usage,
            prompt_filter_results=prompt_filter_results,
            system_fingerprint=system_fingerprint,
            user_tier=user_tier,
            citations=citations,
        )

        chat_completion.additional_properties = d
        return chat_completion

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
