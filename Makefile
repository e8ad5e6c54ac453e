# Makefile for the translated OpenClaw model provider guides.

# The languages are defined once, by i18n_languages in conf.py.
ALL_LANGUAGES := $(shell sed -n 's/^i18n_languages = \[\([^]]*\)\].*/\1/p' conf.py | tr -d '",')

# You can set these variables from the command line.
PYTHON     ?= python3
VENVDIR    ?= .venv
LANGUAGES  ?= $(ALL_LANGUAGES)
SPHINXOPTS ?=
JOBS       ?= $(shell nproc 2>/dev/null || echo 2)
BUILDDIR   ?= _build
PORT       ?= 8000
# 0: use VENVDIR as it is, never (re)install into it (the tests run make in project copies
# with this project's .venv: installing would point its editable package at the copy).
VENV_UPDATE ?= 1
# The English pages and their catalogs (another tree: the build benchmark's synthetic one).
SOURCEDIR  ?= source
LOCALEDIR  ?= locale
# make bench: the scale benchmark's size (a few minutes); its full size: SCALEOPTS= (800 pages x every
# language of conf.py, two translations built and the rest extrapolated), or SCALEOPTS='--build-languages 20'.
SCALEOPTS  ?= --pages 100 --repeat 1 --build-pages 50
# The commit the HTML is built from: recorded in _build/html/<lang>/.build-info, checked by make site.
COMMIT     ?= $(shell git rev-parse HEAD 2>/dev/null)
# make site PREBUILT=1: assemble the language folders already in _build/html (built by other
# machines, e.g. one CI job per language) without building them; each must be of COMMIT.
PREBUILT   ?=
# Where _build/html is published: hreflang links, canonical URLs, sitemap.xml.
BASEURL    ?= $(shell sed -n 's/^html_baseurl = "\([^"]*\)".*/\1/p' conf.py)

# Internal variables.
VENVPY       := $(VENVDIR)/bin/python
VENV_STAMP   := $(if $(filter 0,$(VENV_UPDATE)),,$(VENVDIR)/.installed)
SPHINXBUILD  := $(VENVPY) -m sphinx
I18N         := $(VENVPY) scripts/i18n
# The source language: the first of i18n_languages (conf.py says so beside it).
SOURCE_LANGUAGE := $(firstword $(ALL_LANGUAGES))
TRANSLATIONS := $(filter-out $(SOURCE_LANGUAGE),$(LANGUAGES))
ALL_TRANSLATIONS := $(filter-out $(SOURCE_LANGUAGE),$(ALL_LANGUAGES))
STRICT       := -W --keep-going -n
# conf.py finds the catalogs at ../locale from the source folder (i18n_locale_dirs; Sphinx's own
# locale_dirs stays empty); another LOCALEDIR is passed.
LOCALEOPT    := $(if $(filter-out locale,$(LOCALEDIR)),-D i18n_locale_dirs=$(abspath $(LOCALEDIR)))
# Everything a build reads: a change to any of these rebuilds the languages.
INPUTS := conf.py $(shell find $(SOURCEDIR) $(LOCALEDIR) scripts/docs_i18n -type f \
            -not -name '*.mo' -not -name '*.pyc' -not -name '.*' 2>/dev/null)

.DEFAULT_GOAL := help
.PHONY: help venv html html-languages site livehtml gettext update-po serve clean test test-fast fuzz lint format status stamp check bench markdown translate print-%

