from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.chat_completion_message import ChatCompletionMessage
    from ..models.choice_logprobs import ChoiceLogprobs
    from ..models.content_filter_result import ContentFilterResult


T = TypeVar("T", bound="ChatCompletionChoice")


@functools.cache
def _lazy_imports() -> tuple[
    type[ChatCompletionMessage],
    type[ChoiceLogprobs],
    type[ContentFilterResult],
]:
    """The models this one refers to, imported on first use rather than on every call.

    They cannot be imported at the top: they may import this module in turn.
    """
    from ..models.chat_completion_message import ChatCompletionMessage
    from ..models.choice_logprobs import ChoiceLogprobs
    from ..models.content_filter_result import ContentFilterResult

    return (
        ChatCompletionMessage,
        ChoiceLogprobs,
        ContentFilterResult,
    )


@_attrs_define
class ChatCompletionChoice:
    index: int
    message: ChatCompletionMessage
    finish_reason: str | Unset | None = UNSET
    logprobs: ChoiceLogprobs | Unset | None = UNSET
    content_filter_results: ContentFilterResult | Unset | None = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        ChatCompletionMessage, ChoiceLogprobs, ContentFilterResult = _lazy_imports()
        index = self.index

        message = self.message.to_dict()

        finish_reason: str | Unset | None
        if isinstance(self.finish_reason, Unset):
            finish_reason = UNSET
        else:
            finish_reason = self.finish_reason

        logprobs: dict[str, Any] | Unset | None
        if isinstance(self.logprobs, Unset):
            logprobs = UNSET
        elif isinstance(self.logprobs, ChoiceLogprobs):
            logprobs = self.logprobs.to_dict()
        else:
            logprobs = self.logprobs

        content_filter_results: dict[str, Any] | Unset | None
        if isinstance(self.content_filter_results, Unset):
            content_filter_results = UNSET
        elif isinstance(self.content_filter_results, ContentFilterResult):
            content_filter_results = self.content_filter_results.to_dict()
        else:
            content_filter_results = self.content_filter_results

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "index": index,
                "message": message,
            }
        )
        if finish_reason is not UNSET:
            field_dict["finish_reason"] = finish_reason
        if logprobs is not UNSET:
            field_dict["logprobs"] = logprobs
        if content_filter_results is not UNSET:
            field_dict["content_filter_results"] = content_filter_results

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        ChatCompletionMessage, ChoiceLogprobs, ContentFilterResult = _lazy_imports()
        d = dict(src_dict)
        index = d.pop("index")

        message = ChatCompletionMessage.from_dict(d.pop("message"))

        finish_reason = d.pop("finish_reason", UNSET)

        logprobs = d.pop("logprobs", UNSET)
        if logprobs is not None and not isinstance(logprobs, Unset):

            def _parse_logprobs(data: object) -> ChoiceLogprobs | Unset | None:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    logprobs_type_0_type_0 = ChoiceLogprobs.from_dict(data)

                    return logprobs_type_0_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(ChoiceLogprobs | None | Unset, data)

            logprobs = _parse_logprobs(logprobs)

        content_filter_results = d.pop("content_filter_results", UNSET)
        if content_filter_results is not None and not isinstance(content_filter_results, Unset):

            def _parse_content_filter_results(data: object) -> ContentFilterResult | Unset | None:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    content_filter_results_type_0 = ContentFilterResult.from_dict(data)

                    return content_filter_results_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(ContentFilterResult | None | Unset, data)

            content_filter_results = _parse_content_filter_results(content_filter_results)

        chat_completion_choice = cls(
            index=index,
            message=message,
            finish_reason=finish_reason,
            logprobs=logprobs,
            content_filter_results=content_filter_results,
        )

        chat_completion_choice.additional_properties = d
        return chat_completion_choice

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
