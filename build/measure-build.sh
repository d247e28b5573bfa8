#!/usr/bin/env bash
# Measures the cost of build-time generation (README, "Performance"):
#   1. a cold build of the library (bin/ and obj/ deleted),
#   2. a rebuild with nothing changed,
#   3. a rebuild after touching openapi/openapi.yml,
# counting generation runs in each (obj/Generated/nswag-runs.log gets a line per run), and compares
# the unchanged rebuild with a plain library of the same size: the same sources, generated files
# checked in as ordinary code, no generation step. It also counts the generated lines and operations.
# Usage: build/measure-build.sh [repetitions]   (default 3; the median is reported)
set -euo pipefail
cd "$(dirname "$0")/.."
reps=${1:-3}
lib=src/Upstash.DeveloperApi
log=$lib/obj/Generated/nswag-runs.log
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

runs() { [ -f "$log" ] && wc -l < "$log" | tr -d ' ' || echo 0; }
seconds() { local s e; s=$(date +%s.%N); "$@" > /tmp/measure-build.out 2>&1 || { cat /tmp/measure-build.out; exit 1; }; e=$(date +%s.%N); awk -v s="$s" -v e="$e" 'BEGIN {printf "%.2f", e - s}'; }
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

rm -rf "$lib/bin" "$lib/obj"
dotnet restore "$lib" > /dev/null
before=$(runs); cold=$(seconds dotnet build "$lib" --no-restore); cold_runs=$(( $(runs) - before ))

unchanged=(); before=$(runs)
for _ in $(seq "$reps"); do unchanged+=("$(seconds dotnet build "$lib" --no-restore)"); done
unchanged_runs=$(( $(runs) - before ))

touched=(); touched_runs=()
for _ in $(seq "$reps"); do
  touch openapi/openapi.yml; before=$(runs)
  touched+=("$(seconds dotnet build "$lib" --no-restore)"); touched_runs+=($(( $(runs) - before )))
done

# The plain library: same sources plus the generated files as ordinary code, no NSwag.
plain=$(mktemp -d)/Plain
mkdir -p "$plain"
for dir in "$lib"/*/; do case "$(basename "$dir")" in bin|obj) ;; *) cp -r "$dir" "$plain"/ ;; esac; done
cp "$lib"/*.cs "$plain"/
cp "$lib"/obj/Generated/*.g.cs "$plain"/
sed -e '/NSwag.MSBuild/d' -e '/Upstash.CodeGeneration.targets/d' -e 's|InternalsVisibleTo Include="[^"]*"|InternalsVisibleTo Include="None"|' "$lib/Upstash.DeveloperApi.csproj" > "$plain/Plain.csproj"
cp Directory.Build.props global.json "$(dirname "$plain")"/
dotnet restore "$plain" > /dev/null
seconds dotnet build "$plain" --no-restore > /dev/null
plain_unchanged=()
for _ in $(seq "$reps"); do plain_unchanged+=("$(seconds dotnet build "$plain" --no-restore)"); done

u=$(median "${unchanged[@]}"); p=$(median "${plain_unchanged[@]}"); t=$(median "${touched[@]}")
generated_lines=$(cat "$lib"/obj/Generated/*.g.cs | wc -l | tr -d ' ')
operations=$(grep -c 'new Upstash.DeveloperApi.Clients.ApiOperation(' "$lib"/obj/Generated/ApiOperations.g.cs)
echo
echo "generated: $operations operations, $generated_lines lines of C# in $(ls "$lib"/obj/Generated/*.g.cs | wc -l | tr -d ' ') files"
echo "| build ($(nproc) cores, median of $reps) | seconds | generation runs |"
echo "|---|---|---|"
echo "| cold (bin/obj deleted, 3 target frameworks) | $cold | $cold_runs |"
echo "| unchanged rebuild | $u | $unchanged_runs (over $reps builds) |"
echo "| rebuild after touching openapi.yml | $t | ${touched_runs[*]} (one per build) |"
echo "| plain library of the same sources, unchanged rebuild | $p | - |"
echo "| ratio unchanged rebuild / plain library | $(awk -v u="$u" -v p="$p" 'BEGIN {printf "%.2f", u / p}') | |"
