#!/usr/bin/env bash
# Adopts an upstream revision of the Developer API document, in one command:
#
#   build/adopt-revision.sh <document> --revision <sha> --date <yyyy-mm-dd>
#
#   <document>          upstream's devops/developer-api/openapi.yml at that revision (a copy of the file)
#   --revision <sha>    the upstream commit (8 to 40 hex digits; the full 40 are recorded when given)
#   --date <yyyy-mm-dd> the commit's date (the history is kept in date order)
#
# What it does, in order, once the document reads as an OpenAPI document with operations (else it
# exits 1 having changed nothing):
#   1. the outgoing revision joins the replayed history (tests/…/Fixtures/upstream/<date>.<sha8>.yml and
#      .overlay.yml), so that Workflow/UpstreamHistoryTests keeps building and contract-testing it;
#   2. replaces openapi/openapi.yml with the document, byte for byte, and rewrites openapi/SOURCE.md;
#   3. regenerates the client (dotnet build of the library) and runs the test suite;
#   4. writes the public-API changes for review (src/Upstash.DeveloperApi/PublicAPI.received.txt and
#      tests/…/Fixtures/upstream/<date>.<sha8>.api-changes.received.txt, written by the suite);
#   5. drafts the CHANGELOG entry (operations added and removed) at the top of CHANGELOG.md;
#   6. ends by listing exactly what a person must still decide.
#
# Environment (for CI jobs and the project's own test of this script; the defaults are the real thing):
#   UPSTASH_ADOPT_TESTS=skip        regenerate only, run no test
#   UPSTASH_ADOPT_TEST_FILTER=EXPR  run `dotnet test --filter EXPR` instead of the whole suite
#
# Exit: 0 when the revision is adopted (the list at the end says what is left to decide, which can
# include a suite that fails until the changes are accepted); 2 for a usage error; 1 when nothing could
# be adopted (a document that is not an OpenAPI document with operations, a date before the vendored
# one, a build tool that failed), and then no file is changed.
set -uo pipefail

usage() {
  echo "usage: build/adopt-revision.sh <document> --revision <sha> --date <yyyy-mm-dd>" >&2
  [ $# -gt 0 ] && echo "adopt-revision: $*" >&2
  exit 2
}

document="" revision="" date=""
while [ $# -gt 0 ]; do
  case "$1" in
    --revision) [ $# -ge 2 ] || usage "--revision needs a value"; revision=$2; shift 2 ;;
    --date) [ $# -ge 2 ] || usage "--date needs a value"; date=$2; shift 2 ;;
    --help|-h) sed -n '2,28p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) usage "unknown option '$1'" ;;
    *) [ -z "$document" ] || usage "one document only (got '$document' and '$1')"; document=$1; shift ;;
  esac
done
[ -n "$document" ] || usage "the document is missing"
[ -n "$revision" ] || usage "--revision is missing"
[ -n "$date" ] || usage "--date is missing"
[[ "$revision" =~ ^[0-9a-f]{8,40}$ ]] || usage "--revision must be 8 to 40 lower-case hex digits (got '$revision')"
[[ "$date" =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}$ ]] && date -d "$date" +%F >/dev/null 2>&1 || usage "--date must be a date as yyyy-mm-dd (got '$date')"
[ -f "$document" ] && [ -r "$document" ] || { echo "adopt-revision: cannot read the document '$document'" >&2; exit 1; }
document=$(cd "$(dirname "$document")" && pwd)/$(basename "$document")

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root" || exit 1
fixtures=tests/Upstash.DeveloperApi.Contract.Tests/Fixtures/upstream
source_md=openapi/SOURCE.md
short=${revision:0:8}
name="$date.$short"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 MSBUILDDISABLENODEREUSE=1

step() { echo; echo "== $*"; }

