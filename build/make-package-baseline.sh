#!/usr/bin/env bash
# Makes the package-validation baseline of a release (README, "Keeping up with the API"): packs the
# library at the current version and keeps, in build/package-baseline/, what validation reads: the
# .nuspec and each target framework's reference assembly (the public surface, no code, no docs).
# Run it when a new major version is released, commit the file, and set UpstashBaselineVersion in
# src/Upstash.DeveloperApi/Upstash.DeveloperApi.csproj to that version.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
dotnet pack src/Upstash.DeveloperApi -c Release -o "$work/pack" -p:DisablePackageBaselineValidation=true -nodeReuse:false > "$work/pack.log" || { cat "$work/pack.log"; exit 1; }
nupkg=$(ls "$work"/pack/Upstash.DeveloperApi.*.nupkg | grep -v symbols | head -n 1)
version=$(basename "$nupkg" .nupkg | sed 's/^Upstash\.DeveloperApi\.//')
mkdir -p "$work/baseline"
(cd "$work/baseline" && unzip -q "$nupkg" -x 'lib/*' 'README.md')
for tfm in $(unzip -Z1 "$nupkg" 'lib/*/Upstash.DeveloperApi.dll' | cut -d/ -f2); do
  mkdir -p "$work/baseline/lib/$tfm"
  cp "src/Upstash.DeveloperApi/obj/Release/$tfm/ref/Upstash.DeveloperApi.dll" "$work/baseline/lib/$tfm/"
done
mkdir -p build/package-baseline
out="$PWD/build/package-baseline/Upstash.DeveloperApi.$version.nupkg"
rm -f "$out"
(cd "$work/baseline" && zip -q -X -r "$out" .)
echo "baseline: $out ($(du -h "$out" | cut -f1)); set UpstashBaselineVersion to $version"
