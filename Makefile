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
GEN_PARAMS := generator-params.yaml
PACKAGE := pollinations_client
# Scratch space inside the repository, so that ruff (run by the generator's post hooks)
# reads this repository's pyproject.toml and formats the same way wherever it runs;
# one directory per make process, so parallel runs in one checkout do not collide.
GEN_TMP := .generate/$(shell echo $$PPID)

.PHONY: help bench demo install editable-tree generate check-generated typecheck-tree lint format test clean

help:
	@echo "make demo             run the client and CLI against the bundled mock server (offline)"
	@echo "make install          create $(VENV) and install the project with its dev extras"
	@echo "make generate         regenerate $(PACKAGE)/ from $(SPEC)"
	@echo "make check-generated  fail with a diff if $(PACKAGE)/ is not what $(SPEC) generates"
	@echo "make lint             ruff on everything, mypy --strict on the hand-written code"
	@echo "make test             lint, check-generated, then the test suite (what CI runs)"
	@echo "make bench            measure the client against raw httpx and openai (bench/results/)"
	@echo "make update-spec SPEC=<url|file>  take a new upstream revision (spec/README.md);"
	@echo "                                  without SPEC, re-apply names and overlay to the snapshot"
	@echo "make spec-diff NEW=<url|file>     what changed, and is it breaking"

# pip options for both installs, e.g. PIP_OPTIONS='--no-index --find-links DIR' to
# install from a directory of wheels.
PIP_OPTIONS ?=

install: editable-tree

# pip's --quiet still shows setuptools' "Editable installation" notice, a warning from
# the build backend that pip passes on; this filter drops that message alone (any other
# warning still shows). Exported rather than written on the command, which make echoes.
$(VENV)/.installed: export PYTHONWARNINGS = ignore:Editable installation
$(VENV)/.installed: pyproject.toml setup.py
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check $(PIP_OPTIONS) --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check $(PIP_OPTIONS) -e '.[dev,mock,bench]'
	touch $@