old_revision=$(sed -n 's/^| revision | `\([0-9a-f]*\)`.*/\1/p' "$source_md")
old_date=$(sed -n 's/^| date | \([0-9-]*\) .*/\1/p' "$source_md")
[ -n "$old_revision" ] && [ -n "$old_date" ] || { echo "adopt-revision: $source_md names no revision and date" >&2; exit 1; }
old_name="$old_date.${old_revision:0:8}"
if cmp -s "$document" openapi/openapi.yml; then
  echo "adopt-revision: $document is the vendored revision already ($old_name)" >&2; exit 1
fi
if [[ "$date" < "$old_date" ]]; then
  echo "adopt-revision: $date is before the vendored revision's date ($old_date): the history is kept in date order" >&2; exit 1
fi
[ "$name" != "$old_name" ] || { echo "adopt-revision: $name is the vendored revision's name" >&2; exit 1; }

step "1. The document"
if ! dotnet build build/Upstash.CodeGeneration -v q -nologo > "$work/codegen.log" 2>&1; then
  tail -n 30 "$work/codegen.log" >&2; echo "adopt-revision: the code generator did not build" >&2; exit 1
fi
codegen=(dotnet build/Upstash.CodeGeneration/bin/Debug/net10.0/Upstash.CodeGeneration.dll)
# Nothing is touched until the document reads as an API document with operations: a file that is not
# YAML, is empty, or is some other YAML would otherwise replace openapi.yml and enter the history.
if ! "${codegen[@]}" --spec "$document" --overlay "" --list-operations > "$work/new.txt" 2> "$work/new.err" || [ ! -s "$work/new.txt" ]; then
  reason=$(grep -v '^\s*$' "$work/new.err" | head -n 1)
  echo "adopt-revision: $document is not an OpenAPI document with operations${reason:+ ($reason)}; nothing was changed" >&2; exit 1
fi
echo "   $(wc -l < "$work/new.txt") operations in the document (before the project's corrections)"
"${codegen[@]}" --spec openapi/openapi.yml --overlay openapi/corrections.overlay.yml --list-operations > "$work/before.txt" 2> "$work/before.err" \
  || "${codegen[@]}" --spec openapi/openapi.yml --overlay "" --list-operations > "$work/before.txt" 2>/dev/null || : > "$work/before.txt"

