#!/usr/bin/env bash
# Make nbstripout the git clean filter of the notebooks (see .gitattributes), so
# running a notebook in JupyterLab and saving it never commits its outputs.
# Usage: tools/git-filter.sh VENV_BIN   (called by `make bootstrap`; idempotent)
set -euo pipefail
bin=$(cd "${1:?usage: tools/git-filter.sh VENV_BIN}" && pwd)
# Not a git checkout (an unpacked archive): nothing to protect.
git rev-parse --is-inside-work-tree >/dev/null 2>&1 || exit 0
# Already set up with this venv's nbstripout: leave the config alone.
clean=$(git config --get filter.nbstripout.clean || true)
case "$clean" in *"$bin"*nbstripout*) exit 0 ;; esac
# Writes filter.nbstripout.{clean,smudge,required} and diff.ipynb.textconv to
# the repository's own config (.git/config), never the global one.
"$bin/nbstripout" --install
echo "git: notebooks are now committed without outputs (nbstripout filter in .git/config)"