help:
	@echo "Targets:"
	@echo "  make html       build every language into $(BUILDDIR)/html/<lang>/ (LANGUAGES=\"$(LANGUAGES)\")"
	@echo "                 and sitemap.xml for BASEURL=$(BASEURL) (default: html_baseurl in conf.py)"
	@echo "  make site       the publishable site in $(BUILDDIR)/site/: every language, index.html, 404.html,"
	@echo "                 sitemap.xml, robots.txt (for any static host; see README, Publishing); it stops"
	@echo "                 on the placeholder html_baseurl unless BASEURL=https://... (PREVIEW=1: local viewing);"
	@echo "                 PREBUILT=1 assembles the language folders already built (one CI job per language)"
	@echo "  make livehtml   rebuild one language on every save, served with live reload on port $(PORT)"
	@echo "                 (LANGUAGES=ko make livehtml; default English)"
	@echo "  make gettext    extract the catalog templates (.pot) into $(BUILDDIR)/gettext/"
	@echo "  make update-po  update locale/<lang>/LC_MESSAGES/*.po from the templates (sphinx-intl's merge),"
	@echo "                 filling new messages from translation memory (docs/translation-memory.md)"
	@echo "  make status     show which translations are current, stale, unknown, missing or orphan, and how"
	@echo "                 much of each page readers see translated (runs make gettext first)"
	@echo "  make stamp      record today's English hash once reviewed (LANGUAGES=ko PAGE=providers/litellm.md)"
	@echo "  make markdown   export the translations as MyST pages into $(BUILDDIR)/markdown/<lang>/"
	@echo "  make translate  fill empty and fuzzy messages with a model's suggestions (fuzzy, reviewed by the"
	@echo "                 guard first) through conf.py's i18n_mt endpoint; key in I18N_MT_API_KEY"
	@echo "                 (PAGE=providers/litellm.md, TRANSLATEOPTS='--accept --jobs 8'; docs/machine-translation.md)"
	@echo "  make serve      serve $(BUILDDIR)/html on http://127.0.0.1:$(PORT)/"
	@echo "  make check      check every translation: markup, links, placeholders, glossary (scripts/i18n check)"
	@echo "  make test       run make lint, make check and the test suite"
	@echo "  make test-fast  the unit tests alone (tests/unit, in-process; under a minute)"
	@echo "  make fuzz       the grammar fuzzer of hostile translations, FUZZ_ROUNDS rounds (default 20)"
	@echo "  make lint       ruff, mypy and the layer rules;  make format  reformat the code with ruff"
	@echo "  make bench      run the benchmarks, each against its peer tool in the same run (the scale"
	@echo "                 benchmark at SCALEOPTS='$(SCALEOPTS)'; SCALEOPTS= for OpenClaw's full size)"
	@echo "  make venv       create $(VENVDIR) from requirements.txt (done by the other targets;"
	@echo "                 VENV_UPDATE=0 uses an existing environment as it is)"
	@echo "  make clean      remove $(BUILDDIR)"

# -- Environment ------------------------------------------------------------------

venv: $(VENV_STAMP)

$(VENVDIR)/.installed: requirements.txt pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { \
	  echo "error: '$(PYTHON)' not found; install Python 3.11 or newer, or run make with PYTHON=/path/to/python3" >&2; exit 1; }
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { \
	  echo "error: $$($(PYTHON) --version 2>&1) is too old; install Python 3.11 or newer, or run make with PYTHON=/path/to/python3.11" >&2; exit 1; }
	@if [ ! -x $(VENVPY) ]; then \
	  echo "Creating $(VENVDIR) with $$($(PYTHON) --version 2>&1)"; \
	  $(PYTHON) -m venv $(VENVDIR) || { echo "error: could not create $(VENVDIR); on Debian or Ubuntu install the venv module: apt-get install python3-venv" >&2; exit 1; }; \
	fi
	@echo "Installing requirements.txt and the project's package (scripts/docs_i18n, editable) into $(VENVDIR)"
	@$(VENVPY) -m pip install --quiet --disable-pip-version-check -r requirements.txt || { \
	  echo "error: installing requirements.txt into $(VENVDIR) failed (see above); check your network or proxy, then run 'make venv' again" >&2; exit 1; }
	@touch $@

# -- Building ---------------------------------------------------------------------

html: venv
	@$(MAKE) --no-print-directory -j$(JOBS) html-languages
	@$(I18N) landing --out $(BUILDDIR)/html $(ALL_LANGUAGES:%=--lang %) $(if $(BASEURL),--base-url '$(BASEURL)')
	@if [ -n '$(BASEURL)' ]; then $(I18N) sitemap --out $(BUILDDIR)/html --base-url '$(BASEURL)' --source $(SOURCEDIR) $(ALL_LANGUAGES:%=--lang %); \
	  else rm -f $(BUILDDIR)/html/sitemap.xml; echo "no sitemap.xml: set html_baseurl in conf.py, or make html BASEURL=https://..."; fi

# One sphinx-build per language, each with its own doctree dir; make -j runs them
# in parallel. The stamp makes a rebuild with nothing changed do nothing at all.
# The languages whose inputs changed; the empty recipe keeps make quiet about the others.
html-languages: $(LANGUAGES:%=$(BUILDDIR)/stamps/html-%) $(LANGUAGES:%=$(BUILDDIR)/html/%/.build-info)
	@:

