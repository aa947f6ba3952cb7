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
- auth (`_server`): the model listings serve anonymous requests; everything else needs
  `Authorization: Bearer <key>` or `?key=<key>`, with an `sk_` or `pk_` key (401 otherwise);
  the account operations that document a 403 (profile, balance, usage, daily usage) need
  an `sk_` key (403 for `pk_`); /account/key describes any key; 401 and 403 carry the
  error envelope, as the gateway sends them;
- pollen (`_state`): each key starts with `initial_balance` (100), keys starting with
  `empty_key_prefix` (`sk_empty`) with 0; a call costs text/chat 0.1, image 1, video 2,
  speech or music 0.5, transcription 0.2, and a generation the balance cannot pay gets
  402 "Insufficient pollen balance: ...";
- key budgets (`_state`): keys starting with `budget_key_prefix` (`sk_budget`) also have
  a budget of `key_budget` (1) pollen of their own, which /account/key shows as
  `pollenBudget` and /account/balance as the balance; a generation the budget cannot pay
  gets 402 "API key budget exhausted: ...";
- /account/key (`_operations`): `valid`, `type` from the prefix, a masked `name`, no
  expiry, `permissions.account` = the `account:*` permissions the spec's account
  operations name (`profile`, `balance`, `usage`) for `sk_` keys and null for `pk_`,
  every model, `rateLimitEnabled` false (the mock limits no rate);
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
  `latency=0.2`, `status=429;retry-after=1`, `status=500;times=2`, `drop-mid-stream`,
  `drop-before-headers`;
- streams (`_text`): `stream=true` on /text and on chat gives OpenAI-style
  `chat.completion.chunk` server-sent events ended by `data: [DONE]`.

Every response_format of the spec is produced; none is refused.
"""

from ._cli import build_parser, main
from ._faults import FAULT_HEADER, Fault, parse_fault
from ._server import MockServer
from ._state import PRICES

__all__ = ["FAULT_HEADER", "PRICES", "Fault", "MockServer", "build_parser", "main", "parse_fault"]
