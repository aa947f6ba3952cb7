# Generated from openapi.yaml by `make generate`; do not edit.
"""Contains all the data models used in inputs/outputs.

Each model is imported on first access (PEP 562), so `import pollinations_client` does not
pay for the ones a program never touches. Type checkers see ordinary imports.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .assistant_message import AssistantMessage
    from .audio_output_options import AudioOutputOptions
    from .audio_output_options_format import AudioOutputOptionsFormat
    from .audio_voice import AudioVoice
    from .balance import Balance
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
    from .chat_completion_request_modalities_item import ChatCompletionRequestModalitiesItem
    from .chat_completion_request_reasoning_effort import ChatCompletionRequestReasoningEffort
    from .choice_delta import ChoiceDelta
    from .choice_logprobs import ChoiceLogprobs
    from .completion_tokens_details import CompletionTokensDetails
    from .completion_usage import CompletionUsage
    from .content_block_image_url import ContentBlockImageUrl
    from .content_block_image_url_detail import ContentBlockImageUrlDetail
    from .content_filter_detected_result import ContentFilterDetectedResult
    from .content_filter_result import ContentFilterResult
    from .content_filter_severity import ContentFilterSeverity
    from .content_filter_severity_result import ContentFilterSeverityResult
    from .custom_content_block import CustomContentBlock
    from .custom_content_part import CustomContentPart
    from .daily_usage import DailyUsage
    from .daily_usage_response import DailyUsageResponse
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
    from .generate_audio_instrumental import GenerateAudioInstrumental
    from .generate_audio_response_format import GenerateAudioResponseFormat
    from .image_model_name import ImageModelName
    from .image_quality import ImageQuality
    from .image_url import ImageUrl
    from .image_url_content_block import ImageUrlContentBlock
    from .image_url_content_part import ImageUrlContentPart
    from .image_url_detail import ImageUrlDetail
    from .input_audio import InputAudio
    from .input_audio_content_part import InputAudioContentPart
    from .input_audio_format import InputAudioFormat
    from .json_schema_format import JsonSchemaFormat
    from .json_schema_format_schema import JsonSchemaFormatSchema
    from .key_info import KeyInfo
    from .key_permissions import KeyPermissions
    from .key_type import KeyType
    from .legacy_function import LegacyFunction
    from .legacy_function_parameters import LegacyFunctionParameters
    from .logit_bias import LogitBias
    from .message_audio import MessageAudio
    from .model import Model
    from .model_info import ModelInfo
    from .model_list import ModelList
    from .model_pricing import ModelPricing
    from .named_function_call import NamedFunctionCall
    from .named_tool_choice import NamedToolChoice
    from .named_tool_choice_function import NamedToolChoiceFunction
    from .prompt_filter_result import PromptFilterResult
    from .prompt_tokens_details import PromptTokensDetails
    from .redacted_thinking_content_block import RedactedThinkingContentBlock
    from .response_format_json_object import ResponseFormatJsonObject
    from .response_format_json_schema import ResponseFormatJsonSchema
    from .response_format_text import ResponseFormatText
    from .speech_request import SpeechRequest
    from .speech_request_response_format import SpeechRequestResponseFormat
    from .stream_options import StreamOptions
    from .system_message import SystemMessage
    from .text_content_block import TextContentBlock
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
    from .transcription import Transcription
    from .transcription_request import TranscriptionRequest
    from .transcription_request_response_format import TranscriptionRequestResponseFormat
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
    "AssistantMessage": ".assistant_message",
    "AudioOutputOptions": ".audio_output_options",
    "AudioOutputOptionsFormat": ".audio_output_options_format",
    "AudioVoice": ".audio_voice",
    "Balance": ".balance",
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
    "ChatCompletionRequestModalitiesItem": ".chat_completion_request_modalities_item",
    "ChatCompletionRequestReasoningEffort": ".chat_completion_request_reasoning_effort",
    "ChoiceDelta": ".choice_delta",
    "ChoiceLogprobs": ".choice_logprobs",
    "CompletionTokensDetails": ".completion_tokens_details",
    "CompletionUsage": ".completion_usage",
    "ContentBlockImageUrl": ".content_block_image_url",
    "ContentBlockImageUrlDetail": ".content_block_image_url_detail",
    "ContentFilterDetectedResult": ".content_filter_detected_result",
    "ContentFilterResult": ".content_filter_result",
    "ContentFilterSeverity": ".content_filter_severity",
    "ContentFilterSeverityResult": ".content_filter_severity_result",
    "CustomContentBlock": ".custom_content_block",
    "CustomContentPart": ".custom_content_part",
    "DailyUsage": ".daily_usage",
    "DailyUsageResponse": ".daily_usage_response",
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
    "GenerateAudioInstrumental": ".generate_audio_instrumental",
    "GenerateAudioResponseFormat": ".generate_audio_response_format",
    "ImageModelName": ".image_model_name",
    "ImageQuality": ".image_quality",
    "ImageUrl": ".image_url",
    "ImageUrlContentBlock": ".image_url_content_block",
    "ImageUrlContentPart": ".image_url_content_part",
    "ImageUrlDetail": ".image_url_detail",
    "InputAudio": ".input_audio",
    "InputAudioContentPart": ".input_audio_content_part",
    "InputAudioFormat": ".input_audio_format",
    "JsonSchemaFormat": ".json_schema_format",
    "JsonSchemaFormatSchema": ".json_schema_format_schema",
    "KeyInfo": ".key_info",
    "KeyPermissions": ".key_permissions",
    "KeyType": ".key_type",
    "LegacyFunction": ".legacy_function",
    "LegacyFunctionParameters": ".legacy_function_parameters",
    "LogitBias": ".logit_bias",
    "MessageAudio": ".message_audio",
    "Model": ".model",
    "ModelInfo": ".model_info",
    "ModelList": ".model_list",
    "ModelPricing": ".model_pricing",
    "NamedFunctionCall": ".named_function_call",
    "NamedToolChoice": ".named_tool_choice",
    "NamedToolChoiceFunction": ".named_tool_choice_function",
    "PromptFilterResult": ".prompt_filter_result",
    "PromptTokensDetails": ".prompt_tokens_details",
    "RedactedThinkingContentBlock": ".redacted_thinking_content_block",
    "ResponseFormatJsonObject": ".response_format_json_object",
    "ResponseFormatJsonSchema": ".response_format_json_schema",
    "ResponseFormatText": ".response_format_text",
    "SpeechRequest": ".speech_request",
    "SpeechRequestResponseFormat": ".speech_request_response_format",
    "StreamOptions": ".stream_options",
    "SystemMessage": ".system_message",
    "TextContentBlock": ".text_content_block",
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
    "Transcription": ".transcription",
    "TranscriptionRequest": ".transcription_request",
    "TranscriptionRequestResponseFormat": ".transcription_request_response_format",
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
    "AssistantMessage",
    "AudioOutputOptions",
    "AudioOutputOptionsFormat",
    "AudioVoice",
    "Balance",
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
    "ChatCompletionRequestModalitiesItem",
    "ChatCompletionRequestReasoningEffort",
    "ChoiceDelta",
    "ChoiceLogprobs",
    "CompletionTokensDetails",
    "CompletionUsage",
    "ContentBlockImageUrl",
    "ContentBlockImageUrlDetail",
    "ContentFilterDetectedResult",
    "ContentFilterResult",
    "ContentFilterSeverity",
    "ContentFilterSeverityResult",
    "CustomContentBlock",
    "CustomContentPart",
    "DailyUsage",
    "DailyUsageResponse",
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
    "GenerateAudioInstrumental",
    "GenerateAudioResponseFormat",
    "ImageModelName",
    "ImageQuality",
    "ImageUrl",
    "ImageUrlContentBlock",
    "ImageUrlContentPart",
    "ImageUrlDetail",
    "InputAudio",
    "InputAudioContentPart",
    "InputAudioFormat",
    "JsonSchemaFormat",
    "JsonSchemaFormatSchema",
    "KeyInfo",
    "KeyPermissions",
    "KeyType",
    "LegacyFunction",
    "LegacyFunctionParameters",
    "LogitBias",
    "MessageAudio",
    "Model",
    "ModelInfo",
    "ModelList",
    "ModelPricing",
    "NamedFunctionCall",
    "NamedToolChoice",
    "NamedToolChoiceFunction",
    "PromptFilterResult",
    "PromptTokensDetails",
    "RedactedThinkingContentBlock",
    "ResponseFormatJsonObject",
    "ResponseFormatJsonSchema",
    "ResponseFormatText",
    "SpeechRequest",
    "SpeechRequestResponseFormat",
    "StreamOptions",
    "SystemMessage",
    "TextContentBlock",
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
    "Transcription",
    "TranscriptionRequest",
    "TranscriptionRequestResponseFormat",
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
