# Werkstatt: `make run` starts the app, `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501
# make serve-multi: one app process per core behind nginx (deploy/README.md).
PROCS ?= $(shell nproc)


.PHONY: run serve-multi test demo bench bench-load screenshots system catalogues translations kern-css clean

# Stamp files: reinstall only when a requirements file changed.
$(VENV)/.app: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: $(VENV)/.app requirements-dev.txt
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

# The compiled translations (locales/*/LC_MESSAGES/*.mo) the app reads; built from the .po files in git.
catalogues: $(VENV)/.app
	$(BIN)/python -m werkstatt i18n compile

# For translators and developers: new or changed German texts from the code into every .po file,
# then compile and list what each language still lacks (README, "Translations").
translations: $(VENV)/.app
	$(BIN)/python -m werkstatt i18n update

run: $(VENV)/.app system catalogues
	@echo "Werkstatt runs on http://localhost:$(PORT)  (database: $${WERKSTATT_DB:-data/werkstatt.db})"
	@echo "Tablets in the room: see the link and QR code in the facilitator console."
	@echo "Want a finished example workshop first? Stop with Ctrl+C and run: make demo"
	$(BIN)/streamlit run app.py --server.port $(PORT)

serve-multi: $(VENV)/.app system catalogues  ## PROCS app processes behind nginx on PORT, in the foreground
	$(BIN)/python -m deploy.serve_multi --processes $(PROCS) --port $(PORT)

demo: $(VENV)/.app
	$(BIN)/python -m werkstatt demo --base-url http://localhost:$(PORT)
	@echo "Now start the app with: make run"

screenshots: $(VENV)/.dev system  ## retake the README's screenshots from the real app
	WERKSTATT_README_SCREENSHOTS=1 $(BIN)/python -m pytest -q \
	  tests/e2e/test_live_workshop.py::test_a_live_workshop_from_check_in_to_the_reveal \
	  tests/e2e/test_phone_languages.py

bench: $(VENV)/.app
	$(BIN)/python -m bench.service_costs
	$(BIN)/python -m bench.taskforce_costs
	$(BIN)/python -m bench.export_costs

# make bench-load: N simulated phones (HTTP + Server-Sent Events, with the console and the projector on
# Streamlit's protocol) against the real server, then against the floor (bench/README.md). One app
# process unless PROCS is given on the command line (then behind nginx).
N ?= 150
LOAD_PROCS = $(if $(filter command line,$(origin PROCS)),$(PROCS),1)
bench-load: $(VENV)/.dev system
	mkdir -p bench/results
	$(BIN)/python -m bench.load --devices $(N) --processes $(LOAD_PROCS) --json bench/results/load-$(N)-$(LOAD_PROCS).json

# Debian packages: chromium (browser tests, and kaleido draws the report's charts with it), and
# pango with fonts for WeasyPrint's PDF (emoji on cards included), nginx for make serve-multi and its
# browser test (it runs its own nginx in the foreground; a system nginx the package may start is not used);
# iproute2, openssl, logrotate and systemd (systemd-analyze) for tests/deploy (deploy/install.sh --check
# and the HTTPS test between network namespaces). Installed only when missing, and only as root.
SYSTEM_PACKAGES := chromium libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core fonts-noto-color-emoji nginx \
	iproute2 openssl logrotate systemd

system:
	@missing=$$(for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing Debian packages: $$missing ..."; \
	    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q $$missing; \
	  else \
	    echo "Werkstatt needs these Debian packages: $$missing. Please run: sudo apt-get install $$missing"; \
	    exit 1; \
	  fi; \
	fi

test: $(VENV)/.dev system catalogues
	$(BIN)/python -m pytest

# The participant pages' KERN styles (werkstatt/web/kern-subset.scss), compiled from the npm package
# into the vendored werkstatt/web/static/kern/kern.min.css. Only for maintainers: needs node and npm.
KERN_VERSION := 2.7.2
SASS_VERSION := 1.108.2
kern-css:
	rm -rf .kern && mkdir -p .kern
	cd .kern && npm pack --silent @kern-ux/native@$(KERN_VERSION) && tar xzf kern-ux-native-$(KERN_VERSION).tgz \
	  && npm install --silent --no-save sass@$(SASS_VERSION)
	.kern/node_modules/.bin/sass --no-source-map --style=compressed --load-path=.kern \
	  werkstatt/web/kern-subset.scss werkstatt/web/static/kern/kern.min.css
	cp .kern/package/LICENSE.md werkstatt/web/static/kern/LICENSE.md
	rm -rf .kern

clean:
	rm -rf $(VENV) .pytest_cache .kern
