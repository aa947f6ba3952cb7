"""Contains all the data models used in inputs/outputs.

Each model is imported on first access (PEP 562), so `import pollinations_client` does not
pay for the ones a program never touches. Type checkers see ordinary imports.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .account_balance import AccountBalance
    from .assistant_message import AssistantMessage
    from .audio_format import AudioFormat
    from .audio_output_options import AudioOutputOptions
    from .audio_voice import AudioVoice
    from .builtin_tool import BuiltinTool
    from .builtin_tool_type import BuiltinToolType
    from .cache_control import CacheControl
    from .cache_control_type import CacheControlType
    from .chat_completion import ChatCompletion
    from .chat_completion_choice import ChatCompletionChoice
    from .chat_completion_chunk import ChatCompletionChunk
    from .chat_completion_chunk_choice import ChatCompletionChunkChoice
    from .chat_completion_message import ChatCompletionMessage
    from .chat_completion_request import ChatCompletionRequest
    from .chat_completion_request_logit_bias_type_0 import ChatCompletionRequestLogitBiasType0
    from .choice_delta import ChoiceDelta
    from .choice_logprobs import ChoiceLogprobs
    from .completion_tokens_details import CompletionTokensDetails
    from .completion_usage import CompletionUsage
    from .content_filter_detected_result import ContentFilterDetectedResult
    from .content_filter_result import ContentFilterResult
    from .content_filter_severity import ContentFilterSeverity
    from .content_filter_severity_result import ContentFilterSeverityResult
    from .custom_content_part import CustomContentPart
    from .developer_message import DeveloperMessage
    from .error_details import ErrorDetails
    from .error_info import ErrorInfo
    from .error_response import ErrorResponse
    from .file_content_part import FileContentPart
    from .file_data import FileData
    from .function_call import FunctionCall
    from .function_call_mode import FunctionCallMode
    from .function_definition import FunctionDefinition
    from .function_definition_parameters import FunctionDefinitionParameters
    from .function_message import FunctionMessage
    from .function_tool import FunctionTool
    from .image_model_name import ImageModelName
    from .image_quality import ImageQuality
    from .image_url import ImageUrl
    from .image_url_content_part import ImageUrlContentPart
    from .image_url_detail import ImageUrlDetail
    from .input_audio import InputAudio
    from .input_audio_content_part import InputAudioContentPart
    from .json_schema_format import JsonSchemaFormat
    from .json_schema_format_schema import JsonSchemaFormatSchema
    from .legacy_function import LegacyFunction
    from .legacy_function_parameters import LegacyFunctionParameters
    from .message_audio import MessageAudio
    from .modality import Modality
    from .model import Model
    from .model_info import ModelInfo
    from .model_list import ModelList
    from .model_pricing import ModelPricing
    from .named_function_call import NamedFunctionCall
    from .named_tool_choice import NamedToolChoice
    from .named_tool_choice_function import NamedToolChoiceFunction
    from .prompt_filter_result import PromptFilterResult
    from .prompt_tokens_details import PromptTokensDetails
    from .reasoning_effort import ReasoningEffort
    from .redacted_thinking_content_block import RedactedThinkingContentBlock
    from .response_format_json_object import ResponseFormatJsonObject
    from .response_format_json_schema import ResponseFormatJsonSchema
    from .response_format_text import ResponseFormatText
    from .stream_options import StreamOptions
    from .system_message import SystemMessage
    from .text_content_part import TextContentPart
    from .text_model_name import TextModelName
    from .thinking_content_block import ThinkingContentBlock
    from .thinking_options import ThinkingOptions
    from .thinking_options_type import ThinkingOptionsType
    from .tier import Tier
    from .token_logprob import TokenLogprob
    from .tool_call import ToolCall
    from .tool_call_delta import ToolCallDelta
    from .tool_call_function import ToolCallFunction
    from .tool_call_function_delta import ToolCallFunctionDelta
    from .tool_choice_mode import ToolChoiceMode
    from .tool_message import ToolMessage
    from .top_logprob import TopLogprob
    from .usage_format import UsageFormat
    from .usage_record import UsageRecord
    from .usage_response import UsageResponse
    from .user_message import UserMessage
    from .user_profile import UserProfile
    from .validation_error_details import ValidationErrorDetails
    from .validation_error_details_field_errors import ValidationErrorDetailsFieldErrors
    from .validation_error_info import ValidationErrorInfo
    from .validation_error_response import ValidationErrorResponse
    from .video_url import VideoUrl
    from .video_url_content_part import VideoUrlContentPart

_MODULES = {
    "AccountBalance": ".account_balance",
    "AssistantMessage": ".assistant_message",
    "AudioFormat": ".audio_format",
    "AudioOutputOptions": ".audio_output_options",
    "AudioVoice": ".audio_voice",
    "BuiltinTool": ".builtin_tool",
    "BuiltinToolType": ".builtin_tool_type",
    "CacheControl": ".cache_control",
    "CacheControlType": ".cache_control_type",
    "ChatCompletion": ".chat_completion",
    "ChatCompletionChoice": ".chat_completion_choice",
    "ChatCompletionChunk": ".chat_completion_chunk",
    "ChatCompletionChunkChoice": ".chat_completion_chunk_choice",
    "ChatCompletionMessage": ".chat_completion_message",
    "ChatCompletionRequest": ".chat_completion_request",
    "ChatCompletionRequestLogitBiasType0": ".chat_completion_request_logit_bias_type_0",
    "ChoiceDelta": ".choice_delta",
    "ChoiceLogprobs": ".choice_logprobs",
    "CompletionTokensDetails": ".completion_tokens_details",
    "CompletionUsage": ".completion_usage",
    "ContentFilterDetectedResult": ".content_filter_detected_result",
    "ContentFilterResult": ".content_filter_result",
    "ContentFilterSeverity": ".content_filter_severity",
    "ContentFilterSeverityResult": ".content_filter_severity_result",
    "CustomContentPart": ".custom_content_part",
    "DeveloperMessage": ".developer_message",
    "ErrorDetails": ".error_details",
    "ErrorInfo": ".error_info",
    "ErrorResponse": ".error_response",
    "FileContentPart": ".file_content_part",
    "FileData": ".file_data",
    "FunctionCall": ".function_call",
    "FunctionCallMode": ".function_call_mode",
    "FunctionDefinition": ".function_definition",
    "FunctionDefinitionParameters": ".function_definition_parameters",
    "FunctionMessage": ".function_message",
    "FunctionTool": ".function_tool",
    "ImageModelName": ".image_model_name",
    "ImageQuality": ".image_quality",
    "ImageUrl": ".image_url",
    "ImageUrlContentPart": ".image_url_content_part",
    "ImageUrlDetail": ".image_url_detail",
    "InputAudio": ".input_audio",
    "InputAudioContentPart": ".input_audio_content_part",
    "JsonSchemaFormat": ".json_schema_format",
    "JsonSchemaFormatSchema": ".json_schema_format_schema",
    "LegacyFunction": ".legacy_function",
    "LegacyFunctionParameters": ".legacy_function_parameters",
    "MessageAudio": ".message_audio",
    "Modality": ".modality",
    "Model": ".model",
    "ModelInfo": ".model_info",
    "ModelList": ".model_list",
    "ModelPricing": ".model_pricing",
    "NamedFunctionCall": ".named_function_call",
    "NamedToolChoice": ".named_tool_choice",
    "NamedToolChoiceFunction": ".named_tool_choice_function",
    "PromptFilterResult": ".prompt_filter_result",
    "PromptTokensDetails": ".prompt_tokens_details",
    "ReasoningEffort": ".reasoning_effort",
    "RedactedThinkingContentBlock": ".redacted_thinking_content_block",
    "ResponseFormatJsonObject": ".response_format_json_object",
    "ResponseFormatJsonSchema": ".response_format_json_schema",
    "ResponseFormatText": ".response_format_text",
    "StreamOptions": ".stream_options",
    "SystemMessage": ".system_message",
    "TextContentPart": ".text_content_part",
    "TextModelName": ".text_model_name",
    "ThinkingContentBlock": ".thinking_content_block",
    "ThinkingOptions": ".thinking_options",
    "ThinkingOptionsType": ".thinking_options_type",
    "Tier": ".tier",
    "TokenLogprob": ".token_logprob",
    "ToolCall": ".tool_call",
    "ToolCallDelta": ".tool_call_delta",
    "ToolCallFunction": ".tool_call_function",
    "ToolCallFunctionDelta": ".tool_call_function_delta",
    "ToolChoiceMode": ".tool_choice_mode",
    "ToolMessage": ".tool_message",
    "TopLogprob": ".top_logprob",
    "UsageFormat": ".usage_format",
    "UsageRecord": ".usage_record",
    "UsageResponse": ".usage_response",
    "UserMessage": ".user_message",
    "UserProfile": ".user_profile",
    "ValidationErrorDetails": ".validation_error_details",
    "ValidationErrorDetailsFieldErrors": ".validation_error_details_field_errors",
    "ValidationErrorInfo": ".validation_error_info",
    "ValidationErrorResponse": ".validation_error_response",
    "VideoUrl": ".video_url",
    "VideoUrlContentPart": ".video_url_content_part",
}


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


__all__ = (
    "AccountBalance",
    "AssistantMessage",
    "AudioFormat",
    "AudioOutputOptions",
    "AudioVoice",
    "BuiltinTool",
    "BuiltinToolType",
    "CacheControl",
    "CacheControlType",
    "ChatCompletion",
    "ChatCompletionChoice",
    "ChatCompletionChunk",
    "ChatCompletionChunkChoice",
    "ChatCompletionMessage",
    "ChatCompletionRequest",
    "ChatCompletionRequestLogitBiasType0",
    "ChoiceDelta",
    "ChoiceLogprobs",
    "CompletionTokensDetails",
    "CompletionUsage",
    "ContentFilterDetectedResult",
    "ContentFilterResult",
    "ContentFilterSeverity",
    "ContentFilterSeverityResult",
    "CustomContentPart",
    "DeveloperMessage",
    "ErrorDetails",
    "ErrorInfo",
    "ErrorResponse",
    "FileContentPart",
    "FileData",
    "FunctionCall",
    "FunctionCallMode",
    "FunctionDefinition",
    "FunctionDefinitionParameters",
    "FunctionMessage",
    "FunctionTool",
    "ImageModelName",
    "ImageQuality",
    "ImageUrl",
    "ImageUrlContentPart",
    "ImageUrlDetail",
    "InputAudio",
    "InputAudioContentPart",
    "JsonSchemaFormat",
    "JsonSchemaFormatSchema",
    "LegacyFunction",
    "LegacyFunctionParameters",
    "MessageAudio",
    "Modality",
    "Model",
    "ModelInfo",
    "ModelList",
    "ModelPricing",
    "NamedFunctionCall",
    "NamedToolChoice",
    "NamedToolChoiceFunction",
    "PromptFilterResult",
    "PromptTokensDetails",
    "ReasoningEffort",
    "RedactedThinkingContentBlock",
    "ResponseFormatJsonObject",
    "ResponseFormatJsonSchema",
    "ResponseFormatText",
    "StreamOptions",
    "SystemMessage",
    "TextContentPart",
    "TextModelName",
    "ThinkingContentBlock",
    "ThinkingOptions",
    "ThinkingOptionsType",
    "Tier",
    "TokenLogprob",
    "ToolCall",
    "ToolCallDelta",
    "ToolCallFunction",
    "ToolCallFunctionDelta",
    "ToolChoiceMode",
    "ToolMessage",
    "TopLogprob",
    "UsageFormat",
    "UsageRecord",
    "UsageResponse",
    "UserMessage",
    "UserProfile",
    "ValidationErrorDetails",
    "ValidationErrorDetailsFieldErrors",
    "ValidationErrorInfo",
    "ValidationErrorResponse",
    "VideoUrl",
    "VideoUrlContentPart",
)
