#!/usr/bin/env bash
# Installs what building and testing athar needs on a fresh Debian machine with the Rust
# toolchain: libclang (the bindgen step of oxigraph's RocksDB) and the Python clients the tests
# and the scorer use. Safe to run again.
set -euo pipefail
if ! ls /usr/lib/llvm-*/lib/libclang*.so* >/dev/null 2>&1 || ! command -v xmllint >/dev/null \
  || ! command -v wrk >/dev/null || ! command -v curl >/dev/null \
  || ! ls /usr/lib/jvm/java-17-openjdk-*/bin/java >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq libclang-dev libxml2-utils wrk curl \
    openjdk-17-jre-headless >/dev/null
fi
python3 -c "import pyoxigraph, pandas, networkx, igraph, rdflib, SPARQLWrapper, openpyxl" 2>/dev/null \
  || python3 -m pip install -q "pyoxigraph==0.5.13" "pandas>=2" "networkx>=3" "igraph>=0.11" "rdflib>=7" \
    "SPARQLWrapper>=2" "openpyxl>=3.1"
# the Spark job (scripts/spark-build.sh) and the Python module's build
python3 -c "import pyspark, maturin" 2>/dev/null \
  || python3 -m pip install -q "pyspark==4.3.0" "maturin>=1.5,<2"
# athar's Python module (python/): the extraction library without the store, so no RocksDB; a
# wheel built into the cargo target folder and installed (an unchanged build takes seconds)
target="${CARGO_TARGET_DIR:-$HOME/.cache/athar/target}"
export CARGO_TARGET_DIR="$target"
here="$(cd "$(dirname "$0")/.." && pwd)"
rm -rf "$target/wheels"
log="$(mktemp)"
python3 -m maturin build --release --manifest-path "$here/python/Cargo.toml" --out "$target/wheels" >"$log" 2>&1 \
  || { cat "$log"; rm -f "$log"; exit 1; }
rm -f "$log"
python3 -m pip install -q --force-reinstall --no-deps "$target"/wheels/athar-*.whl
