# Generated from openapi.yaml by `make generate`; do not edit.

"""A client library for accessing pollinations.ai API"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
