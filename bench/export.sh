#!/usr/bin/env bash
# Staff export at size: seeds IDEAS ideas (default 100 000), serves them, downloads the CSV and
# XLSX export as an admin and prints, for each, the seconds, the file size and the server's
# resident memory (VmRSS after, VmHWM = peak so far). Run it for 10 000 and 100 000 ideas: flat
# memory means the peak barely moves while the file grows tenfold.
#
#   bench/export.sh                       # release binary, 100 000 ideas
#   IDEAS=10000 KLIMADIALOG_BIN=target/debug/klimadialog bench/export.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${KLIMADIALOG_BIN:-target/release/klimadialog}
ideas=${IDEAS:-100000}
port=${PORT:-3992}
dir=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$dir"' EXIT
export DATABASE_URL="$dir/bench.db" KLIMADIALOG_DEMO=false KLIMADIALOG_DATA_DIR="$dir" \
  LEPTOS_SITE_ROOT=target/site LEPTOS_SITE_ADDR="127.0.0.1:$port" KLIMADIALOG_METRICS_ADDR=127.0.0.1:0 RUST_LOG=warn

"$bin" seed --ideas "$ideas" --supports "$ideas" >/dev/null
printf '%s\n' 'bench-export-password' | "$bin" staff add bench --role admin >/dev/null
"$bin" serve >/dev/null 2>&1 &
pid=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done
curl -s -c "$dir/jar" -o /dev/null -H 'accept: text/html' \
  --data 'username=bench&password=bench-export-password&next=/staff' \
  "http://127.0.0.1:$port/fn/staff/login"

kb() { awk -v k="$1:" '$1 == k { print $2 }' "/proc/$pid/status"; }
echo "ideas: $ideas; server RSS before: $(( $(kb VmRSS) / 1024 )) MB"
printf '%-6s %9s %10s %12s %12s\n' format seconds size_MB rss_after_MB peak_MB
for format in csv xlsx; do
  seconds=$( { /usr/bin/time -f '%e' curl -sf -b "$dir/jar" -o "$dir/out.$format" \
    "http://127.0.0.1:$port/staff/export/ideas.$format"; } 2>&1 )
  size=$(stat -c %s "$dir/out.$format")
  printf '%-6s %9s %10.1f %12d %12d\n' "$format" "$seconds" "$(echo "$size / 1048576" | bc -l)" \
    $(( $(kb VmRSS) / 1024 )) $(( $(kb VmHWM) / 1024 ))
done
