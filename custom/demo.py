"""`make demo`: the main job, offline, against the bundled mock server.

Starts `pollinations mock` on a free port, then drives it the way a user would: the
command line generates an image file and streams a chat answer, the library lists the
models and reads the balance. Stops the server and says where the outputs are.
"""

from __future__ import annotations

import argparse
import os
import re
import shlex
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from ._client import Pollinations

DEMO_KEY = "sk_demo_key"
_URL_LINE = re.compile(r"listening on (http://\S+)")


def _say(text: str) -> None:
    print(f"\n== {text}", flush=True)


def _cli(*args: str, env: dict[str, str]) -> None:
    command = [sys.executable, "-m", "pollinations_client.custom.cli", *args]
    # Quoted as a shell reads it, so that a line pasted into a terminal runs as shown.
    print("$ " + shlex.join(["pollinations", *args]), flush=True)
    subprocess.run(command, env=env, check=True)


def run(out_dir: Path) -> int:
    out_dir.mkdir(parents=True, exist_ok=True)
    _say("Starting the mock server (pollinations mock --port 0)")
    server = subprocess.Popen(
        [sys.executable, "-m", "pollinations_client.custom.cli", "mock", "--port", "0"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout is not None
        first_line = server.stdout.readline()
        match = _URL_LINE.search(first_line)
        if not match:
            print(f"demo: the mock server did not start: {first_line!r}", file=sys.stderr)
            return 1
        base_url = match.group(1)
        print(first_line.strip(), flush=True)
        env = {**os.environ, "POLLINATIONS_BASE_URL": base_url, "POLLINATIONS_API_KEY": DEMO_KEY}

        image_path = out_dir / "lighthouse.png"
        _say("An image, through the command line")
        _cli(
            "image", "a lighthouse at dusk, oil painting",
            "--width", "512", "--height", "384", "--seed", "7", "-o", str(image_path),
            "--force",  # the previous run's image is replaced
            env=env,
        )  # fmt: skip

        _say("A chat answer, streamed to the terminal")
        _cli("chat", "Tell me about lighthouses in three sentences.", "--stream", env=env)

        _say("Models and balance, through the library")
        with Pollinations(api_key=DEMO_KEY, base_url=base_url) as client:
            text_models = [model.id for model in client.models.list()]
            image_models = [info.name for info in client.models.image()]
            print(f"text models:  {', '.join(text_models)}")
            print(f"image models: {', '.join(image_models)}")
            story = client.text.generate("a two-line poem about the sea", seed=3)
            (out_dir / "poem.txt").write_text(story + "\n", encoding="utf-8")
            print(f"balance:      {client.account.balance().balance:g} pollen")
            print(f"usage:        {client.account.usage().count:g} requests served so far")
    finally:
        server.terminate()
        server.wait(timeout=10)
    _say("Done; the mock server is stopped")
    print(f"outputs: {image_path.resolve()}")
    print(f"         {(out_dir / 'poem.txt').resolve()}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pollinations_client.custom.demo")
    parser.add_argument("--out", type=Path, default=Path("demo-output"), help="output directory")
    args = parser.parse_args(argv)
    return run(args.out)


if __name__ == "__main__":
    sys.exit(main())
