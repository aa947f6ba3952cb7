from enum import StrEnum


class ContentFilterSeverity(StrEnum):
    HIGH = "high"
    LOW = "low"
    MEDIUM = "medium"
    SAFE = "safe"

    def __str__(self) -> str:
        return str(self.value)
