"""`python -m pollinations_client.custom.mock`: see `_cli.main` for the options."""

from ._cli import main

if __name__ == "__main__":
    raise SystemExit(main())
