"""`python -m spec.tools update|diff`: the tooling behind `make update-spec` and `make spec-diff`.

Development dependencies only (the `dev` extra): PyYAML, jsonpath-rfc9535 (Overlay
targets), referencing (`$ref`s), openapi-spec-validator and openapi-python-client's parser
(the checks before writing). Documents are read through the package's one OpenAPI reader,
pollinations_client.custom._openapi. spec/README.md describes the pipeline.
"""