# Which commit a language folder is up to date with (rewritten when the commit changes).
$(BUILDDIR)/html/%/.build-info: $(BUILDDIR)/stamps/html-% FORCE
	@test "$$(cat $@ 2>/dev/null)" = 'commit: $(or $(COMMIT),unknown)' || echo 'commit: $(or $(COMMIT),unknown)' > $@

$(BUILDDIR)/stamps/html-%: $(INPUTS) $(VENV_STAMP) $(BUILDDIR)/stamps/baseurl
	@echo "[$*] building HTML into $(BUILDDIR)/html/$*/"
	@$(SPHINXBUILD) -b html -c . -q -j 1 $(STRICT) -D language=$* -D html_baseurl='$(BASEURL)' $(LOCALEOPT) \
	  -d $(BUILDDIR)/doctrees/$* $(SPHINXOPTS) $(SOURCEDIR) $(BUILDDIR)/html/$*
	@mkdir -p $(@D) && touch $@
	@echo "[$*] done"

# Rewritten only when BASEURL changes, so that a new base URL rebuilds every language.
$(BUILDDIR)/stamps/baseurl: FORCE
	@mkdir -p $(@D)
	@test "$$(cat $@ 2>/dev/null)" = '$(BASEURL)' || echo '$(BASEURL)' > $@

FORCE:

# The publishable tree, from an up-to-date build of every language: scripts/i18n site
# (scripts/docs_i18n/publish/site.py) assembles it in a temporary folder and swaps it in.
# With PREBUILT=1 nothing is built: the folders in $(BUILDDIR)/html are assembled as they are,
# and each must record COMMIT in its .build-info (scripts/i18n site --commit refuses others).
site: venv
	@$(if $(PREBUILT),:,$(MAKE) --no-print-directory -j$(JOBS) html-languages LANGUAGES='$(ALL_LANGUAGES)')
	@$(I18N) site --html $(BUILDDIR)/html --out $(BUILDDIR)/site --source $(SOURCEDIR) --locale $(LOCALEDIR) \
	  $(ALL_LANGUAGES:%=--lang %) $(if $(BASEURL),--base-url '$(BASEURL)') $(if $(COMMIT),--commit $(COMMIT)) \
	  $(if $(PREVIEW),--preview)

# One language (LANGUAGES=ko; English when LANGUAGES is not set), rebuilt by sphinx-autobuild
# on every change to the pages, the catalogs or the extension, and reloaded in the browser.
# Warnings are shown, not fatal. Only that language is served: the switcher's other
# languages are not there (make html && make serve for the whole site).
livehtml: venv
	@lang='$(if $(filter-out $(LANGUAGES),$(ALL_LANGUAGES)),$(strip $(LANGUAGES)),$(firstword $(ALL_LANGUAGES)))'; \
	  case " $(ALL_LANGUAGES) " in *" $$lang "*) ;; *) lang=; ;; esac; \
	  case "$$lang" in ""|*" "*) echo "error: livehtml rebuilds one language, one of: $(ALL_LANGUAGES) (e.g. LANGUAGES=ko make livehtml)" >&2; exit 2;; esac; \
	  echo "[$$lang] live preview on http://127.0.0.1:$(PORT)/ (Ctrl-C to stop)"; \
	  exec $(VENVPY) -m sphinx_autobuild -b html -c . -n -D language=$$lang $(LOCALEOPT) \
	    -d $(BUILDDIR)/doctrees/live-$$lang --host 127.0.0.1 --port $(PORT) \
	    --watch $(LOCALEDIR) --watch scripts/docs_i18n --re-ignore '\.mo$$' --re-ignore '__pycache__' \
	    $(SPHINXOPTS) $(SOURCEDIR) $(BUILDDIR)/livehtml/$$lang

gettext: venv
	@echo "Extracting messages into $(BUILDDIR)/gettext/"
	@$(SPHINXBUILD) -b gettext -c . -q $(STRICT) -d $(BUILDDIR)/doctrees/gettext \
	  $(SPHINXOPTS) $(SOURCEDIR) $(BUILDDIR)/gettext

