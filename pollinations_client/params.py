# Generated from openapi.yaml by `make generate`; do not edit.
"""Every operation's arguments, from openapi.yaml: Python names, types, bounds, descriptions.

`OPERATIONS` maps each operationId to its `OperationSpec` (see types.py): where each
argument travels and its JSON Schema, which the `custom` layer checks every argument
against before sending anything. The `...Params` TypedDicts are the keyword arguments of
the `custom` layer's methods (`**params: Unpack[GenerateImageParams]`); None, or leaving an
argument out, means "not given", so the server applies its own default.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal, TypedDict

from .types import OperationSpec, ParameterSpec

if TYPE_CHECKING:
    from typing_extensions import Required

    from .models import (
        AudioOutputOptions,
        AudioVoice,
        BuiltinTool,
        ChatCompletionRequestModalitiesItem,
        ChatCompletionRequestReasoningEffort,
        FunctionCallMode,
        FunctionTool,
        GenerateAudioInstrumental,
        GenerateAudioResponseFormat,
        ImageModelName,
        ImageQuality,
        LegacyFunction,
        LogitBias,
        NamedFunctionCall,
        NamedToolChoice,
        ResponseFormatJsonObject,
        ResponseFormatJsonSchema,
        ResponseFormatText,
        SpeechRequestResponseFormat,
        StreamOptions,
        TextModelName,
        ThinkingOptions,
        ToolChoiceMode,
    )

GET_ACCOUNT_PROFILE = OperationSpec(
    operation_id="get_account_profile",
    method="GET",
    path="/account/profile",
    module="pollinations_client.api.account.get_account_profile",
    parameters=(),
    body_model=None,
    body_type=None,
    needs_key=True,
    billable=False,
    description="Get user profile info (name, email, GitHub username, tier, createdAt, nextResetAt). Requires `account:profile` permission for API keys.",
    args_doc="",
)


class GetAccountProfileParams(TypedDict, total=False):
    """The keyword arguments of GET /account/profile (get_account_profile)."""


GET_ACCOUNT_BALANCE = OperationSpec(
    operation_id="get_account_balance",
    method="GET",
    path="/account/balance",
    module="pollinations_client.api.account.get_account_balance",
    parameters=(),
    body_model=None,
    body_type=None,
    needs_key=True,
    billable=False,
    description="Get pollen balance. Returns the key's remaining budget if set, otherwise the user's total balance. Requires `account:balance` permission for API keys.",
    args_doc="",
)


class GetAccountBalanceParams(TypedDict, total=False):
    """The keyword arguments of GET /account/balance (get_account_balance)."""


GET_ACCOUNT_USAGE = OperationSpec(
    operation_id="get_account_usage",
    method="GET",
    path="/account/usage",
    module="pollinations_client.api.account.get_account_usage",
    parameters=(
        ParameterSpec(
            name="format",
            argument="format_",
            wire="format",
            location="query",
            required=False,
            schema={"type": "string", "enum": ["json", "csv"]},
            description="",
            default=None,
            help="One of json, csv.",
        ),
        ParameterSpec(
            name="limit",
            argument="limit",
            wire="limit",
            location="query",
            required=False,
            schema={"type": "number", "minimum": 1, "maximum": 50000},
            description="",
            default=100,
            help="From 1 to 50000. Server default: 100.",
        ),
        ParameterSpec(
            name="before",
            argument="before",
            wire="before",
            location="query",
            required=False,
            schema={"type": "string"},
            description="",
            default=None,
            help="",
        ),
    ),
    body_model=None,
    body_type=None,
    needs_key=True,
    billable=False,
    description="Get request history and spending data. Supports JSON and CSV formats. Requires `account:usage` permission for API keys.",
    args_doc="format (UsageFormat | None): One of json, csv.\nlimit (float | None): From 1 to 50000. Server default: 100.\nbefore (str | None):",
)


class GetAccountUsageParams(TypedDict, total=False):
    """The keyword arguments of GET /account/usage (get_account_usage)."""

    limit: float | None

    before: str | None


GET_ACCOUNT_USAGE_DAILY = OperationSpec(
    operation_id="get_account_usage_daily",
    method="GET",
    path="/account/usage/daily",
    module="pollinations_client.api.account.get_account_usage_daily",
    parameters=(
        ParameterSpec(
            name="format",
            argument="format_",
            wire="format",
            location="query",
            required=False,
            schema={"type": "string", "enum": ["json", "csv"]},
            description="",
            default=None,
            help="One of json, csv.",
        ),
    ),
    body_model=None,
    body_type=None,
    needs_key=True,
    billable=False,
    description="Get daily aggregated usage data (last 90 days). Supports JSON and CSV formats. Requires `account:usage` permission for API keys. Results are cached for 1 hour.",
    args_doc="format (UsageFormat | None): One of json, csv.",
)


class GetAccountUsageDailyParams(TypedDict, total=False):
    """The keyword arguments of GET /account/usage/daily (get_account_usage_daily)."""


GET_ACCOUNT_KEY = OperationSpec(
    operation_id="get_account_key",
    method="GET",
    path="/account/key",
    module="pollinations_client.api.account.get_account_key",
    parameters=(),
    body_model=None,
    body_type=None,
    needs_key=True,
    billable=False,
    description="Get API key status and information. Returns key validity, type, expiry, permissions, and remaining budget. This endpoint allows validating keys without making expensive generation requests. Requires API key authentication.",
    args_doc="",
)


class GetAccountKeyParams(TypedDict, total=False):
    """The keyword arguments of GET /account/key (get_account_key)."""


LIST_MODELS = OperationSpec(
    operation_id="list_models",
    method="GET",
    path="/v1/models",
    module="pollinations_client.api.models.list_models",
    parameters=(),
    body_model=None,
    body_type=None,
    needs_key=False,
    billable=False,
    description="Get available text models (OpenAI-compatible). If an API key with model restrictions is provided, only allowed models are returned.",
    args_doc="",
)


class ListModelsParams(TypedDict, total=False):
    """The keyword arguments of GET /v1/models (list_models)."""


LIST_IMAGE_MODELS = OperationSpec(
    operation_id="list_image_models",
    method="GET",
    path="/image/models",
    module="pollinations_client.api.models.list_image_models",
    parameters=(),
    body_model=None,
    body_type=None,
    needs_key=False,
    billable=False,
    description="Get a list of available image generation models with pricing, capabilities, and metadata. If an API key with model restrictions is provided, only allowed models are returned.",
    args_doc="",
)


class ListImageModelsParams(TypedDict, total=False):
    """The keyword arguments of GET /image/models (list_image_models)."""


LIST_TEXT_MODELS = OperationSpec(
    operation_id="list_text_models",
    method="GET",
    path="/text/models",
    module="pollinations_client.api.models.list_text_models",
    parameters=(),
    body_model=None,
    body_type=None,
    needs_key=False,
    billable=False,
    description="Get a list of available text generation models with pricing, capabilities, and metadata. If an API key with model restrictions is provided, only allowed models are returned.",
    args_doc="",
)


class ListTextModelsParams(TypedDict, total=False):
    """The keyword arguments of GET /text/models (list_text_models)."""


LIST_AUDIO_MODELS = OperationSpec(
    operation_id="list_audio_models",
    method="GET",
    path="/audio/models",
    module="pollinations_client.api.models.list_audio_models",
    parameters=(),
    body_model=None,
    body_type=None,
    needs_key=False,
    billable=False,
    description="Get a list of available audio models with pricing, capabilities, and metadata. If an API key with model restrictions is provided, only allowed models are returned.",
    args_doc="",
)


class ListAudioModelsParams(TypedDict, total=False):
    """The keyword arguments of GET /audio/models (list_audio_models)."""


CREATE_CHAT_COMPLETION = OperationSpec(
    operation_id="create_chat_completion",
    method="POST",
    path="/v1/chat/completions",
    module="pollinations_client.api.chat.create_chat_completion",
    parameters=(
        ParameterSpec(
            name="messages",
            argument="messages",
            wire="messages",
            location="body",
            required=True,
            schema={"type": "array", "items": {"type": "object"}},
            description="",
            default=None,
            help="",
        ),
        ParameterSpec(
            name="model",
            argument="model",
            wire="model",
            location="body",
            required=False,
            schema={"type": "string"},
            description="AI model for text generation. See /v1/models for full list.",
            default="openai",
            help="AI model for text generation. See /v1/models for full list. Server default: 'openai'.",
        ),
        ParameterSpec(
            name="modalities",
            argument="modalities",
            wire="modalities",
            location="body",
            required=False,
            schema={"type": "array", "items": {"type": "string", "enum": ["text", "audio"]}},
            description="",
            default=None,
            help="",
        ),
        ParameterSpec(
            name="audio",
            argument="audio",
            wire="audio",
            location="body",
            required=False,
            schema={"type": "object"},
            description="",
            default=None,
            help="",
        ),
        ParameterSpec(
            name="frequency_penalty",
            argument="frequency_penalty",
            wire="frequency_penalty",
            location="body",
            required=False,
            schema={"anyOf": [{"type": "number", "minimum": -2, "maximum": 2}, {"type": "null"}]},
            description="",
            default=0,
            help="Server default: 0.",
        ),
        ParameterSpec(
            name="repetition_penalty",
            argument="repetition_penalty",
            wire="repetition_penalty",
            location="body",
            required=False,
            schema={"anyOf": [{"type": "number", "minimum": 0, "maximum": 2}, {"type": "null"}]},
            description="",
            default=None,
            help="",
        ),
        ParameterSpec(
            name="logit_bias",
            argument="logit_bias",
            wire="logit_bias",
            location="body",
            required=False,
            schema={"anyOf": [{"type": "object"}, {"type": "null"}]},
            description="",
            default=None,
            help="",
        ),
        ParameterSpec(
            name="logprobs",
            argument="logprobs",
            wire="logprobs",
            location="body",
            required=False,
            schema={"anyOf": [{"type": "boolean"}, {"type": "null"}]},
            description="",
            default=False,
            help="Server default: False.",
        ),
        ParameterSpec(
            name="top_logprobs",
            argument="top_logprobs",
            wire="top_logprobs",
            location="body",
            required=False,
            schema={"anyOf": [{"type": "integer", "minimum": 0, "maximum": 20}, {"type": "null"}]},
            description="",
            default=None,
            help="",
        ),
        ParameterSpec(
            name="max_tokens",
            argument="max_tokens",
            wire="max_tokens",
            location="body",
            required=False,
            schema={
                "anyOf": [
                    {"type": "integer", "minimum": 0, "maximum": 9007199254740991},
                    {"type": "null"},
                ]
            },
            description="",
            default=None,
            help="",
        ),
        ParameterSpec(
            name="presence_penalty",
            argument="presence_penalty",
            wire="presence_penalty",
            location="body",
            required=False,
            schema={"anyOf": [{"type": "number", "minimum": -2, "maximum": 2}, {"type": "null"}]},
            description="",
            default=0,
            help="Server default: 0.",
        ),
        ParameterSpec(
            name="response_format",
            argument="response_format",
            wire="response_format",
            location="body",
            required=False,
            schema={"type": "object"},
            description="",
            default=None,
            help="",
        ),
        ParameterSpec(
            name="seed",
            argument="seed",
            wire="seed",
            location="body",
            required=False,
            schema={
                "anyOf": [
                    {"type": "integer", "minimum": -1, "maximum": 9007199254740991},
                    {"type": "null"},
                ]
            },
            description="",
            default=None,
            help="",
        ),
        ParameterSpec(
            name="stop",
            argument="stop",
            wire="stop",
            location="body",
            required=False,
            schema={
                "anyOf": [
                    {"anyOf": [{"type": "string"}, {"type": "null"}]},
                    {"type": "array", "minItems": 1, "maxItems": 4, "items": {"type": "string"}},
                ]
            },
            description="",
            default=None,
            help="",
        ),
        ParameterSpec(
            name="stream",
            argument="stream",
            wire="stream",
            location="body",
            required=False,
            schema={"anyOf": [{"type": "boolean"}, {"type": "null"}]},
            description="",
            default=False,
            help="Server default: False.",
        ),
        ParameterSpec(
            name="stream_options",
            argument="stream_options",
            wire="stream_options",
            location="body",
            required=False,
            schema={"anyOf": [{"type": "object"}, {"type": "null"}]},
            description="",
            default=None,
            help="",
        ),
        ParameterSpec(
            name="thinking",
            argument="thinking",
            wire="thinking",
            location="body",
            required=False,
            schema={"anyOf": [{"type": "object"}, {"type": "null"}]},
            description="",
            default=None,
            help="",
        ),
        ParameterSpec(
            name="reasoning_effort",
            argument="reasoning_effort",
            wire="reasoning_effort",
            location="body",
            required=False,
            schema={
                "type": "string",
                "enum": ["none", "minimal", "low", "medium", "high", "xhigh"],
            },
            description="",
            default=None,
            help="One of none, minimal, low, medium, high, xhigh.",
        ),
        ParameterSpec(
            name="thinking_budget",
            argument="thinking_budget",
            wire="thinking_budget",
            location="body",
            required=False,
            schema={"type": "integer", "minimum": 0, "maximum": 9007199254740991},
            description="",
            default=None,
            help="From 0 to 9007199254740991.",
        ),
        ParameterSpec(
            name="temperature",
            argument="temperature",
            wire="temperature",
            location="body",
            required=False,
            schema={"anyOf": [{"type": "number", "minimum": 0, "maximum": 2}, {"type": "null"}]},
            description="",
            default=1,
            help="Server default: 1.",
        ),
        ParameterSpec(
            name="top_p",
            argument="top_p",
            wire="top_p",
            location="body",
            required=False,
            schema={"anyOf": [{"type": "number", "minimum": 0, "maximum": 1}, {"type": "null"}]},
            description="",
            default=1,
            help="Server default: 1.",
        ),
        ParameterSpec(
            name="tools",
            argument="tools",
            wire="tools",
            location="body",
            required=False,
            schema={"type": "array", "items": {"type": "object"}},
            description="",
            default=None,
            help="",
        ),
        ParameterSpec(
            name="tool_choice",
            argument="tool_choice",
            wire="tool_choice",
            location="body",
            required=False,
            schema={
                "anyOf": [
                    {"type": "string", "enum": ["none", "auto", "required"]},
                    {"type": "object"},
                ]
            },
            description="",
            default=None,
            help="",
        ),
        ParameterSpec(
            name="parallel_tool_calls",
            argument="parallel_tool_calls",
            wire="parallel_tool_calls",
            location="body",
            required=False,
            schema={"type": "boolean"},
            description="",
            default=True,
            help="Server default: True.",
        ),
        ParameterSpec(
            name="user",
            argument="user",
            wire="user",
            location="body",
            required=False,
            schema={"type": "string"},
            description="",
            default=None,
            help="",
        ),
        ParameterSpec(
            name="function_call",
            argument="function_call",
            wire="function_call",
            location="body",
            required=False,
            schema={"anyOf": [{"type": "string", "enum": ["none", "auto"]}, {"type": "object"}]},
            description="",
            default=None,
            help="",
        ),
        ParameterSpec(
            name="functions",
            argument="functions",
            wire="functions",
            location="body",
            required=False,
            schema={"type": "array", "minItems": 1, "maxItems": 128, "items": {"type": "object"}},
            description="",
            default=None,
            help="",
        ),
    ),
    body_model="ChatCompletionRequest",
    body_type="application/json",
    needs_key=True,
    billable=True,
    description="OpenAI-compatible chat completions endpoint. **Legacy endpoint:** `/openai` (deprecated, use `/v1/chat/completions` instead) **Authentication (Secret Keys Only):** Include your API key in the `Authorization` header as a Bearer token: `Authorization: Bearer YOUR_API_KEY` API keys can be created from your dashboard at enter.pollinations.ai. Both key types consume Pollen. Secret keys have no rate limits.",
    args_doc="messages (Sequence[SystemMessage | DeveloperMessage | UserMessage | AssistantMessage |\n    ToolMessage | FunctionMessage | Mapping[str, Any]]):\nmodel (str | None): AI model for text generation. See /v1/models for full list. Server\n    default: 'openai'.\nmodalities (Sequence[ChatCompletionRequestModalitiesItem | Literal['text', 'audio']] |\n    None):\naudio (AudioOutputOptions | Mapping[str, Any] | None):\nfrequency_penalty (float | None): Server default: 0.\nrepetition_penalty (float | None):\nlogit_bias (LogitBias | Mapping[str, Any] | None):\nlogprobs (bool | None): Server default: False.\ntop_logprobs (int | None):\nmax_tokens (int | None):\npresence_penalty (float | None): Server default: 0.\nresponse_format (ResponseFormatText | ResponseFormatJsonSchema |\n    ResponseFormatJsonObject | Mapping[str, Any] | None):\nseed (int | None):\nstop (str | Sequence[str] | None):\nstream (bool | None): Server default: False.\nstream_options (StreamOptions | Mapping[str, Any] | None):\nthinking (ThinkingOptions | Mapping[str, Any] | None):\nreasoning_effort (ChatCompletionRequestReasoningEffort | None): One of none, minimal,\n    low, medium, high, xhigh.\nthinking_budget (int | None): From 0 to 9007199254740991.\ntemperature (float | None): Server default: 1.\ntop_p (float | None): Server default: 1.\ntools (Sequence[FunctionTool | BuiltinTool | Mapping[str, Any]] | None):\ntool_choice (ToolChoiceMode | NamedToolChoice | Mapping[str, Any] | None):\nparallel_tool_calls (bool | None): Server default: True.\nuser (str | None):\nfunction_call (FunctionCallMode | NamedFunctionCall | Mapping[str, Any] | None):\nfunctions (Sequence[LegacyFunction | Mapping[str, Any]] | None):",
)


class CreateChatCompletionParams(TypedDict, total=False):
    """The keyword arguments of POST /v1/chat/completions (create_chat_completion)."""

    modalities: Sequence[ChatCompletionRequestModalitiesItem | Literal["text", "audio"]] | None

    audio: AudioOutputOptions | Mapping[str, Any] | None

    frequency_penalty: float | None

    repetition_penalty: float | None

    logit_bias: LogitBias | Mapping[str, Any] | None

    logprobs: bool | None

    top_logprobs: int | None

    max_tokens: int | None

    presence_penalty: float | None

    response_format: (
        ResponseFormatText
        | ResponseFormatJsonSchema
        | ResponseFormatJsonObject
        | Mapping[str, Any]
        | None
    )

    seed: int | None

    stop: str | Sequence[str] | None

    stream_options: StreamOptions | Mapping[str, Any] | None

    thinking: ThinkingOptions | Mapping[str, Any] | None

    reasoning_effort: (
        ChatCompletionRequestReasoningEffort
        | Literal["none", "minimal", "low", "medium", "high", "xhigh"]
        | None
    )

    thinking_budget: int | None

    temperature: float | None

    top_p: float | None

    tools: Sequence[FunctionTool | BuiltinTool | Mapping[str, Any]] | None

    tool_choice: (
        ToolChoiceMode
        | Literal["none", "auto", "required"]
        | NamedToolChoice
        | Mapping[str, Any]
        | None
    )

    parallel_tool_calls: bool | None

    user: str | None

    function_call: (
        FunctionCallMode | Literal["none", "auto"] | NamedFunctionCall | Mapping[str, Any] | None
    )

    functions: Sequence[LegacyFunction | Mapping[str, Any]] | None


GENERATE_TEXT = OperationSpec(
    operation_id="generate_text",
    method="GET",
    path="/text/{prompt}",
    module="pollinations_client.api.text.generate_text",
    parameters=(
        ParameterSpec(
            name="prompt",
            argument="prompt",
            wire="prompt",
            location="path",
            required=True,
            schema={"type": "string", "minLength": 1},
            description="Text prompt for generation",
            default=None,
            help="Text prompt for generation. At least 1 character.",
        ),
        ParameterSpec(
            name="model",
            argument="model",
            wire="model",
            location="query",
            required=False,
            schema={
                "anyOf": [
                    {
                        "type": "string",
                        "enum": [
                            "openai",
                            "openai-fast",
                            "openai-large",
                            "qwen-coder",
                            "mistral",
                            "openai-audio",
                            "gemini",
                            "gemini-fast",
                            "deepseek",
                            "grok",
                            "gemini-search",
                            "chickytutor",
                            "midijourney",
                            "claude-fast",
                            "claude",
                            "claude-large",
                            "claude-legacy",
                            "perplexity-fast",
                            "perplexity-reasoning",
                            "kimi",
                            "gemini-large",
                            "gemini-legacy",
                            "nova-fast",
                            "glm",
                            "minimax",
                            "qwen-safety",
                        ],
                    },
                    {"type": "string"},
                ]
            },
            description="Text model to use for generation",
            default="openai",
            help="Text model to use for generation. Server default: 'openai'.",
        ),
        ParameterSpec(
            name="seed",
            argument="seed",
            wire="seed",
            location="query",
            required=False,
            schema={"type": "integer", "minimum": -1, "maximum": 9007199254740991},
            description="Random seed for reproducible results. Use -1 for random.",
            default=0,
            help="Random seed for reproducible results. Use -1 for random. From -1 to 9007199254740991. Server default: 0.",
        ),
        ParameterSpec(
            name="system",
            argument="system",
            wire="system",
            location="query",
            required=False,
            schema={"type": "string"},
            description="System prompt to set context/behavior for the model",
            default=None,
            help="System prompt to set context/behavior for the model.",
        ),
        ParameterSpec(
            name="json",
            argument="json",
            wire="json",
            location="query",
            required=False,
            schema={"type": "boolean"},
            description="Return response in JSON format",
            default=False,
            help="Return response in JSON format. Server default: False.",
        ),
        ParameterSpec(
            name="temperature",
            argument="temperature",
            wire="temperature",
            location="query",
            required=False,
            schema={"type": "number"},
            description="Controls creativity (0.0=strict, 2.0=creative)",
            default=None,
            help="Controls creativity (0.0=strict, 2.0=creative).",
        ),
        ParameterSpec(
            name="stream",
            argument="stream",
            wire="stream",
            location="query",
            required=False,
            schema={"type": "boolean"},
            description="Stream response in real-time chunks",
            default=False,
            help="Stream response in real-time chunks. Server default: False.",
        ),
    ),
    body_model=None,
    body_type=None,
    needs_key=True,
    billable=True,
    description="Generates text from text prompts. **Authentication:** Include your API key either: - In the `Authorization` header as a Bearer token: `Authorization: Bearer YOUR_API_KEY` - As a query parameter: `?key=YOUR_API_KEY` API keys can be created from your dashboard at enter.pollinations.ai.",
    args_doc="model (TextModelName | str | None): Text model to use for generation. Server default:\n    'openai'.\nseed (int | None): Random seed for reproducible results. Use -1 for random. From -1 to\n    9007199254740991. Server default: 0.\nsystem (str | None): System prompt to set context/behavior for the model.\njson (bool | None): Return response in JSON format. Server default: False.\ntemperature (float | None): Controls creativity (0.0=strict, 2.0=creative).\nstream (bool | None): Stream response in real-time chunks. Server default: False.",
)


class GenerateTextParams(TypedDict, total=False):
    """The keyword arguments of GET /text/{prompt} (generate_text)."""

    #: Text model to use for generation
    model: (
        TextModelName
        | Literal[
            "openai",
            "openai-fast",
            "openai-large",
            "qwen-coder",
            "mistral",
            "openai-audio",
            "gemini",
            "gemini-fast",
            "deepseek",
            "grok",
            "gemini-search",
            "chickytutor",
            "midijourney",
            "claude-fast",
            "claude",
            "claude-large",
            "claude-legacy",
            "perplexity-fast",
            "perplexity-reasoning",
            "kimi",
            "gemini-large",
            "gemini-legacy",
            "nova-fast",
            "glm",
            "minimax",
            "qwen-safety",
        ]
        | str
        | None
    )

    #: Random seed for reproducible results. Use -1 for random.
    seed: int | None

    #: System prompt to set context/behavior for the model
    system: str | None

    #: Return response in JSON format
    json: bool | None

    #: Controls creativity (0.0=strict, 2.0=creative)
    temperature: float | None


GENERATE_IMAGE = OperationSpec(
    operation_id="generate_image",
    method="GET",
    path="/image/{prompt}",
    module="pollinations_client.api.image.generate_image",
    parameters=(
        ParameterSpec(
            name="prompt",
            argument="prompt",
            wire="prompt",
            location="path",
            required=True,
            schema={"type": "string", "minLength": 1},
            description="Text description of the image or video to generate",
            default=None,
            help="Text description of the image or video to generate. At least 1 character.",
        ),
        ParameterSpec(
            name="model",
            argument="model",
            wire="model",
            location="query",
            required=False,
            schema={
                "anyOf": [
                    {
                        "type": "string",
                        "enum": [
                            "kontext",
                            "nanobanana",
                            "nanobanana-pro",
                            "seedream",
                            "seedream-pro",
                            "gptimage",
                            "gptimage-large",
                            "flux",
                            "zimage",
                            "veo",
                            "seedance",
                            "seedance-pro",
                            "wan",
                            "klein",
                            "klein-large",
                            "ltx-2",
                        ],
                    },
                    {"type": "string"},
                ]
            },
            description="AI model. Image: flux, zimage, turbo, gptimage, kontext, seedream, seedream-pro, nanobanana. Video: veo, seedance, seedance-pro",
            default="zimage",
            help="AI model. Image: flux, zimage, turbo, gptimage, kontext, seedream, seedream-pro, nanobanana. Video: veo, seedance, seedance-pro. Server default: 'zimage'.",
        ),
        ParameterSpec(
            name="width",
            argument="width",
            wire="width",
            location="query",
            required=False,
            schema={"type": "integer", "minimum": 0, "maximum": 9007199254740991},
            description="Image width in pixels",
            default=1024,
            help="Image width in pixels. From 0 to 9007199254740991. Server default: 1024.",
        ),
        ParameterSpec(
            name="height",
            argument="height",
            wire="height",
            location="query",
            required=False,
            schema={"type": "integer", "minimum": 0, "maximum": 9007199254740991},
            description="Image height in pixels",
            default=1024,
            help="Image height in pixels. From 0 to 9007199254740991. Server default: 1024.",
        ),
        ParameterSpec(
            name="seed",
            argument="seed",
            wire="seed",
            location="query",
            required=False,
            schema={"type": "integer", "minimum": -1, "maximum": 2147483647},
            description="Random seed for reproducible results. Use -1 for random.",
            default=0,
            help="Random seed for reproducible results. Use -1 for random. From -1 to 2147483647. Server default: 0.",
        ),
        ParameterSpec(
            name="enhance",
            argument="enhance",
            wire="enhance",
            location="query",
            required=False,
            schema={"type": "boolean"},
            description="Let AI improve your prompt for better results",
            default=False,
            help="Let AI improve your prompt for better results. Server default: False.",
        ),
        ParameterSpec(
            name="negative_prompt",
            argument="negative_prompt",
            wire="negative_prompt",
            location="query",
            required=False,
            schema={"type": "string"},
            description="What to avoid in the generated image",
            default="worst quality, blurry",
            help="What to avoid in the generated image. Server default: 'worst quality, blurry'.",
        ),
        ParameterSpec(
            name="safe",
            argument="safe",
            wire="safe",
            location="query",
            required=False,
            schema={"type": "boolean"},
            description="Enable safety content filters",
            default=False,
            help="Enable safety content filters. Server default: False.",
        ),
        ParameterSpec(
            name="quality",
            argument="quality",
            wire="quality",
            location="query",
            required=False,
            schema={"type": "string", "enum": ["low", "medium", "high", "hd"]},
            description="Image quality level (gptimage only)",
            default=None,
            help="Image quality level (gptimage only). One of low, medium, high, hd.",
        ),
        ParameterSpec(
            name="image",
            argument="image",
            wire="image",
            location="query",
            required=False,
            schema={"type": "string"},
            description="Reference image URL(s). Comma/pipe separated for multiple. For veo: image[0]=first frame, image[1]=last frame (interpolation)",
            default=None,
            help="Reference image URL(s). Comma/pipe separated for multiple. For veo: image[0]=first frame, image[1]=last frame (interpolation).",
        ),
        ParameterSpec(
            name="transparent",
            argument="transparent",
            wire="transparent",
            location="query",
            required=False,
            schema={"type": "boolean"},
            description="Generate with transparent background (gptimage only)",
            default=False,
            help="Generate with transparent background (gptimage only). Server default: False.",
        ),
        ParameterSpec(
            name="duration",
            argument="duration",
            wire="duration",
            location="query",
            required=False,
            schema={"type": "integer", "minimum": 1, "maximum": 10},
            description="Video duration in seconds (video models only). veo: 4, 6, or 8. seedance: 2-10",
            default=None,
            help="Video duration in seconds (video models only). veo: 4, 6, or 8. seedance: 2-10. From 1 to 10.",
        ),
        ParameterSpec(
            name="aspect_ratio",
            argument="aspect_ratio",
            wire="aspectRatio",
            location="query",
            required=False,
            schema={"type": "string"},
            description="Video aspect ratio: 16:9 or 9:16 (veo, seedance)",
            default=None,
            help="Video aspect ratio: 16:9 or 9:16 (veo, seedance).",
        ),
        ParameterSpec(
            name="audio",
            argument="audio",
            wire="audio",
            location="query",
            required=False,
            schema={"type": "boolean"},
            description="Enable audio generation for video (veo only)",
            default=False,
            help="Enable audio generation for video (veo only). Server default: False.",
        ),
    ),
    body_model=None,
    body_type=None,
    needs_key=True,
    billable=True,
    description="Generate an image or video from a text prompt. **Image Models:** `flux` (default), `turbo`, `gptimage`, `kontext`, `seedream`, `nanobanana`, `nanobanana-pro` **Video Models:** `veo`, `seedance` - `veo`: Text-to-video only (4-8 seconds) - `seedance`: Text-to-video and image-to-video (2-10 seconds) **Authentication:** Include your API key either: - In the `Authorization` header as a Bearer token: `Authorization: Bearer YOUR_API_KEY` - As a query parameter: `?key=YOUR_API_KEY` API keys can be created from your dashboard at enter.pollinations.ai.",
    args_doc="model (ImageModelName | str | None): AI model. Image: flux, zimage, turbo, gptimage,\n    kontext, seedream, seedream-pro, nanobanana. Video: veo, seedance, seedance-pro. Server\n    default: 'zimage'.\nwidth (int | None): Image width in pixels. From 0 to 9007199254740991. Server default:\n    1024.\nheight (int | None): Image height in pixels. From 0 to 9007199254740991. Server default:\n    1024.\nseed (int | None): Random seed for reproducible results. Use -1 for random. From -1 to\n    2147483647. Server default: 0.\nenhance (bool | None): Let AI improve your prompt for better results. Server default:\n    False.\nnegative_prompt (str | None): What to avoid in the generated image. Server default:\n    'worst quality, blurry'.\nsafe (bool | None): Enable safety content filters. Server default: False.\nquality (ImageQuality | None): Image quality level (gptimage only). One of low, medium,\n    high, hd.\nimage (str | None): Reference image URL(s). Comma/pipe separated for multiple. For veo:\n    image[0]=first frame, image[1]=last frame (interpolation).\ntransparent (bool | None): Generate with transparent background (gptimage only). Server\n    default: False.\nduration (int | None): Video duration in seconds (video models only). veo: 4, 6, or 8.\n    seedance: 2-10. From 1 to 10.\naspect_ratio (str | None): Video aspect ratio: 16:9 or 9:16 (veo, seedance).\naudio (bool | None): Enable audio generation for video (veo only). Server default:\n    False.",
)


class GenerateImageParams(TypedDict, total=False):
    """The keyword arguments of GET /image/{prompt} (generate_image)."""

    #: AI model. Image: flux, zimage, turbo, gptimage, kontext, seedream, seedream-pro,
    #: nanobanana. Video: veo, seedance, seedance-pro
    model: (
        ImageModelName
        | Literal[
            "kontext",
            "nanobanana",
            "nanobanana-pro",
            "seedream",
            "seedream-pro",
            "gptimage",
            "gptimage-large",
            "flux",
            "zimage",
            "veo",
            "seedance",
            "seedance-pro",
            "wan",
            "klein",
            "klein-large",
            "ltx-2",
        ]
        | str
        | None
    )

    #: Image width in pixels
    width: int | None

    #: Image height in pixels
    height: int | None

    #: Random seed for reproducible results. Use -1 for random.
    seed: int | None

    #: Let AI improve your prompt for better results
    enhance: bool | None

    #: What to avoid in the generated image
    negative_prompt: str | None

    #: Enable safety content filters
    safe: bool | None

    #: Image quality level (gptimage only)
    quality: ImageQuality | Literal["low", "medium", "high", "hd"] | None

    #: Generate with transparent background (gptimage only)
    transparent: bool | None

    #: Video duration in seconds (video models only). veo: 4, 6, or 8. seedance: 2-10
    duration: int | None

    #: Video aspect ratio: 16:9 or 9:16 (veo, seedance)
    aspect_ratio: str | None

    #: Enable audio generation for video (veo only)
    audio: bool | None


GENERATE_AUDIO = OperationSpec(
    operation_id="generate_audio",
    method="GET",
    path="/audio/{text}",
    module="pollinations_client.api.audio.generate_audio",
    parameters=(
        ParameterSpec(
            name="text",
            argument="text",
            wire="text",
            location="path",
            required=True,
            schema={"type": "string", "minLength": 1},
            description="Text to convert to speech, or a music description when model=elevenmusic",
            default=None,
            help="Text to convert to speech, or a music description when model=elevenmusic. At least 1 character.",
        ),
        ParameterSpec(
            name="voice",
            argument="voice",
            wire="voice",
            location="query",
            required=False,
            schema={
                "anyOf": [
                    {
                        "type": "string",
                        "enum": [
                            "alloy",
                            "echo",
                            "fable",
                            "onyx",
                            "shimmer",
                            "ash",
                            "ballad",
                            "coral",
                            "sage",
                            "verse",
                            "rachel",
                            "domi",
                            "bella",
                            "elli",
                            "charlotte",
                            "dorothy",
                            "sarah",
                            "emily",
                            "lily",
                            "matilda",
                            "adam",
                            "antoni",
                            "arnold",
                            "josh",
                            "sam",
                            "daniel",
                            "charlie",
                            "james",
                            "fin",
                            "callum",
                            "liam",
                            "george",
                            "brian",
                            "bill",
                            "amuch",
                            "dan",
                        ],
                    },
                    {"type": "string"},
                ]
            },
            description="Voice to use for speech generation (TTS only)",
            default="alloy",
            help="Voice to use for speech generation (TTS only). Server default: 'alloy'.",
        ),
        ParameterSpec(
            name="response_format",
            argument="response_format",
            wire="response_format",
            location="query",
            required=False,
            schema={"type": "string", "enum": ["mp3", "opus", "aac", "flac", "wav", "pcm"]},
            description="Audio output format (TTS only)",
            default="mp3",
            help="Audio output format (TTS only). One of mp3, opus, aac, flac, wav, pcm. Server default: 'mp3'.",
        ),
        ParameterSpec(
            name="model",
            argument="model",
            wire="model",
            location="query",
            required=False,
            schema={"type": "string"},
            description="Audio model: TTS (default) or elevenmusic for music generation",
            default=None,
            help="Audio model: TTS (default) or elevenmusic for music generation.",
        ),
        ParameterSpec(
            name="duration",
            argument="duration",
            wire="duration",
            location="query",
            required=False,
            schema={"type": "string"},
            description="Music duration in seconds, 3-300 (elevenmusic only)",
            default=None,
            help="Music duration in seconds, 3-300 (elevenmusic only).",
        ),
        ParameterSpec(
            name="instrumental",
            argument="instrumental",
            wire="instrumental",
            location="query",
            required=False,
            schema={"type": "string", "enum": ["true", "false"]},
            description="If true, guarantees instrumental output (elevenmusic only)",
            default="false",
            help="If true, guarantees instrumental output (elevenmusic only). One of true, false. Server default: 'false'.",
        ),
    ),
    body_model=None,
    body_type=None,
    needs_key=True,
    billable=True,
    description="Generate audio from text — speech (TTS) or music. **Models:** Use `model` query param to select: - TTS (default): `elevenlabs`, `tts-1`, etc. - Music: `elevenmusic` (or `music`) **TTS Voices:** alloy, echo, fable, onyx, nova, shimmer, ash, ballad, coral, sage, verse, rachel, domi, bella, elli, charlotte, dorothy, sarah, emily, lily, matilda, adam, antoni, arnold, josh, sam, daniel, charlie, james, fin, callum, liam, george, brian, bill **Output Formats (TTS only):** mp3, opus, aac, flac, wav, pcm **Music options:** `duration` in seconds (3-300), `instrumental=true` **Authentication:** Include your API key either: - In the `Authorization` header as a Bearer token: `Authorization: Bearer YOUR_API_KEY` - As a query parameter: `?key=YOUR_API_KEY` API keys can be created from your dashboard at enter.pollinations.ai.",
    args_doc="voice (AudioVoice | str | None): Voice to use for speech generation (TTS only). Server\n    default: 'alloy'.\nresponse_format (GenerateAudioResponseFormat | None): Audio output format (TTS only).\n    One of mp3, opus, aac, flac, wav, pcm. Server default: 'mp3'.\nmodel (str | None): Audio model: TTS (default) or elevenmusic for music generation.\nduration (str | None): Music duration in seconds, 3-300 (elevenmusic only).\ninstrumental (GenerateAudioInstrumental | None): If true, guarantees instrumental output\n    (elevenmusic only). One of true, false. Server default: 'false'.",
)


class GenerateAudioParams(TypedDict, total=False):
    """The keyword arguments of GET /audio/{text} (generate_audio)."""

    #: Voice to use for speech generation (TTS only)
    voice: (
        AudioVoice
        | Literal[
            "alloy",
            "echo",
            "fable",
            "onyx",
            "shimmer",
            "ash",
            "ballad",
            "coral",
            "sage",
            "verse",
            "rachel",
            "domi",
            "bella",
            "elli",
            "charlotte",
            "dorothy",
            "sarah",
            "emily",
            "lily",
            "matilda",
            "adam",
            "antoni",
            "arnold",
            "josh",
            "sam",
            "daniel",
            "charlie",
            "james",
            "fin",
            "callum",
            "liam",
            "george",
            "brian",
            "bill",
            "amuch",
            "dan",
        ]
        | str
        | None
    )

    #: Audio output format (TTS only)
    response_format: (
        GenerateAudioResponseFormat | Literal["mp3", "opus", "aac", "flac", "wav", "pcm"] | None
    )

    #: Audio model: TTS (default) or elevenmusic for music generation
    model: str | None

    #: Music duration in seconds, 3-300 (elevenmusic only)
    duration: str | None

    #: If true, guarantees instrumental output (elevenmusic only)
    instrumental: GenerateAudioInstrumental | Literal["true", "false"] | None


CREATE_SPEECH = OperationSpec(
    operation_id="create_speech",
    method="POST",
    path="/v1/audio/speech",
    module="pollinations_client.api.audio.create_speech",
    parameters=(
        ParameterSpec(
            name="model",
            argument="model",
            wire="model",
            location="body",
            required=False,
            schema={"type": "string"},
            description="",
            default=None,
            help="",
        ),
        ParameterSpec(
            name="input",
            argument="input_",
            wire="input",
            location="body",
            required=True,
            schema={"type": "string", "minLength": 1, "maxLength": 4096},
            description="The text to generate audio for. Maximum 4096 characters.",
            default=None,
            help="The text to generate audio for. Maximum 4096 characters. 1 to 4096 characters.",
        ),
        ParameterSpec(
            name="voice",
            argument="voice",
            wire="voice",
            location="body",
            required=False,
            schema={
                "anyOf": [
                    {
                        "type": "string",
                        "enum": [
                            "alloy",
                            "echo",
                            "fable",
                            "onyx",
                            "shimmer",
                            "ash",
                            "ballad",
                            "coral",
                            "sage",
                            "verse",
                            "rachel",
                            "domi",
                            "bella",
                            "elli",
                            "charlotte",
                            "dorothy",
                            "sarah",
                            "emily",
                            "lily",
                            "matilda",
                            "adam",
                            "antoni",
                            "arnold",
                            "josh",
                            "sam",
                            "daniel",
                            "charlie",
                            "james",
                            "fin",
                            "callum",
                            "liam",
                            "george",
                            "brian",
                            "bill",
                            "amuch",
                            "dan",
                        ],
                    },
                    {"type": "string"},
                ]
            },
            description="The voice to use. Available voices: alloy, echo, fable, onyx, nova, shimmer, ash, ballad, coral, sage, verse, rachel, domi, bella, elli, charlotte, dorothy, sarah, emily, lily, matilda, adam, antoni, arnold, josh, sam, daniel, charlie, james, fin, callum, liam, george, brian, bill.",
            default="alloy",
            help="The voice to use. Available voices: alloy, echo, fable, onyx, nova, shimmer, ash, ballad, coral, sage, verse, rachel, domi, bella, elli, charlotte, dorothy, sarah, emily, lily, matilda, adam, antoni, arnold, josh, sam, daniel, charlie, james, fin, callum, liam, george, brian, bill. Server default: 'alloy'.",
        ),
        ParameterSpec(
            name="response_format",
            argument="response_format",
            wire="response_format",
            location="body",
            required=False,
            schema={"type": "string", "enum": ["mp3", "opus", "aac", "flac", "wav", "pcm"]},
            description="The audio format for the output.",
            default="mp3",
            help="The audio format for the output. One of mp3, opus, aac, flac, wav, pcm. Server default: 'mp3'.",
        ),
        ParameterSpec(
            name="speed",
            argument="speed",
            wire="speed",
            location="body",
            required=False,
            schema={"type": "number", "minimum": 0.25, "maximum": 4},
            description="The speed of the generated audio. 0.25 to 4.0, default 1.0.",
            default=1,
            help="The speed of the generated audio. 0.25 to 4.0, default 1.0. From 0.25 to 4. Server default: 1.",
        ),
        ParameterSpec(
            name="duration",
            argument="duration",
            wire="duration",
            location="body",
            required=False,
            schema={"type": "number", "minimum": 3, "maximum": 300},
            description="Music duration in seconds, 3-300 (elevenmusic only)",
            default=None,
            help="Music duration in seconds, 3-300 (elevenmusic only). From 3 to 300.",
        ),
        ParameterSpec(
            name="instrumental",
            argument="instrumental",
            wire="instrumental",
            location="body",
            required=False,
            schema={"type": "boolean"},
            description="If true, guarantees instrumental output (elevenmusic only)",
            default=None,
            help="If true, guarantees instrumental output (elevenmusic only).",
        ),
    ),
    body_model="SpeechRequest",
    body_type="application/json",
    needs_key=True,
    billable=True,
    description="Generate audio from text — speech (TTS) or music. This endpoint is OpenAI TTS API compatible. Set `model` to `elevenmusic` (or alias `music`) to generate music instead of speech. **TTS Voices:** alloy, echo, fable, onyx, nova, shimmer, ash, ballad, coral, sage, verse, rachel, domi, bella, elli, charlotte, dorothy, sarah, emily, lily, matilda, adam, antoni, arnold, josh, sam, daniel, charlie, james, fin, callum, liam, george, brian, bill **Output Formats (TTS only):** mp3, opus, aac, flac, wav, pcm",
    args_doc="model (str | None):\ninput (str): The text to generate audio for. Maximum 4096 characters. 1 to 4096\n    characters.\nvoice (AudioVoice | str | None): The voice to use. Available voices: alloy, echo, fable,\n    onyx, nova, shimmer, ash, ballad, coral, sage, verse, rachel, domi, bella, elli,\n    charlotte, dorothy, sarah, emily, lily, matilda, adam, antoni, arnold, josh, sam,\n    daniel, charlie, james, fin, callum, liam, george, brian, bill. Server default: 'alloy'.\nresponse_format (SpeechRequestResponseFormat | None): The audio format for the output.\n    One of mp3, opus, aac, flac, wav, pcm. Server default: 'mp3'.\nspeed (float | None): The speed of the generated audio. 0.25 to 4.0, default 1.0. From\n    0.25 to 4. Server default: 1.\nduration (float | None): Music duration in seconds, 3-300 (elevenmusic only). From 3 to\n    300.\ninstrumental (bool | None): If true, guarantees instrumental output (elevenmusic only).",
)


class CreateSpeechParams(TypedDict, total=False):
    """The keyword arguments of POST /v1/audio/speech (create_speech)."""

    model: str | None

    #: The text to generate audio for. Maximum 4096 characters.
    input: Required[str]

    #: The voice to use. Available voices: alloy, echo, fable, onyx, nova, shimmer, ash,
    #: ballad, coral, sage, verse, rachel, domi, bella, elli, charlotte, dorothy, sarah, emily,
    #: lily, matilda, adam, antoni, arnold, josh, sam, daniel, charlie, james, fin, callum,
    #: liam, george, brian, bill.
    voice: (
        AudioVoice
        | Literal[
            "alloy",
            "echo",
            "fable",
            "onyx",
            "shimmer",
            "ash",
            "ballad",
            "coral",
            "sage",
            "verse",
            "rachel",
            "domi",
            "bella",
            "elli",
            "charlotte",
            "dorothy",
            "sarah",
            "emily",
            "lily",
            "matilda",
            "adam",
            "antoni",
            "arnold",
            "josh",
            "sam",
            "daniel",
            "charlie",
            "james",
            "fin",
            "callum",
            "liam",
            "george",
            "brian",
            "bill",
            "amuch",
            "dan",
        ]
        | str
        | None
    )

    #: The audio format for the output.
    response_format: (
        SpeechRequestResponseFormat | Literal["mp3", "opus", "aac", "flac", "wav", "pcm"] | None
    )

    #: The speed of the generated audio. 0.25 to 4.0, default 1.0.
    speed: float | None

    #: Music duration in seconds, 3-300 (elevenmusic only)
    duration: float | None

    #: If true, guarantees instrumental output (elevenmusic only)
    instrumental: bool | None


CREATE_TRANSCRIPTION = OperationSpec(
    operation_id="create_transcription",
    method="POST",
    path="/v1/audio/transcriptions",
    module="pollinations_client.api.audio.create_transcription",
    parameters=(
        ParameterSpec(
            name="file",
            argument="file",
            wire="file",
            location="form",
            required=True,
            schema={"type": "string", "format": "binary"},
            description="The audio file to transcribe. Supported formats: mp3, mp4, mpeg, mpga, m4a, wav, webm.",
            default=None,
            help="The audio file to transcribe. Supported formats: mp3, mp4, mpeg, mpga, m4a, wav, webm.",
        ),
        ParameterSpec(
            name="model",
            argument="model",
            wire="model",
            location="form",
            required=False,
            schema={"type": "string"},
            description="The model to use. Options: `whisper-large-v3`, `whisper-1`, `scribe`.",
            default="whisper-large-v3",
            help="The model to use. Options: `whisper-large-v3`, `whisper-1`, `scribe`. Server default: 'whisper-large-v3'.",
        ),
        ParameterSpec(
            name="language",
            argument="language",
            wire="language",
            location="form",
            required=False,
            schema={"type": "string"},
            description="Language of the audio in ISO-639-1 format (e.g. `en`, `fr`). Improves accuracy.",
            default=None,
            help="Language of the audio in ISO-639-1 format (e.g. `en`, `fr`). Improves accuracy.",
        ),
        ParameterSpec(
            name="prompt",
            argument="prompt",
            wire="prompt",
            location="form",
            required=False,
            schema={"type": "string"},
            description="Optional text to guide the model's style or continue a previous segment.",
            default=None,
            help="Optional text to guide the model's style or continue a previous segment.",
        ),
        ParameterSpec(
            name="response_format",
            argument="response_format",
            wire="response_format",
            location="form",
            required=False,
            schema={"type": "string", "enum": ["json", "text", "srt", "verbose_json", "vtt"]},
            description="The format of the transcript output.",
            default="json",
            help="The format of the transcript output. One of json, text, srt, verbose_json, vtt. Server default: 'json'.",
        ),
        ParameterSpec(
            name="temperature",
            argument="temperature",
            wire="temperature",
            location="form",
            required=False,
            schema={"type": "number"},
            description="Sampling temperature between 0 and 1. Lower is more deterministic.",
            default=None,
            help="Sampling temperature between 0 and 1. Lower is more deterministic.",
        ),
    ),
    body_model="TranscriptionRequest",
    body_type="multipart/form-data",
    needs_key=True,
    billable=True,
    description="Transcribe audio to text using Whisper or ElevenLabs Scribe. This endpoint is OpenAI Whisper API compatible. **Supported formats:** mp3, mp4, mpeg, mpga, m4a, wav, webm **Models:** `whisper-large-v3` (default), `whisper-1`, `scribe`",
    args_doc="file (File): The audio file to transcribe. Supported formats: mp3, mp4, mpeg, mpga, m4a,\n    wav, webm.\nmodel (str | None): The model to use. Options: `whisper-large-v3`, `whisper-1`,\n    `scribe`. Server default: 'whisper-large-v3'.\nlanguage (str | None): Language of the audio in ISO-639-1 format (e.g. `en`, `fr`).\n    Improves accuracy.\nprompt (str | None): Optional text to guide the model's style or continue a previous\n    segment.\nresponse_format (TranscriptionRequestResponseFormat | None): The format of the\n    transcript output. One of json, text, srt, verbose_json, vtt. Server default: 'json'.\ntemperature (float | None): Sampling temperature between 0 and 1. Lower is more\n    deterministic.",
)


class CreateTranscriptionParams(TypedDict, total=False):
    """The keyword arguments of POST /v1/audio/transcriptions (create_transcription)."""

    #: The model to use. Options: `whisper-large-v3`, `whisper-1`, `scribe`.
    model: str | None

    #: Language of the audio in ISO-639-1 format (e.g. `en`, `fr`). Improves accuracy.
    language: str | None

    #: Optional text to guide the model's style or continue a previous segment.
    prompt: str | None

    #: Sampling temperature between 0 and 1. Lower is more deterministic.
    temperature: float | None


#: operationId -> what the spec says of its arguments.
OPERATIONS: dict[str, OperationSpec] = {
    "get_account_profile": GET_ACCOUNT_PROFILE,
    "get_account_balance": GET_ACCOUNT_BALANCE,
    "get_account_usage": GET_ACCOUNT_USAGE,
    "get_account_usage_daily": GET_ACCOUNT_USAGE_DAILY,
    "get_account_key": GET_ACCOUNT_KEY,
    "list_models": LIST_MODELS,
    "list_image_models": LIST_IMAGE_MODELS,
    "list_text_models": LIST_TEXT_MODELS,
    "list_audio_models": LIST_AUDIO_MODELS,
    "create_chat_completion": CREATE_CHAT_COMPLETION,
    "generate_text": GENERATE_TEXT,
    "generate_image": GENERATE_IMAGE,
    "generate_audio": GENERATE_AUDIO,
    "create_speech": CREATE_SPEECH,
    "create_transcription": CREATE_TRANSCRIPTION,
}

__all__ = [
    "CREATE_CHAT_COMPLETION",
    "CREATE_SPEECH",
    "CREATE_TRANSCRIPTION",
    "GENERATE_AUDIO",
    "GENERATE_IMAGE",
    "GENERATE_TEXT",
    "GET_ACCOUNT_BALANCE",
    "GET_ACCOUNT_KEY",
    "GET_ACCOUNT_PROFILE",
    "GET_ACCOUNT_USAGE",
    "GET_ACCOUNT_USAGE_DAILY",
    "LIST_AUDIO_MODELS",
    "LIST_IMAGE_MODELS",
    "LIST_MODELS",
    "LIST_TEXT_MODELS",
    "OPERATIONS",
    "CreateChatCompletionParams",
    "CreateSpeechParams",
    "CreateTranscriptionParams",
    "GenerateAudioParams",
    "GenerateImageParams",
    "GenerateTextParams",
    "GetAccountBalanceParams",
    "GetAccountKeyParams",
    "GetAccountProfileParams",
    "GetAccountUsageDailyParams",
    "GetAccountUsageParams",
    "ListAudioModelsParams",
    "ListImageModelsParams",
    "ListModelsParams",
    "ListTextModelsParams",
]
