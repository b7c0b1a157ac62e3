#!/usr/bin/env bash
# Regenerates tests/fixtures/reference/crosstab-reference.json: crosstabs of the
# real respondent files in ../shared/datasets computed by GNU R (base R only:
# xtabs, chisq.test(correct = FALSE), pchisq(lower.tail = FALSE), Kish effective
# bases, and the letters rule the engine documents: pooled column-proportion
# z-tests, Bonferroni within each row, on effective bases when weighted), and
# tests/fixtures/reference/tabs-reference.json: tab books (effective bases,
# weighted means, SDs and medians, letters with Welch's t and corrections by
# p.adjust), with the definitions written at the top of their section in the R script;
# and tests/fixtures/reference/counts-reference.json: tables of counts as pasted on
# the counts page (chi-square, letters, Wilson intervals checked against prop.test).
# Needs: Rscript (Debian: apt-get install -y r-base-core).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
datasets="${DATASETS:-$root/../shared/datasets}"
out="$root/tests/fixtures/reference/crosstab-reference.json"
tabs="$root/tests/fixtures/reference/tabs-reference.json"
counts="$root/tests/fixtures/reference/counts-reference.json"
if [ ! -d "$datasets" ]; then
  echo "No datasets folder at $datasets (set DATASETS=...)." >&2
  exit 1
fi
command -v Rscript >/dev/null || { echo "Rscript not found: apt-get install -y r-base-core" >&2; exit 1; }
mkdir -p "$(dirname "$out")"
Rscript "$root/scripts/reference/crosstab-reference.R" "$datasets" "$out" "$tabs" "$counts"
echo "wrote $out, $tabs and $counts"
