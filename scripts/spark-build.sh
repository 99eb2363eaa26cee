#!/usr/bin/env bash
# athar's build on Spark (scripts/spark_build.py): INPUT... OUT [--master URL] [--as-of DATE].
# Writes OUT/shards/, OUT/store/ and OUT/graph.nq (the bytes `athar build INPUT --export` writes).
# Needs what scripts/setup.sh installs: Java 17, pyspark, the athar Python module, the binary.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
if [ -z "${ATHAR_BIN:-}" ]; then
  target="${CARGO_TARGET_DIR:-$HOME/.cache/athar/target}"
  for c in "$target/release/athar" "$here/target/release/athar" "$(command -v athar || true)"; do
    if [ -n "$c" ] && [ -x "$c" ]; then ATHAR_BIN="$c"; break; fi
  done
fi
if [ -z "${ATHAR_BIN:-}" ]; then
  echo "spark-build: no athar binary (run scripts/build-seeds.sh, or set ATHAR_BIN)" >&2
  exit 1
fi
export ATHAR_BIN
if [ -z "${JAVA_HOME:-}" ]; then
  for j in /usr/lib/jvm/java-17-openjdk-*; do
    if [ -x "$j/bin/java" ]; then export JAVA_HOME="$j"; break; fi
  done
fi
# a local master binds to the loopback address (no warning about the host's name)
case " $* " in
  *" --master "*) ;;
  *) export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}" ;;
esac
# the executors' Python is the driver's (the one the module is installed in)
export PYSPARK_PYTHON="${PYSPARK_PYTHON:-$(command -v python3)}"
export PYSPARK_DRIVER_PYTHON="${PYSPARK_DRIVER_PYTHON:-$PYSPARK_PYTHON}"
exec python3 "$here/scripts/spark_build.py" "$@"
