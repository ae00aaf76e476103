#!/bin/sh
# Copies the repository's goal files into the fuzzer's corpus folder (not committed), each
# twice: as written, and without comments and blank lines, so that a whole file fits in a
# few kilobytes of -max_len and the fuzzer reaches its goals and targets. The exports
# (examples/, examples/exports/, tests/hostile/actuals/) seed the `export` target.
# Run from anywhere; the corpora land in fuzz/corpus/pipeline/ and fuzz/corpus/export/.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
corpus="$root/fuzz/corpus/pipeline"
mkdir -p "$corpus"
for f in "$root"/goals.example.toml "$root"/examples/*.toml "$root"/tests/fixtures/*.toml; do
    [ -f "$f" ] || continue
    name="seed-$(basename "$(dirname "$f")")-$(basename "$f" .toml)"
    cp "$f" "$corpus/$name.toml"
    # Drops whole-line comments, blank lines, and trailing comments that hold no quote.
    sed -e '/^[[:space:]]*#/d' -e '/^[[:space:]]*$/d' \
        -e "s/[[:space:]][[:space:]]*#[^\"']*\$//" "$f" >"$corpus/$name-bare.toml"
done
echo "seeded $(ls "$corpus" | wc -l) files into $corpus"
exports="$root/fuzz/corpus/export"
mkdir -p "$exports"
for f in "$root"/examples/*.csv "$root"/examples/exports/*.csv "$root"/tests/hostile/actuals/*.csv; do
    [ -f "$f" ] || continue
    cp "$f" "$exports/seed-$(basename "$(dirname "$f")")-$(basename "$f")"
done
echo "seeded $(ls "$exports" | wc -l) files into $exports"
