# Generated from openapi.yaml by `make generate`; do not edit.
from __future__ import annotations

from typing import TYPE_CHECKING

# The runtime is used as `_t.*` only: a model of the API may itself be called `Model`.
from .. import types as _t

if TYPE_CHECKING:
    from ..models.content_filter_detected_result import ContentFilterDetectedResult
    from ..models.content_filter_severity_result import ContentFilterSeverityResult


class ContentFilterResult(_t.Model):
    """The `ContentFilterResult` object of the pollinations.ai API."""

    __slots__ = ()

    hate: _t.Field[ContentFilterSeverityResult | None] = _t.Field(
        "hate", _t.model("ContentFilterSeverityResult")
    )
    self_harm: _t.Field[ContentFilterSeverityResult | None] = _t.Field(
        "self_harm", _t.model("ContentFilterSeverityResult")
    )
    sexual: _t.Field[ContentFilterSeverityResult | None] = _t.Field(
        "sexual", _t.model("ContentFilterSeverityResult")
    )
    violence: _t.Field[ContentFilterSeverityResult | None] = _t.Field(
        "violence", _t.model("ContentFilterSeverityResult")
    )
    jailbreak: _t.Field[ContentFilterDetectedResult | None] = _t.Field(
        "jailbreak", _t.model("ContentFilterDetectedResult")
    )
    protected_material_text: _t.Field[ContentFilterDetectedResult | None] = _t.Field(
        "protected_material_text", _t.model("ContentFilterDetectedResult")
    )
    protected_material_code: _t.Field[ContentFilterDetectedResult | None] = _t.Field(
        "protected_material_code", _t.model("ContentFilterDetectedResult")
    )

    def __init__(
        self,
        *,
        hate: ContentFilterSeverityResult | None = None,
        self_harm: ContentFilterSeverityResult | None = None,
        sexual: ContentFilterSeverityResult | None = None,
        violence: ContentFilterSeverityResult | None = None,
        jailbreak: ContentFilterDetectedResult | None = None,
        protected_material_text: ContentFilterDetectedResult | None = None,
        protected_material_code: ContentFilterDetectedResult | None = None,
    ) -> None:
        self._init(
            {
                "hate": hate,
                "self_harm": self_harm,
                "sexual": sexual,
                "violence": violence,
                "jailbreak": jailbreak,
                "protected_material_text": protected_material_text,
                "protected_material_code": protected_material_code,
            }
        )
