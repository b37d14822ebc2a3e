#!/usr/bin/env bash
# Make this machine ready to build the site (and, with --test, to run the tests):
# Debian packages, then a Python virtual environment in .venv with the project installed.
# Safe to run again: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

with_test=0
[ "${1:-}" = "--test" ] && with_test=1

# Fonts for posters (the Simplified Chinese face of Noto CJK; Noto's Arabic, Tibetan and
# Mongolian faces for Uyghur, Kazakh, Tibetan and Mongolian text), fontconfig to find them,
# cairo to draw posters and Pango to set their text; for tests also Chromium and PDF/QR readers.
packages=(fonts-noto-cjk fonts-noto-core fontconfig libcairo2 libpango-1.0-0 libpangocairo-1.0-0 git)
if [ "$with_test" = 1 ]; then
  packages+=(chromium poppler-utils zbar-tools)
fi
python3 -m venv --help >/dev/null 2>&1 && python3 -c "import ensurepip" 2>/dev/null || packages+=(python3-venv)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "» installing Debian packages: ${missing[*]}"
  if [ "$(id -u)" = 0 ]; then
    sudo=()
  elif command -v sudo >/dev/null; then
    sudo=(sudo)
  else
    echo "These Debian packages are missing: ${missing[*]}" >&2
    echo "Ask an administrator to run: apt-get install ${missing[*]}" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ ! -x .venv/bin/python ]; then
  echo "» creating the Python environment in .venv"
  python3 -m venv .venv
fi

extra=""
[ "$with_test" = 1 ] && extra="[test]"
stamp=".venv/.xuanchuan-installed"
wanted="$(sha256sum pyproject.toml | cut -d' ' -f1) ${extra}"
# A test install covers a plain one too.
installed=0
if [ -f "$stamp" ]; then
  grep -qxF -- "$wanted" "$stamp" && installed=1
  [ -z "$extra" ] && grep -qxF -- "${wanted}[test]" "$stamp" && installed=1
fi
if [ "$installed" = 0 ]; then
  echo "» installing Python packages"
  .venv/bin/python -m pip install --disable-pip-version-check -q -e ".${extra}"
  echo "$wanted" > "$stamp"
fi
# cairo cannot subset the CJK fonts' CFF outlines correctly: posters use a copy made once.
.venv/bin/python -m xuanchuan.printing.text.embeddable
echo "» ready"
