#!/usr/bin/env bash
# Starts NeverLetMeGo on the embedded default: a private PostgreSQL, the API with the sample reviews, and the scrape worker.
# The API listens on $ASPNETCORE_URLS (default http://127.0.0.1:5080). Ctrl+C stops both; the database keeps running
# for next time (`nlmg db stop` stops it).
set -euo pipefail
cd "$(dirname "$0")"

url="${ASPNETCORE_URLS:-http://127.0.0.1:5080}"
dotnet build NeverLetMeGo.sln -c Release --nologo -v quiet -clp:ErrorsOnly

api=src/NeverLetMeGo.Api/bin/Release/net10.0
worker=src/NeverLetMeGo.Worker/bin/Release/net10.0

dotnet "$worker/nlmg.dll" worker &
worker_pid=$!
trap 'kill "$worker_pid" 2>/dev/null || true' EXIT INT TERM

echo "NeverLetMeGo API on $url  (Swagger UI: $url/swagger, reviews: $url/works)"
ASPNETCORE_URLS="$url" dotnet "$api/NeverLetMeGo.Api.dll"
