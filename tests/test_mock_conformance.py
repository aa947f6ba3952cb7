"""Property-based proof that the mock's answers conform to openapi.yaml (schemathesis).

For every operation of the spec, schemathesis generates requests from the spec itself,
sends them to a running MockServer on loopback and checks each answer: no 5xx, a status
code the operation documents, a documented content type, and a body that validates
against the documented schema. Operations that document 400 are also fed invalid
requests, which must be refused.

Two adjustments, both because of the spec rather than the mock (see the report that came
with the mock server):
- server-sent events: schemathesis reads a pre-3.2 `text/event-stream` schema as the
  schema of each event, and the spec's `{type: string}` describes the whole body, so SSE
  answers are checked here instead: every `data:` is a ChatCompletionChunk, then `[DONE]`;
- `before` of /account/usage is documented as any string but must be a timestamp, and the
  operation documents no 400: generated values are replaced by a valid timestamp.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

import hypothesis
import pytest
import schemathesis
from _mock_helpers import SECRET, chunk_objects, spec
from hypothesis import HealthCheck, Phase, given
from hypothesis import strategies as st
from schemathesis import APIOperation
from schemathesis import checks as sc
from schemathesis.core.result import Err
from schemathesis.openapi import from_dict

from pollinations_client.custom.mock import MockServer
from pollinations_client.custom.mock._operations import HANDLERS


def _operations() -> dict[str, APIOperation[Any, Any, Any, Any]]:
    found: dict[str, APIOperation[Any, Any, Any, Any]] = {}
    for result in from_dict(spec().document).get_all_operations():
        if isinstance(result, Err):
            raise result.err()  # schemathesis cannot read an operation: the spec is broken
        found[result.ok().label] = result.ok()
    return found


ALL_OPERATIONS = _operations()
# The operations the mock serves (every one: tested below).
OPERATIONS = {
    label: op
    for label, op in ALL_OPERATIONS.items()
    if op.definition.raw["operationId"] in HANDLERS
}
WITH_400 = sorted(
    label for label, op in OPERATIONS.items() if "400" in op.definition.raw["responses"]
)
EXAMPLES = 25

SETTINGS = hypothesis.settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    derandomize=True,
    phases=[Phase.explicit, Phase.generate, Phase.shrink],
    suppress_health_check=list(HealthCheck),
)
CHECKS: list[Any] = [
    sc.not_a_server_error,
    sc.status_code_conformance,
    sc.content_type_conformance,
    sc.response_schema_conformance,
    sc.response_headers_conformance,
]


@pytest.fixture(scope="module")
def server() -> Iterator[MockServer]:
    # A balance no run exhausts: 402 is documented, but it would hide the 200 path.
    with MockServer(initial_balance=1e9, stream_interval=0) as running:
        yield running


def _valid_before(case: Any) -> Any:
    if case.query and "before" in case.query:
        case.query["before"] = "2030-01-01 00:00:00"
    return case


def _header(response: Any, name: str) -> str:
    """A header of schemathesis' Response, whose headers map names to lists of values."""
    for key, values in response.headers.items():
        if key.lower() == name:
            return str(values[0]) if isinstance(values, list) else str(values)
    return ""


def _check(case: Any, server: MockServer, seen: dict[int, int], checks: list[Any]) -> None:
    response = case.call(base_url=server.url, headers={"Authorization": f"Bearer {SECRET}"})
    seen[response.status_code] = seen.get(response.status_code, 0) + 1
    assert _header(response, "x-request-id"), "every answer carries x-request-id"
    content_type = _header(response, "content-type")
    if content_type.startswith("text/event-stream"):
        others = [check for check in checks if check is not sc.response_schema_conformance]
        case.validate_response(response, checks=others)
        chunk_objects(response.text)
        return
    case.validate_response(response, checks=checks)
    if content_type.startswith("application/json"):
        json.loads(response.text)


def _run(strategy: st.SearchStrategy[Any], test: Callable[[Any], None]) -> None:
    SETTINGS(given(strategy)(test))()


@pytest.mark.parametrize("label", sorted(OPERATIONS))
def test_answers_to_valid_requests_conform(server: MockServer, label: str) -> None:
    operation = OPERATIONS[label]
    seen: dict[int, int] = {}
    strategy = operation.as_strategy(generation_mode=schemathesis.GenerationMode.POSITIVE)
    _run(strategy.map(_valid_before), lambda case: _check(case, server, seen, CHECKS))
    assert 200 in seen, f"no generated request was served: {seen}"


@pytest.mark.parametrize("label", WITH_400)
def test_invalid_requests_are_refused_as_documented(server: MockServer, label: str) -> None:
    operation = OPERATIONS[label]
    seen: dict[int, int] = {}
    strategy = operation.as_strategy(generation_mode=schemathesis.GenerationMode.NEGATIVE)
    # A multipart text field has no JSON type on the wire (an "invalid" array for
    # `prompt` arrives as the valid string "{}"): tests/test_mock_audio.py tests the
    # transcription upload's validation explicitly instead.
    content = operation.definition.raw.get("requestBody", {}).get("content", {})
    multipart = "multipart/form-data" in content
    checks = CHECKS if multipart else [*CHECKS, sc.negative_data_rejection]
    _run(strategy, lambda case: _check(case, server, seen, checks))
    assert 400 in seen, f"no invalid request was refused: {seen}"


def test_the_mock_serves_every_operation_of_the_spec() -> None:
    """No operation is left to the 501 answer the server keeps for one it lacks."""
    assert set(OPERATIONS) == set(ALL_OPERATIONS)
    assert len(OPERATIONS) == 15
