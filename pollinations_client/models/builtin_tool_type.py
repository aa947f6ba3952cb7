# Generated from openapi.yaml by `make generate`; do not edit.
from enum import Enum


class BuiltinToolType(str, Enum):
    CODE_EXECUTION = "code_execution"
    COMPUTER_USE = "computer_use"
    FILE_SEARCH = "file_search"
    GOOGLE_MAPS = "google_maps"
    GOOGLE_SEARCH = "google_search"
    URL_CONTEXT = "url_context"

    def __str__(self) -> str:
        return str(self.value)