# sphinx-intl's merge, then the fill from every catalog of the language (scripts/i18n update).
update-po: gettext
	@$(I18N) update --pot $(BUILDDIR)/gettext --locale $(LOCALEDIR) $(ALL_TRANSLATIONS:%=--lang %)

serve:
	@test -d $(BUILDDIR)/html || { echo "error: $(BUILDDIR)/html does not exist; run 'make html' first" >&2; exit 1; }
	@echo "Serving $(BUILDDIR)/html on http://127.0.0.1:$(PORT)/ (Ctrl-C to stop)"
	@$(PYTHON) -m http.server --bind 127.0.0.1 --directory $(BUILDDIR)/html $(PORT)

# -- Translation state ----------------------------------------------------------------

# gettext first: the message counts are those of the pages as rendered (the .pot templates).
status: gettext
	@$(I18N) status --source $(SOURCEDIR) --locale $(LOCALEDIR) --templates $(BUILDDIR)/gettext $(STATUSOPTS)

stamp: venv
	@$(I18N) stamp $(TRANSLATIONS:%=--lang %) $(if $(PAGE),--page $(PAGE)) $(STAMPOPTS)

markdown: venv
	@$(I18N) export --replace --out $(BUILDDIR)/markdown $(TRANSLATIONS:%=--lang %)

# Machine-translation suggestions (scripts/i18n translate): conf.py's i18n_mt endpoint, key in I18N_MT_API_KEY.
translate: venv
	@$(I18N) translate --locale $(LOCALEDIR) --source $(SOURCEDIR) --build $(BUILDDIR) $(TRANSLATIONS:%=--lang %) \
	  $(if $(PAGE),--page $(PAGE)) $(TRANSLATEOPTS)

# -- Quality ------------------------------------------------------------------------

# ruff, mypy (pyproject.toml) and the layer rules of docs/architecture.md (tests/unit/test_layers.py).
lint: venv
	@$(VENVPY) -m ruff check .
	@$(VENVPY) -m ruff format --check .
	@$(VENVPY) -m mypy
	@$(VENVPY) -m pytest -q -p no:xdist -p no:cacheprovider tests/unit/test_layers.py

format: venv
	@$(VENVPY) -m ruff format .
	@$(VENVPY) -m ruff check --fix .

check: venv
	@$(I18N) check

# axe-core for the browser tests' accessibility checks, pinned in tests/browser/package-lock.json
# (npm ci); without npm those tests skip locally (they fail in CI, which installs it).
BROWSER_DEPS := tests/browser/node_modules/.package-lock.json

$(BROWSER_DEPS): tests/browser/package.json tests/browser/package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --prefix tests/browser --silent; \
	  else echo "npm not found: the accessibility tests will skip (apt-get install npm)"; fi

test: lint check $(BROWSER_DEPS)
	@$(VENVPY) -m pytest -n auto --dist worksteal $(PYTESTOPTS)

# The unit tests alone (tests/unit/<subpackage>/test_<module>.py, in-process): under a minute.
test-fast: venv
	@$(VENVPY) -m pytest -q -p no:xdist tests/unit $(PYTESTOPTS)

# The grammar fuzzer (tests/test_hostile_grammar.py), more rounds than make test's one.
FUZZ_ROUNDS ?= 20
FUZZ_SEED   ?= 1000
fuzz: venv
	@I18N_FUZZ_ROUNDS=$(FUZZ_ROUNDS) I18N_FUZZ_SEED=$(FUZZ_SEED) $(VENVPY) -m pytest -n auto tests/test_hostile_grammar.py $(PYTESTOPTS)

# -- Benchmarks (one command a line) ------------------------------------------------

bench: venv
	@$(VENVPY) -m benchmarks.bench_status
	@$(VENVPY) -m benchmarks.bench_search
	@$(VENVPY) -m benchmarks.bench_search_ko
	@$(VENVPY) -m benchmarks.bench_build
	@$(VENVPY) -m benchmarks.bench_hostile
	@$(VENVPY) -m benchmarks.bench_memory
	@$(VENVPY) -m benchmarks.bench_upgrade  # skipped unless PYTHON_DOCS_KO names a folder of 3.9/ and 3.13/ catalogs
	@$(VENVPY) -m benchmarks.bench_translate
	@$(VENVPY) -m benchmarks.bench_scale $(SCALEOPTS)

clean:
	rm -rf $(BUILDDIR)

print-%:
	@echo '$($*)'
