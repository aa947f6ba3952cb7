from enum import Enum


class TextModelName(str, Enum):
    CHICKYTUTOR = "chickytutor"
    CLAUDE = "claude"
    CLAUDE_FAST = "claude-fast"
    CLAUDE_LARGE = "claude-large"
    DEEPSEEK = "deepseek"
    GEMINI = "gemini"
    GEMINI_FAST = "gemini-fast"
    GEMINI_LARGE = "gemini-large"
    GEMINI_SEARCH = "gemini-search"
    GLM = "glm"
    GROK = "grok"
    KIMI = "kimi"
    MIDIJOURNEY = "midijourney"
    MINIMAX = "minimax"
    MISTRAL = "mistral"
    NOMNOM = "nomnom"
    NOVA_FAST = "nova-fast"
    OPENAI = "openai"
    OPENAI_AUDIO = "openai-audio"
    OPENAI_FAST = "openai-fast"
    OPENAI_LARGE = "openai-large"
    PERPLEXITY_FAST = "perplexity-fast"
    PERPLEXITY_REASONING = "perplexity-reasoning"
    QWEN_CODER = "qwen-coder"

    def __str__(self) -> str:
        return str(self.value)
