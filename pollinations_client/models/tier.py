# Generated from openapi.yaml by `make generate`; do not edit.
from enum import Enum


class Tier(str, Enum):
    ANONYMOUS = "anonymous"
    FLOWER = "flower"
    MICROBE = "microbe"
    NECTAR = "nectar"
    ROUTER = "router"
    SEED = "seed"
    SPORE = "spore"

    def __str__(self) -> str:
        return str(self.value)
