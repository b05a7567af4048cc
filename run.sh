#!/usr/bin/env bash
# Starts NeverLetMeGo on the embedded default: a private PostgreSQL, the API with the sample reviews, and the scrape worker.
# The API listens on $ASPNETCORE_URLS (default http://127.0.0.1:5080). Ctrl+C stops both; the database keeps running
# for next time (`nlmg db stop` stops it).
set -euo pipefail
cd "$(dirname "$0")"

url="${ASPNETCORE_URLS:-http://127.0.0.1:5080}"
api=src/NeverLetMeGo.Api/bin/Release/net10.0
worker=src/NeverLetMeGo.Worker/bin/Release/net10.0
# Written after a successful build; a start with no source newer than it skips the build (a no-op build still costs
# half a minute of MSBuild evaluation).
stamp=src/NeverLetMeGo.Api/bin/Release/run.sh.built
say() { printf '==> %s\n' "$*"; }

changed() {
  [ -f "$stamp" ] && [ -f "$api/NeverLetMeGo.Api.dll" ] && [ -f "$worker/nlmg.dll" ] || return 0
  [ -n "$(find src db samples Directory.Build.props Directory.Packages.props global.json -newer "$stamp" \
    -not -path '*/bin/*' -not -path '*/obj/*' -print -quit)" ]
}

if changed; then
  say "Building the API and the nlmg worker (Release). The first build restores packages and takes a few minutes;"
  say "later starts skip this step while nothing under src/, db/ or samples/ has changed."
  # Only the two programs: the test projects are not needed to run.
  dotnet build src/NeverLetMeGo.Api -c Release --nologo
  dotnet build src/NeverLetMeGo.Worker -c Release --nologo
  touch "$stamp"
else
  say "Build is up to date (no source changed since the last build)."
fi

nlmg() { dotnet "$worker/nlmg.dll" "$@"; }

if [ -n "${ConnectionStrings__Reviews:-}" ]; then
  say "Database: the PostgreSQL server named by ConnectionStrings__Reviews."
else
  data="$(nlmg db status | sed -n 's/^Data: *//p')"
  say "Database: an embedded PostgreSQL cluster in $data"
  if [ "$(id -u)" = 0 ] && [ -z "${Database__DataDirectory:-}" ]; then
    say "  (running as root: every root run on this machine shares that folder; set Database__DataDirectory=/some/folder for a private one)"
  fi
  say "  To start afresh: stop this script, then: dotnet $worker/nlmg.dll db stop && rm -rf '$data'"
fi

if [ -z "${Admin__ApiKeys__0:-}" ]; then
  say "Admin API (/admin/…): off, no key configured. To enable it: Admin__ApiKeys__0='a-long-secret' ./run.sh"
  say "  and send the key as the X-Api-Key header."
else
  say "Admin API (/admin/…): on; send a configured key as the X-Api-Key header."
fi

say "Starting the scrape worker (nlmg worker) and the API; the first start creates the database and imports the samples."
nlmg worker &
worker_pid=$!
trap 'kill "$worker_pid" 2>/dev/null || true' EXIT INT TERM

say "Reading page: $url/   Swagger UI: $url/swagger   Reviews: $url/works   (Ctrl+C stops)"
ASPNETCORE_URLS="$url" dotnet "$api/NeverLetMeGo.Api.dll"
