from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.content_filter_detected_result import ContentFilterDetectedResult
    from ..models.content_filter_severity_result import ContentFilterSeverityResult


T = TypeVar("T", bound="ContentFilterResult")


@functools.cache
def _lazy_imports() -> tuple[
    type[ContentFilterDetectedResult],
    type[ContentFilterSeverityResult],
]:
    """The models this one refers to, imported on first use rather than on every call.

    They cannot be imported at the top: they may import this module in turn.
    """
    from ..models.content_filter_detected_result import ContentFilterDetectedResult
    from ..models.content_filter_severity_result import ContentFilterSeverityResult

    return (
        ContentFilterDetectedResult,
        ContentFilterSeverityResult,
    )


@_attrs_define
class ContentFilterResult:
    hate: ContentFilterSeverityResult | Unset = UNSET
    self_harm: ContentFilterSeverityResult | Unset = UNSET
    sexual: ContentFilterSeverityResult | Unset = UNSET
    violence: ContentFilterSeverityResult | Unset = UNSET
    jailbreak: ContentFilterDetectedResult | Unset = UNSET
    protected_material_text: ContentFilterDetectedResult | Unset = UNSET
    protected_material_code: ContentFilterDetectedResult | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        ContentFilterDetectedResult, ContentFilterSeverityResult = _lazy_imports()
        hate: dict[str, Any] | Unset = UNSET
        if not isinstance(self.hate, Unset):
            hate = self.hate.to_dict()

        self_harm: dict[str, Any] | Unset = UNSET
        if not isinstance(self.self_harm, Unset):
            self_harm = self.self_harm.to_dict()

        sexual: dict[str, Any] | Unset = UNSET
        if not isinstance(self.sexual, Unset):
            sexual = self.sexual.to_dict()

        violence: dict[str, Any] | Unset = UNSET
        if not isinstance(self.violence, Unset):
            violence = self.violence.to_dict()

        jailbreak: dict[str, Any] | Unset = UNSET
        if not isinstance(self.jailbreak, Unset):
            jailbreak = self.jailbreak.to_dict()

        protected_material_text: dict[str, Any] | Unset = UNSET
        if not isinstance(self.protected_material_text, Unset):
            protected_material_text = self.protected_material_text.to_dict()

        protected_material_code: dict[str, Any] | Unset = UNSET
        if not isinstance(self.protected_material_code, Unset):
            protected_material_code = self.protected_material_code.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if hate is not UNSET:
            field_dict["hate"] = hate
        if self_harm is not UNSET:
            field_dict["self_harm"] = self_harm
        if sexual is not UNSET:
            field_dict["sexual"] = sexual
        if violence is not UNSET:
            field_dict["violence"] = violence
        if jailbreak is not UNSET:
            field_dict["jailbreak"] = jailbreak
        if protected_material_text is not UNSET:
            field_dict["protected_material_text"] = protected_material_text
        if protected_material_code is not UNSET:
            field_dict["protected_material_code"] = protected_material_code

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        ContentFilterDetectedResult, ContentFilterSeverityResult = _lazy_imports()
        d = dict(src_dict)
        _hate = d.pop("hate", UNSET)
        hate: ContentFilterSeverityResult | Unset
        if isinstance(_hate, Unset):
            hate = UNSET
        else:
            hate = ContentFilterSeverityResult.from_dict(_hate)

        _self_harm = d.pop("self_harm", UNSET)
        self_harm: ContentFilterSeverityResult | Unset
        if isinstance(_self_harm, Unset):
            self_harm = UNSET
        else:
            self_harm = ContentFilterSeverityResult.from_dict(_self_harm)

        _sexual = d.pop("sexual", UNSET)
        sexual: ContentFilterSeverityResult | Unset
        if isinstance(_sexual, Unset):
            sexual = UNSET
        else:
            sexual = ContentFilterSeverityResult.from_dict(_sexual)

        _violence = d.pop("violence", UNSET)
        violence: ContentFilterSeverityResult | Unset
        if isinstance(_violence, Unset):
            violence = UNSET
        else:
            violence = ContentFilterSeverityResult.from_dict(_violence)

        _jailbreak = d.pop("jailbreak", UNSET)
        jailbreak: ContentFilterDetectedResult | Unset
        if isinstance(_jailbreak, Unset):
            jailbreak = UNSET
        else:
            jailbreak = ContentFilterDetectedResult.from_dict(_jailbreak)

        _protected_material_text = d.pop("protected_material_text", UNSET)
        protected_material_text: ContentFilterDetectedResult | Unset
        if isinstance(_protected_material_text, Unset):
            protected_material_text = UNSET
        else:
            protected_material_text = ContentFilterDetectedResult.from_dict(
                _protected_material_text
            )

        _protected_material_code = d.pop("protected_material_code", UNSET)
        protected_material_code: ContentFilterDetectedResult | Unset
        if isinstance(_protected_material_code, Unset):
            protected_material_code = UNSET
        else:
            protected_material_code = ContentFilterDetectedResult.from_dict(
                _protected_material_code
            )

        content_filter_result = cls(
            hate=hate,
            self_harm=self_harm,
            sexual=sexual,
            violence=violence,
            jailbreak=jailbreak,
            protected_material_text=protected_material_text,
            protected_material_code=protected_material_code,
        )

        content_filter_result.additional_properties = d
        return content_filter_result

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
