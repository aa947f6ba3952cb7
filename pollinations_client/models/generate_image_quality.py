from enum import Enum


class GenerateImageQuality(str, Enum):
    HD = "hd"
    HIGH = "high"
    LOW = "low"
    MEDIUM = "medium"

    def __str__(self) -> str:
        return str(self.value)
