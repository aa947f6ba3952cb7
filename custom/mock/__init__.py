"""A local mock of the pollinations.ai API, driven by the bundled openapi.yaml.

Client code and its tests cannot reach gen.pollinations.ai from every machine, and should
not spend pollen to prove that retries or streaming work. The mock serves the spec's
operations on loopback (those the custom layer covers; the others answer 501 until it
does), with the spec's routes, parameter types, defaults and bounds, answers that
conform to the spec's schemas, and accounts whose balance and usage agree with what was
served.

    with MockServer() as server:            # 127.0.0.1, a free port
        httpx.get(f"{server.url}/text/hello", params={"key": "sk_test"})

    python -m pollinations_client.custom.mock --port 8080

Rules (details in the modules named):
- auth (`_server`): the model listings serve anonymous requests; everything else needs
  `Authorization: Bearer <key>` or `?key=<key>`, with an `sk_` or `pk_` key (401 otherwise);
  /account/* needs an `sk_` key (403 for `pk_`); 401 and 403 carry the error envelope,
  as the gateway sends them;
- pollen (`_state`): each key starts with `initial_balance` (100), keys starting with
  `empty_key_prefix` (`sk_empty`) with 0; a call costs text/chat 0.1, image 1, video 2,
  and a generation the balance cannot pay gets 402;
- faults (`_faults`): the `X-Mock-Fault` header (or the `fault` option), e.g.
  `latency=0.2`, `status=429;retry-after=1`, `status=500;times=2`, `drop-mid-stream`,
  `drop-before-headers`;
- streams (`_text`): `stream=true` on /text and on chat gives OpenAI-style
  `chat.completion.chunk` server-sent events ended by `data: [DONE]`.
"""

from ._cli import build_parser, main
from ._faults import FAULT_HEADER, Fault, parse_fault
from ._server import MockServer
from ._state import PRICES

__all__ = ["FAULT_HEADER", "PRICES", "Fault", "MockServer", "build_parser", "main", "parse_fault"]