step "2. The outgoing revision $old_name joins the replayed history"
mkdir -p "$fixtures"
for pair in "openapi/openapi.yml:$fixtures/$old_name.yml" "openapi/corrections.overlay.yml:$fixtures/$old_name.overlay.yml"; do
  from=${pair%%:*} to=${pair#*:}
  if [ -e "$to" ] && ! cmp -s "$from" "$to"; then
    echo "adopt-revision: $to exists and differs from $from; the history must keep the file as it was adopted" >&2; exit 1
  fi
  cp "$from" "$to"
  echo "   $to"
done

step "3. openapi/openapi.yml is upstream revision $short ($date); openapi/SOURCE.md updated"
cp "$document" openapi/openapi.yml
sha=$(sha256sum openapi/openapi.yml | cut -d' ' -f1)
cat > "$source_md" <<EOF
# Where \`openapi.yml\` comes from

\`openapi.yml\` is upstream's file, byte for byte. Never edit it: corrections go in
\`corrections.overlay.yml\` (OpenAPI Overlay 1.0), which the build applies before generating the client.
\`build/adopt-revision.sh\` writes this file when it adopts a revision.

| | |
|---|---|
| repository | [upstash/docs](https://github.com/upstash/docs) |
| path | \`devops/developer-api/openapi.yml\` |
| revision | \`$revision\` |
| date | $date |
| SHA-256 of the file | \`$sha\` |

The revisions before it are replayed by \`Workflow/UpstreamHistoryTests\` from
\`tests/Upstash.DeveloperApi.Contract.Tests/Fixtures/upstream/\`.

## Adopting a new revision

\`build/adopt-revision.sh <document> --revision <sha> --date <yyyy-mm-dd>\`; the repository's README,
"Keeping up with the API", says what follows.
EOF
echo "   SHA-256 $sha"

step "4. Regenerating the client"
overlay_problems=()
if "${codegen[@]}" --spec openapi/openapi.yml --overlay openapi/corrections.overlay.yml --list-operations > "$work/after.txt" 2> "$work/after.err"; then
  dotnet build src/Upstash.DeveloperApi -p:UpstashFastBuild=true -v q -nologo > "$work/build.log" 2>&1
  build_status=$?
else
  build_status=1
  while IFS= read -r line; do overlay_problems+=("$line"); done < <(sed -e 's/^.*error UPSTASH[0-9]*: //' -e 's,^openapi/corrections.overlay.yml: ,,' "$work/after.err")
  # The operations without the overlay, for the CHANGELOG draft.
  "${codegen[@]}" --spec openapi/openapi.yml --overlay "" --list-operations > "$work/after.txt" 2>/dev/null || : > "$work/after.txt"
fi
if [ ${#overlay_problems[@]} -gt 0 ]; then
  echo "   the overlay does not apply: ${#overlay_problems[@]} action(s) to review (listed at the end)"
elif [ "$build_status" -ne 0 ]; then
  echo "   the library does not build from the new revision:"; grep -E 'error' "$work/build.log" | sort -u | head -n 20 | sed 's/^/   /'
else
  echo "   $(wc -l < "$work/after.txt") operations ($(wc -l < "$work/before.txt") before)"
fi

comm -13 "$work/before.txt" "$work/after.txt" > "$work/added.txt"
comm -23 "$work/before.txt" "$work/after.txt" > "$work/removed.txt"

step "5. The test suite"
suite="not run"
if [ ${#overlay_problems[@]} -gt 0 ] || [ "$build_status" -ne 0 ]; then
  suite="not run: the client does not build yet"
elif [ "${UPSTASH_ADOPT_TESTS:-}" = "skip" ]; then
  suite="not run (UPSTASH_ADOPT_TESTS=skip)"
else
  args=(test GeneratedClient.sln -nologo)
  [ -n "${UPSTASH_ADOPT_TEST_FILTER:-}" ] && args+=(--filter "$UPSTASH_ADOPT_TEST_FILTER")
  echo "   dotnet ${args[*]}"
  dotnet "${args[@]}" > "$work/test.log" 2>&1
  test_status=$?
  # Each test project sums itself up: in one line at minimal verbosity ("Passed!  - Failed: 0, Passed: 55, ..."),
  # in a block at the normal verbosity the test projects ask for ("     Passed: 55"); as .ci/run counts them.
  count() {
    { grep -E '^(Passed|Failed)!' "$work/test.log" | grep -oE "$1: +[0-9]+"; grep -E "^ +$1: +[0-9]+ *$" "$work/test.log"; } | grep -oE '[0-9]+' | awk '{s+=$1} END {print s+0}'
  }
  passed=$(count Passed)
  failed=$(count Failed)
  suite="$passed passed, $failed failed"
  [ "$test_status" -ne 0 ] && [ "$failed" -eq 0 ] && suite="failed before any test ran (see the build output of dotnet test)"
  echo "   $suite"
  grep -E '^\s+Failed [A-Za-z_.]+' "$work/test.log" | sed 's/^\s*/   - /' | sort -u | head -n 30
fi

step "6. Public-API changes written for review"
received=()
[ -f src/Upstash.DeveloperApi/PublicAPI.received.txt ] && received+=(src/Upstash.DeveloperApi/PublicAPI.received.txt)
for f in "$fixtures"/*.api-changes.received.txt; do [ -f "$f" ] && received+=("$f"); done
if [ ${#received[@]} -eq 0 ]; then echo "   none written (no change, or the suite did not run)"; else printf '   %s\n' "${received[@]}"; fi
removed_members=0 added_members=0
if [ -f src/Upstash.DeveloperApi/PublicAPI.received.txt ]; then
  sort src/Upstash.DeveloperApi/PublicAPI.approved.txt > "$work/approved.sorted"
  sort src/Upstash.DeveloperApi/PublicAPI.received.txt > "$work/received.sorted"
  removed_members=$(comm -23 "$work/approved.sorted" "$work/received.sorted" | grep -c '[^[:space:]]' || true)
  added_members=$(comm -13 "$work/approved.sorted" "$work/received.sorted" | grep -c '[^[:space:]]' || true)
  echo "   public surface: $added_members line(s) added, $removed_members removed"
fi

step "7. CHANGELOG.md: a draft entry at the top"
version=$(sed -n 's:.*<VersionPrefix>\(.*\)</VersionPrefix>.*:\1:p' Directory.Build.props)
IFS=. read -r major minor patch <<< "$version"
if [ -s "$work/removed.txt" ] || [ "$removed_members" -gt 0 ]; then
  suggested="$((major + 1)).0.0"; why="operations or members are removed or changed: a major version (package validation refuses the pack otherwise)"
elif [ -s "$work/added.txt" ] || [ "$added_members" -gt 0 ]; then
  suggested="$major.$((minor + 1)).0"; why="only additions: a minor version"
elif [ ! -f src/Upstash.DeveloperApi/PublicAPI.received.txt ] && [[ "$suite" != *passed* ]]; then
  suggested="not known yet"; why="the operations are the same, and the suite, which compares the members, did not run"
else
  suggested="$major.$minor.$((patch + 1))"; why="no change to the public surface: a patch version"
fi
{
  echo "## Unreleased: upstream revision $short ($date) — draft by build/adopt-revision.sh, review it"
  echo
  echo "Generated from upstream revision **$short** ($date) of \`devops/developer-api/openapi.yml\` in"
  echo "upstash/docs, vendored byte for byte, with the corrections of \`openapi/corrections.overlay.yml\`."
  echo "Suggested version: $suggested ($why)."
  echo
  [ ${#overlay_problems[@]} -gt 0 ] && echo "(Operations as the document has them without the overlay, which does not apply yet: review again once it does.)" && echo
  echo "Operations added:"
  if [ -s "$work/added.txt" ]; then sed 's/^\([^ ]*\) \([A-Z]*\) \(.*\)$/- `\1` (`\2 \3`)/' "$work/added.txt"; else echo "- none"; fi
  echo
  echo "Operations removed:"
  if [ -s "$work/removed.txt" ]; then sed 's/^\([^ ]*\) \([A-Z]*\) \(.*\)$/- `\1` (`\2 \3`)/' "$work/removed.txt"; else echo "- none"; fi
  echo
  echo "Members: see the reviewed \`$fixtures/$name.api-changes.txt\`."
  echo
} > "$work/entry.md"
awk -v entry="$work/entry.md" 'BEGIN { done = 0 } /^## / && !done { while ((getline line < entry) > 0) print line; done = 1 } { print } END { if (!done) while ((getline line < entry) > 0) print line }' CHANGELOG.md > "$work/CHANGELOG.md"
cp "$work/CHANGELOG.md" CHANGELOG.md
echo "   $(grep -c '^- `' "$work/entry.md") operation line(s); suggested version $suggested"

echo
echo "Adopted upstream revision $short ($date). What a person must still decide:"
n=0
for problem in "${overlay_problems[@]}"; do
  n=$((n + 1)); echo "$n. Overlay (openapi/corrections.overlay.yml): $problem"
done
n=$((n + 1)); echo "$n. Accept the public-API changes: review them, then run UPSTASH_ACCEPT_API=1 dotnet test GeneratedClient.sln (it writes PublicAPI.approved.txt and $fixtures/$name.api-changes.txt) and commit them. Test suite: $suite."
n=$((n + 1)); echo "$n. The version: VersionPrefix in Directory.Build.props is $version; suggested: $suggested ($why). After a major release, refresh the package baseline with build/make-package-baseline.sh and set UpstashBaselineVersion."
n=$((n + 1)); echo "$n. The CHANGELOG entry drafted at the top of CHANGELOG.md: name the release, and say how each changed call migrates."
exit 0
