#!/usr/bin/env bash
# Measures the start-up of the upstash-devapi tool (README, "Performance"): a whole
# `upstash-devapi rotate-token --yes … --format env` process against a loopback server on 127.0.0.1,
# next to curl making the same request, in the same run. The tool is published twice from the same
# sources: as a plain framework-dependent app (JIT only, what the tool was before) and as it ships
# (UpstashToolReadyToRun, the default: the assemblies rotate-token loads carry ReadyToRun code for linux-x64).
# Beside them, when npm can install it, Upstash's own CLI (@upstash/cli 1.0.2, node) rotating the same
# way: a module loaded first (--import) rewrites its fetch URL from https://api.upstash.com to the
# loopback server. Every process rotates QStash user q-1 by id (POST /v2/qstash/rotate-token/q-1).
# Each figure is the median of N process runs, after one unmeasured run of each.
# Usage: build/measure-tool-startup.sh [runs]   (default 20; needs python3 and curl; node and npm optional)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}
out=$(mktemp -d)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
trap '[ -n "${server:-}" ] && kill "$server" 2>/dev/null; rm -rf "$out"' EXIT

cli=src/Upstash.DeveloperApi.Cli
dotnet publish "$cli" -c Release -o "$out/jit" -p:UpstashToolReadyToRun=false > "$out/publish-jit.log" 2>&1 || { cat "$out/publish-jit.log"; exit 1; }
dotnet publish "$cli" -c Release -o "$out/r2r" > "$out/publish-r2r.log" 2>&1 || { cat "$out/publish-r2r.log"; exit 1; }

# A loopback server that answers every POST with a QStash account, as the document's example does.
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
python3 - "$port" <<'PY' &
import http.server, sys
body = b'{"id":"7cc1b6b4-4b7e-4f3a-9f2c-5c1a2e0f9b11","customer_id":"a@b.c","token":"eyJVc2VySUQiOiJ0ZXN0LXRva2VuLXZhbHVlLWZvci1iZW5jaG1hcmsifQ==","password":"c2lnbmluZy1rZXktZm9yLWJlbmNobWFya3M=","active":true,"state":"active","type":"paid","max_requests_per_day":500}'
class H(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.send_response(200); self.send_header("Content-Type", "application/json"); self.send_header("Content-Length", str(len(body))); self.end_headers(); self.wfile.write(body)
    def log_message(self, *a): pass
http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
PY
server=$!
for _ in $(seq 50); do curl -s -o /dev/null -X POST "http://127.0.0.1:$port/" && break; sleep 0.1; done

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
time_runs() {
  local times=() s e
  "$@" > /dev/null 2>&1 || { echo "failed: $*" >&2; "$@"; exit 1; }
  for _ in $(seq "$runs"); do
    s=$(date +%s%N); "$@" > /dev/null 2>&1; e=$(date +%s%N)
    times+=("$(( (e - s) / 1000 ))")
  done
  median "${times[@]}"
}
rotate() { "$1/upstash-devapi" rotate qstash --qstash-id q-1 --yes --email a@b.c --api-key k3y-0123456789abcdef --base-url "http://127.0.0.1:$port" --format env; }

upstash_cli=""
if command -v npm > /dev/null && npm install --silent --no-audit --no-fund --prefix "$out/node" @upstash/cli@1.0.2 > "$out/npm.log" 2>&1; then
  cat > "$out/node/fetch-to-loopback.mjs" <<JS
const real = globalThis.fetch;
globalThis.fetch = (url, init) => real(String(url).replace("https://api.upstash.com", "http://127.0.0.1:$port"), init);
JS
  upstash_cli="$out/node/node_modules/@upstash/cli/dist/cli.js"
fi
upstash() { node --import "file://$out/node/fetch-to-loopback.mjs" "$upstash_cli" qstash rotate-token --qstash-id q-1 --email a@b.c --api-key k3y-0123456789abcdef; }

curl_us=$(time_runs curl -s -f -u a@b.c:k3y-0123456789abcdef -X POST -H 'Content-Length: 0' "http://127.0.0.1:$port/v2/qstash/rotate-token/q-1")
jit_us=$(time_runs rotate "$out/jit")
r2r_us=$(time_runs rotate "$out/r2r")
node_us=""
[ -n "$upstash_cli" ] && node_us=$(time_runs upstash)

echo "a QStash token rotation by id against 127.0.0.1, median of $runs runs ($(nproc) cores, $(dotnet --version) SDK)"
echo
echo "| | seconds | vs curl | vs JIT only | vs Upstash's CLI |"
echo "|---|---:|---:|---:|---:|"
awk -v c="$curl_us" -v j="$jit_us" -v r="$r2r_us" -v n="$node_us" 'BEGIN {
  printf "| curl | %.3f | 1.0 | | |\n", c / 1e6
  printf "| upstash-devapi, JIT only | %.3f | %.0f | 1.00 | %s |\n", j / 1e6, j / c, n ? sprintf("%.2f", j / n) : ""
  printf "| upstash-devapi as shipped (ReadyToRun for linux-x64) | %.3f | %.0f | %.2f | %s |\n", r / 1e6, r / c, r / j, n ? sprintf("%.2f", r / n) : ""
  if (n) printf "| Upstash'"'"'s CLI (@upstash/cli 1.0.2, node %s) | %.3f | %.0f | | 1.00 |\n", "'"$(node --version 2>/dev/null)"'", n / 1e6, n / c
}'
