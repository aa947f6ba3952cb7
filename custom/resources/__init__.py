"""The API's resources, each as a sync class and its async twin (imported on first use by
the clients; import them from here for type annotations)."""

from .account import Account, AsyncAccount
from .audio import AsyncAudio, Audio
from .chat import AsyncChat, AsyncCompletions, Chat, Completions
from .images import AsyncImages, Images
from .models import AsyncModels, Models
from .text import AsyncText, Text

__all__ = [
    "Account",
    "AsyncAccount",
    "AsyncAudio",
    "AsyncChat",
    "AsyncCompletions",
    "AsyncImages",
    "AsyncModels",
    "AsyncText",
    "Audio",
    "Chat",
    "Completions",
    "Images",
    "Models",
    "Text",
]
