"""`python -m spec.tools update|diff`: the tooling behind `make update-spec` and `make spec-diff`.

Only PyYAML and the standard library are used, so the tools run in any environment that
can run the generator, and in CI before anything else is installed.
"""
