# Generated from openapi.yaml by `make generate`; do not edit.
from enum import Enum


class AudioVoice(str, Enum):
    ADAM = "adam"
    ALLOY = "alloy"
    AMUCH = "amuch"
    ANTONI = "antoni"
    ARNOLD = "arnold"
    ASH = "ash"
    BALLAD = "ballad"
    BELLA = "bella"
    BILL = "bill"
    BRIAN = "brian"
    CALLUM = "callum"
    CHARLIE = "charlie"
    CHARLOTTE = "charlotte"
    CORAL = "coral"
    DAN = "dan"
    DANIEL = "daniel"
    DOMI = "domi"
    DOROTHY = "dorothy"
    ECHO = "echo"
    ELLI = "elli"
    EMILY = "emily"
    FABLE = "fable"
    FIN = "fin"
    GEORGE = "george"
    JAMES = "james"
    JOSH = "josh"
    LIAM = "liam"
    LILY = "lily"
    MATILDA = "matilda"
    ONYX = "onyx"
    RACHEL = "rachel"
    SAGE = "sage"
    SAM = "sam"
    SARAH = "sarah"
    SHIMMER = "shimmer"
    VERSE = "verse"

    def __str__(self) -> str:
        return str(self.value)
