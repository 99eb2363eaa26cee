#!/usr/bin/env bash
# Installs what building and testing athar needs on a fresh Debian machine with the Rust
# toolchain: libclang (the bindgen step of oxigraph's RocksDB) and the Python clients the tests
# and the scorer use. Safe to run again.
set -euo pipefail
if ! ls /usr/lib/llvm-*/lib/libclang*.so* >/dev/null 2>&1 || ! command -v xmllint >/dev/null \
  || ! command -v wrk >/dev/null || ! command -v curl >/dev/null; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq libclang-dev libxml2-utils wrk curl >/dev/null
fi
python3 -c "import pyoxigraph, pandas, networkx, igraph, rdflib, SPARQLWrapper, openpyxl" 2>/dev/null \
  || python3 -m pip install -q "pyoxigraph==0.5.13" "pandas>=2" "networkx>=3" "igraph>=0.11" "rdflib>=7" \
    "SPARQLWrapper>=2" "openpyxl>=3.1"
