# Generated from openapi.yaml by `make generate`; do not edit.
from enum import Enum


class ImageModelName(str, Enum):
    FLUX = "flux"
    GPTIMAGE = "gptimage"
    GPTIMAGE_LARGE = "gptimage-large"
    KLEIN = "klein"
    KLEIN_LARGE = "klein-large"
    KONTEXT = "kontext"
    LTX_2 = "ltx-2"
    NANOBANANA = "nanobanana"
    NANOBANANA_PRO = "nanobanana-pro"
    SEEDANCE = "seedance"
    SEEDANCE_PRO = "seedance-pro"
    SEEDREAM = "seedream"
    SEEDREAM_PRO = "seedream-pro"
    VEO = "veo"
    WAN = "wan"
    ZIMAGE = "zimage"

    def __str__(self) -> str:
        return str(self.value)
