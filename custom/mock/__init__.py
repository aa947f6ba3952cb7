"""A local mock of the pollinations.ai API, driven by the bundled openapi.yaml.

Client code and its tests cannot reach gen.pollinations.ai from every machine, and should
not spend pollen to prove that retries or streaming work. The mock serves every operation
of the spec on loopback (an operation a later spec adds without a handler here answers
501), with the spec's routes, parameter types, defaults and bounds, answers that conform
to the spec's schemas, and accounts whose balance and usage agree with what was served.

    with MockServer() as server:            # 127.0.0.1, a free port
        httpx.get(f"{server.url}/text/hello", params={"key": "sk_test"})

    python -m pollinations_client.custom.mock --port 8080

Rules (details in the modules named):
- keys (`_keys`): the model listings serve anonymous requests; everything else needs
  `Authorization: Bearer <key>` or `?key=<key>` (the header wins). Without a keys file
  any well-formed `sk_` or `pk_` key is valid with every permission; with one (`keys=`,
  `--keys FILE`) only its keys are, each with its permissions, models, budget and rate
  limit. No key or an unknown one is 401, a key over its rate limit 429, a missing
  `account:*` permission or model 403;
- errors (`_errors`): the gateway's envelope and codes, no `requestId` in the body,
  `details` only for 400, 500 and 502;
- pollen (`_state`): each key starts with `initial_balance` (100), keys starting with
  `empty_key_prefix` (`sk_empty`) with 0; a call costs text/chat 0.1, image 1, video 2,
  speech or music 0.5, transcription 0.2, and a generation the balance cannot pay gets
  402 "Insufficient pollen balance: ...";
- key budgets (`_state`): keys starting with `budget_key_prefix` (`sk_budget`) also have
  a budget of `key_budget` (1) pollen of their own, which /account/key shows as
  `pollenBudget` and /account/balance as the balance; a generation the budget cannot pay
  gets 402 "API key budget exhausted: ...";
- /account/key (`_operations`): `valid`, the key's type, a masked `name` (or the keys
  file's), no expiry, its `account` permissions and `models` (null: none, every model),
  `pollenBudget`, `rateLimitEnabled` (true when the keys file gives it a rate limit);
- /account/usage/daily (`_state`): the served requests summed per UTC day and model,
  newest day first, as JSON or CSV (`format=csv`, a header row first);
- audio (`_audio`, `_operations`): speech answers a real file of `response_format`
  (wav, flac and pcm carry tones; mp3 tones coded as single spectral lines; opus and
  aac are silent but valid), MS_PER_CHARACTER (50) ms per character over `speed`,
  between 0.25 and 60 s, the same bytes for the same request; `pcm` is `audio/pcm`
  (signed 16-bit little-endian, mono, 24 kHz). Music (`elevenmusic`/`music`) is an MP3
  of `duration` seconds. Transcribing a file the mock made returns its text (it is
  embedded in the file: RIFF INFO, ID3, Vorbis comment, AAC data stream element); other
  files get a description from their size and SHA-256; json, verbose_json, text, srt and
  vtt (the last three as text/plain). Uploads are multipart/form-data (`_multipart`);
- faults (`_faults`): the `X-Mock-Fault` header (or the `fault` option), e.g.
  `latency=0.2`, `status=429;retry-after=1`, `status=500;times=2`, `provider-status=429`
  (502, as the gateway remaps it), `provider-status=412`, `rate-limited`,
  `drop-mid-stream`, `drop-before-headers`;
- streams (`_text`): `stream=true` on /text and on chat gives OpenAI-style
  `chat.completion.chunk` server-sent events ended by `data: [DONE]`.

Every response_format of the spec is produced; none is refused.
"""

from ._cli import build_parser, main
from ._faults import FAULT_HEADER, Fault, parse_fault
from ._server import MockServer
from ._state import PRICES

__all__ = ["FAULT_HEADER", "PRICES", "Fault", "MockServer", "build_parser", "main", "parse_fault"]
