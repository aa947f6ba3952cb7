from enum import StrEnum


class Tier(StrEnum):
    ANONYMOUS = "anonymous"
    FLOWER = "flower"
    NECTAR = "nectar"
    ROUTER = "router"
    SEED = "seed"
    SPORE = "spore"

    def __str__(self) -> str:
        return str(self.value)
