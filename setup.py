"""Package discovery that pyproject.toml cannot express on its own.

`pollinations_client/` is generated and grows a subpackage per OpenAPI tag, while the
hand-written `custom/` directory installs as `pollinations_client.custom` (the
`package-dir` mapping in pyproject.toml). Both lists are computed, so a regenerated
client with a new tag needs no packaging change.
"""

from setuptools import find_packages, setup

generated = find_packages(include=["pollinations_client", "pollinations_client.*"])
custom = ["pollinations_client.custom"] + [
    f"pollinations_client.custom.{name}" for name in find_packages(where="custom")
]

setup(packages=generated + custom)
