#!/usr/bin/env bash
# Regenerates tests/fixtures/sav/: small SPSS system files written by GNU PSPP
# from ../shared/datasets (hdv2003, StarWars) and from small synthetic tables
# this script writes itself, the CSV each .sav came from, and PSPP's own view of
# them (FREQUENCIES, CROSSTABS, MRSETS /DISPLAY, CTABLES) as CSV and text.
# The syntax is sav-fixtures.sps (data) and sav-fixtures-view.sps (PSPP's view).
# Needs: pspp (Debian: apt-get install -y pspp). Tests never run PSPP: they read
# the committed files.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
datasets="${DATASETS:-$root/../shared/datasets}"
out="$root/tests/fixtures/sav"
if [ ! -d "$datasets" ]; then
  echo "No datasets folder at $datasets (set DATASETS=...)." >&2
  exit 1
fi
command -v pspp >/dev/null || { echo "pspp not found: apt-get install -y pspp" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# hdv2003: the header and the first 200 respondents, byte for byte.
head -n 201 "$datasets/questionr/questionr-hdv2003.csv" > "$work/hdv2003.csv"
# StarWars: the first 300 respondents, without the two header lines (Windows-1252 bytes).
sed -n "3,302p" "$datasets/fivethirtyeight/star-wars-survey/StarWars.csv" > "$work/starwars-input.csv"

# strings: 24 synthetic rows. The essay repeats a phrase with multibyte characters,
# after prefixes of different lengths, so characters straddle the 255-byte segments.
{
  echo 'id,city,answer,comment,essay,tea,coffee,juice,pick1,pick2,rating,satisfaction_with_service,score'
  cities=(Paris Lyon 北京 '?' '')
  answers=(agree disagree unsure skip '' maybe)
  yesno=(Yes No Yes Yes No No)
  colours=(red green blue '' pink red)
  scores=(42 -1 95 7 '' 13 99 60)
  for i in $(seq 1 24); do
    essay=''
    if [ $((i % 6)) -ne 0 ]; then
      essay="Row $i $(printf '%*s' $((i % 5)) '' | tr ' ' '.')"
      for _ in $(seq 1 $((9 + i % 12))); do essay="$essay Un café à Pékin 北京."; done
    fi
    tea="${yesno[$((i % 6))]}"; coffee="${yesno[$(((i + 1) % 6))]}"; juice="${yesno[$(((i + 3) % 6))]}"
    if [ $((i % 7)) -eq 0 ]; then tea=''; coffee=''; juice=''; fi
    rating=$((i % 6)); [ "$rating" -eq 0 ] && rating=''
    printf '%s,%s,%s,"Comment number %s, in its own words",%s,%s,%s,%s,%s,%s,%s,%s,%s\n' \
      "$i" "${cities[$((i % 5))]}" "${answers[$((i % 6))]}" "$i" "$essay" \
      "$tea" "$coffee" "$juice" "${colours[$((i % 6))]}" "${colours[$(((i + 2) % 6))]}" \
      "$rating" "$((1 + i % 3))" "${scores[$((i % 8))]}"
  done
} > "$work/strings.csv"

cat > "$work/latin.csv" <<'CSV'
id,ville,s_sexe
1,Zürich,F
2,Genève,H
3,Besançon,F
4,São Paulo,F
5,Málaga,H
6,Genève,F
CSV
cat > "$work/chinese.csv" <<'CSV'
id,city,s_sex
1,北京,男
2,上海,女
3,广州,女
4,北京,女
5,深圳,男
6,上海,男
CSV

cp "$root/scripts/reference/sav-fixtures.sps" "$root/scripts/reference/sav-fixtures-view.sps" "$work/"
(cd "$work" && pspp sav-fixtures.sps > pspp-data.log)
(cd "$work" && pspp -O format=csv -o pspp-view.csv sav-fixtures-view.sps > /dev/null)
(cd "$work" && pspp -O format=txt -o pspp-view.txt sav-fixtures-view.sps > /dev/null)

mkdir -p "$out"
rm -f "$out"/*.sav "$out"/*.zsav "$out"/*.csv "$out"/*.txt
cp "$work"/hdv2003.sav "$work"/hdv2003-compressed.sav "$work"/hdv2003.zsav "$work"/hdv2003.csv \
  "$work"/starwars.sav "$work"/starwars.csv "$work"/strings.sav "$work"/strings.csv \
  "$work"/latin1252.sav "$work"/chinese-gbk.sav "$work"/pspp-view.csv "$work"/pspp-view.txt "$out/"
ls -l "$out"