# The editable install finds pollinations_client.custom (custom/) through setuptools'
# import hook, which type checkers cannot follow: mypy, run on a project against this
# venv, would find no pollinations_client.custom. So a .pth file also puts
# $(EDITABLE_TREE) on the path, a tree of links in which pollinations_client/custom is
# custom/, as in a wheel; type checkers read the paths in .pth files. (editable_mode=strict
# installs such a tree instead of the hook, but then ./pollinations_client, which has no
# custom/, shadows it wherever the repository root comes first on sys.path: `python -m`
# run here, pytest.) Python takes the same path, so code run elsewhere imports through
# the links: the same files. Relinked on every run (it costs nothing), so that a module
# `make generate` adds appears; until then the hook still finds it.
EDITABLE_TREE := $(CURDIR)/$(VENV)/editable-tree
# Only for this checkout's own venv: a copy of the repository run with another BIN (the
# tests' copies) must not point the venv's .pth at itself.
editable-tree: $(VENV)/.installed
	@if [ "$(BIN)" = "$(CURDIR)/$(VENV)/bin" ]; then \
		mkdir -p "$(EDITABLE_TREE)/$(PACKAGE)" && \
		for f in "$(CURDIR)/$(PACKAGE)"/*; do case "$$f" in */__pycache__) ;; \
			*) ln -sfn "$$f" "$(EDITABLE_TREE)/$(PACKAGE)/$${f##*/}" ;; esac; done && \
		ln -sfn "$(CURDIR)/custom" "$(EDITABLE_TREE)/$(PACKAGE)/custom" && \
		for link in "$(EDITABLE_TREE)/$(PACKAGE)"/*; do test -e "$$link" || rm -f "$$link"; done && \
		echo "$(EDITABLE_TREE)" > "$$("$(BIN)/python" -c \
			'import sysconfig; print(sysconfig.get_path("purelib"))')/pollinations_client-editable-tree.pth"; \
	fi

# Generate into $(GEN_TMP)/$(PACKAGE) from the generator's view of $(SPEC)
# (spec/tools/generator_input.py); fail on any generator warning. Then params.py, every
# operation's arguments with their bounds (spec/tools/params.py). The package ships
# the document it was generated from (pollinations_client/openapi.yaml) for the mock server.
define run_generator
	rm -rf $(GEN_TMP) && mkdir -p $(GEN_TMP)
	$(BIN)/python -m spec.tools.generator_input $(SPEC) $(GEN_TMP)/openapi.yaml
	$(BIN)/openapi-python-client generate --path $(GEN_TMP)/openapi.yaml --config $(GEN_CONFIG) \
		--custom-template-path $(GEN_TEMPLATES) --meta none \
		--output-path $(GEN_TMP)/$(PACKAGE) --fail-on-warning > $(GEN_TMP)/log 2>&1 \
		|| { cat $(GEN_TMP)/log; echo "generate: the generator failed"; exit 1; }
	@if grep -qiE 'warning|error|skipping' $(GEN_TMP)/log; then \
		cat $(GEN_TMP)/log; echo "generate: the generator warned; fix $(SPEC) or $(GEN_CONFIG)"; exit 1; fi
	$(BIN)/python -m spec.tools.params $(GEN_TMP)/openapi.yaml $(GEN_CONFIG) $(GEN_TEMPLATES) \
		$(GEN_PARAMS) $(GEN_TMP)/$(PACKAGE)/params.py
	cd $(GEN_TMP)/$(PACKAGE) && $(BIN)/ruff check params.py --fix-only --quiet \
		&& $(BIN)/ruff format params.py --quiet
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

# mypy, run from the repository root, would read ./pollinations_client (no custom/), so
# it runs in a link tree in which pollinations_client/custom is custom/, as in a wheel,
# with a link to spec/ for the tests that import it.
TYPECHECK := .typecheck
typecheck-tree:
	rm -rf $(TYPECHECK) && mkdir -p $(TYPECHECK)/$(PACKAGE)
	for f in $(PACKAGE)/*; do ln -s ../../$$f $(TYPECHECK)/$(PACKAGE)/; done
	ln -s ../../custom $(TYPECHECK)/$(PACKAGE)/custom

lint: install typecheck-tree
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	cd $(TYPECHECK) && MYPYPATH=. $(BIN)/mypy --config-file ../pyproject.toml \
		$(PACKAGE)/custom ../tests ../bench

format: install
	$(BIN)/ruff check --fix custom tests bench spec
	$(BIN)/ruff format custom tests bench spec

# What CI runs (.ci/run): lint (ruff, mypy --strict), the generated client matches
# openapi.yaml, then the test suite.
test: install lint check-generated
	$(BIN)/pytest

# Speed and memory against raw httpx and the openai library, one run, ratios (bench/).
bench: install
	$(BIN)/python -m bench

# The main job, offline: a mock server on a free port, the CLI and the library against it.
demo: install
	$(BIN)/python -m pollinations_client.custom.demo --out demo-output

clean:
	rm -rf $(VENV) .generate $(TYPECHECK) .bench-venv demo-output build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache

# --- spec tracking ---
# Pull a new upstream revision of the API and see what changed (spec/README.md).
#   make update-spec SPEC=<url or file>   upstream's document (JSON or YAML), kept in spec/upstream/,
#       + spec/names.yaml + spec/overlay.yaml -> openapi.yaml (canonical form), spec/lock.json,
#       an entry in CHANGELOG.md; then generate. Without SPEC (or SPEC=openapi.yaml) it
#       re-applies names and overlay to the upstream snapshot spec/lock.json names.
#   make spec-diff NEW=<url or file>      (or SPEC=...; OLD defaults to openapi.yaml) the report:
#       Markdown on stdout and in $(SPEC_DIFF_MD), JSON in $(SPEC_DIFF_JSON); fails when anything
#       breaking changed (make exits 2 then; `python -m spec.tools diff` itself exits 1)
# SPEC is also the file `generate` reads: on these targets it names the upstream document,
# so the spec they write and regenerate from is SPEC_OUT.
.PHONY: update-spec spec-diff spec-typecheck-link
SPEC_OUT := openapi.yaml
OLD ?= $(SPEC_OUT)
SPEC_DIFF_JSON ?= build/spec-diff.json
SPEC_DIFF_MD ?= build/spec-diff.md
SPEC_CANDIDATE = $(or $(NEW),$(if $(filter command line,$(origin SPEC)),$(SPEC)))

update-spec: install
	$(BIN)/python -m spec.tools update '$(SPEC)' --spec $(SPEC_OUT)
	$(MAKE) generate SPEC=$(SPEC_OUT)

spec-diff: install
	@if [ -z '$(SPEC_CANDIDATE)' ]; then \
		echo "spec-diff: name the candidate: make spec-diff NEW=<url or file> [OLD=...]" >&2; exit 2; fi
	@rm -f $(SPEC_DIFF_JSON) $(SPEC_DIFF_MD)
	@$(BIN)/python -m spec.tools diff '$(OLD)' '$(SPEC_CANDIDATE)' \
		--json $(SPEC_DIFF_JSON) --markdown $(SPEC_DIFF_MD)

# tests/test_spec_tracking.py imports spec.tools: give lint's mypy (which runs inside the
# $(TYPECHECK) link tree) a link to spec/ as well.
lint: spec-typecheck-link
spec-typecheck-link: typecheck-tree
	ln -sfn ../spec $(TYPECHECK)/spec
