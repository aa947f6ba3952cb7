"""Contains all the data models used in inputs/outputs"""

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
