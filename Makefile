# pollinations-client: every command a developer or CI needs.
# `make install` once (the other targets do it for you), then `make test`.

PYTHON ?= python3
VENV := .venv
BIN := $(CURDIR)/$(VENV)/bin
# The generator's post hooks call `ruff`: the pinned one from the venv.
export PATH := $(BIN):$(PATH)

SPEC := openapi.yaml
GEN_CONFIG := generator-config.yaml
GEN_TEMPLATES := generator-templates
PACKAGE := pollinations_client
# Scratch space inside the repository, so that ruff (run by the generator's post hooks)
# reads this repository's pyproject.toml and formats the same way wherever it runs;
# one directory per make process, so parallel runs in one checkout do not collide.
GEN_TMP := .generate/$(shell echo $$PPID)

.PHONY: help demo install generate check-generated typecheck-tree lint format test clean

help:
	@echo "make demo             run the client and CLI against the bundled mock server (offline)"
	@echo "make install          create $(VENV) and install the project with its dev extras"
	@echo "make generate         regenerate $(PACKAGE)/ from $(SPEC)"
	@echo "make check-generated  fail with a diff if $(PACKAGE)/ is not what $(SPEC) generates"
	@echo "make lint             ruff on everything, mypy --strict on the hand-written code"
	@echo "make test             check-generated, then the test suite"

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml setup.py
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev,mock]'
	touch $@

# Generate into $(GEN_TMP)/$(PACKAGE); fail on any generator warning. The package ships
# the document it was generated from (pollinations_client/openapi.yaml) for the mock server.
define run_generator
	rm -rf $(GEN_TMP) && mkdir -p $(GEN_TMP)
	$(BIN)/openapi-python-client generate --path $(SPEC) --config $(GEN_CONFIG) \
		--custom-template-path $(GEN_TEMPLATES) --meta none \
		--output-path $(GEN_TMP)/$(PACKAGE) --fail-on-warning > $(GEN_TMP)/log 2>&1 \
		|| { cat $(GEN_TMP)/log; echo "generate: the generator failed"; exit 1; }
	@if grep -qiE 'warning|error|skipping' $(GEN_TMP)/log; then \
		cat $(GEN_TMP)/log; echo "generate: the generator warned; fix $(SPEC) or $(GEN_CONFIG)"; exit 1; fi
	find $(GEN_TMP)/$(PACKAGE) -name __pycache__ -prune -exec rm -rf {} +
	cp $(SPEC) $(GEN_TMP)/$(PACKAGE)/openapi.yaml
endef

generate: install
	$(run_generator)
	rm -rf $(PACKAGE)
	mv $(GEN_TMP)/$(PACKAGE) $(PACKAGE)
	rm -rf $(GEN_TMP)
	@echo "generate: $(PACKAGE)/ rewritten from $(SPEC)"

check-generated: install
	$(run_generator)
	@if diff -ru --exclude=__pycache__ $(PACKAGE) $(GEN_TMP)/$(PACKAGE); then \
		rm -rf $(GEN_TMP); echo "check-generated: $(PACKAGE)/ matches $(SPEC)"; \
	else \
		rm -rf $(GEN_TMP); echo "check-generated: $(PACKAGE)/ differs from what $(SPEC) generates; run make generate"; exit 1; \
	fi

# mypy cannot follow setuptools' editable-install import hook, so it reads a link tree
# in which pollinations_client/custom is custom/, as it is in an installed wheel.
TYPECHECK := .typecheck
typecheck-tree:
	rm -rf $(TYPECHECK) && mkdir -p $(TYPECHECK)/$(PACKAGE)
	for f in $(PACKAGE)/*; do ln -s ../../$$f $(TYPECHECK)/$(PACKAGE)/; done
	ln -s ../../custom $(TYPECHECK)/$(PACKAGE)/custom

lint: install typecheck-tree
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	cd $(TYPECHECK) && MYPYPATH=. $(BIN)/mypy --config-file ../pyproject.toml \
		$(PACKAGE)/custom ../tests

format: install
	$(BIN)/ruff check --fix custom tests
	$(BIN)/ruff format custom tests

test: install check-generated
	$(BIN)/pytest

# The main job, offline: a mock server on a free port, the CLI and the library against it.
demo: install
	$(BIN)/python -m pollinations_client.custom.demo --out demo-output

clean:
	rm -rf $(VENV) .generate $(TYPECHECK) demo-output build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache
