"""The API's resources, each as a sync class and its async twin."""

from .account import Account, AsyncAccount
from .chat import AsyncChat, AsyncCompletions, Chat, Completions
from .images import AsyncImages, Images
from .models import AsyncModels, Models
from .text import AsyncText, Text

__all__ = [
    "Account",
    "AsyncAccount",
    "AsyncChat",
    "AsyncCompletions",
    "AsyncImages",
    "AsyncModels",
    "AsyncText",
    "Chat",
    "Completions",
    "Images",
    "Models",
    "Text",
]
