from enum import Enum


class AudioVoice(str, Enum):
    ALLOY = "alloy"
    AMUCH = "amuch"
    ASH = "ash"
    BALLAD = "ballad"
    CORAL = "coral"
    DAN = "dan"
    ECHO = "echo"
    FABLE = "fable"
    ONYX = "onyx"
    SAGE = "sage"
    SHIMMER = "shimmer"
    VERSE = "verse"

    def __str__(self) -> str:
        return str(self.value)
