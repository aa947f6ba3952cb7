from enum import Enum


class ImageModelName(str, Enum):
    FLUX = "flux"
    GPTIMAGE = "gptimage"
    KONTEXT = "kontext"
    NANOBANANA = "nanobanana"
    NANOBANANA_PRO = "nanobanana-pro"
    SEEDANCE = "seedance"
    SEEDREAM = "seedream"
    TURBO = "turbo"
    VEO = "veo"

    def __str__(self) -> str:
        return str(self.value)
