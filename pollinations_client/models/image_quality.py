from enum import StrEnum


class ImageQuality(StrEnum):
    HD = "hd"
    HIGH = "high"
    LOW = "low"
    MEDIUM = "medium"

    def __str__(self) -> str:
        return str(self.value)
