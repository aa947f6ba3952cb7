# Generated from openapi.yaml by `make generate`; do not edit.
from enum import Enum


class TextModelName(str, Enum):
    CHICKYTUTOR = "chickytutor"
    CLAUDE = "claude"
    CLAUDE_FAST = "claude-fast"
    CLAUDE_LARGE = "claude-large"
    CLAUDE_LEGACY = "claude-legacy"
    DEEPSEEK = "deepseek"
    GEMINI = "gemini"
    GEMINI_FAST = "gemini-fast"
    GEMINI_LARGE = "gemini-large"
    GEMINI_LEGACY = "gemini-legacy"
    GEMINI_SEARCH = "gemini-search"
    GLM = "glm"
    GROK = "grok"
    KIMI = "kimi"
    MIDIJOURNEY = "midijourney"
    MINIMAX = "minimax"
    MISTRAL = "mistral"
    NOVA_FAST = "nova-fast"
    OPENAI = "openai"
    OPENAI_AUDIO = "openai-audio"
    OPENAI_FAST = "openai-fast"
    OPENAI_LARGE = "openai-large"
    PERPLEXITY_FAST = "perplexity-fast"
    PERPLEXITY_REASONING = "perplexity-reasoning"
    QWEN_CODER = "qwen-coder"
    QWEN_SAFETY = "qwen-safety"

    def __str__(self) -> str:
        return str(self.value)
