# Builds both hosts and nlmg-extract; docker-compose.yml picks the entry point per service.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# NativeAOT (nlmg-extract) links with clang; zlib for the runtime it links in.
RUN apt-get update \
 && apt-get install -y --no-install-recommends clang zlib1g-dev \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
# ReadyToRun: compiled ahead of time for the image's runtime, so a container starts (and nlmg scrapes its first pages)
# without waiting for the JIT (bench/README.md, Performance). nlmg-extract, the untagged batch, is a native binary
# (NativeAOT: bench/README.md, Extraction); only the binary is kept, it needs none of the native libraries beside it.
RUN dotnet publish src/NeverLetMeGo.Api -c Release --use-current-runtime --self-contained false -p:PublishReadyToRun=true -o /app/api \
 && dotnet publish src/NeverLetMeGo.Worker -c Release --use-current-runtime --self-contained false -p:PublishReadyToRun=true -o /app/worker \
 && dotnet publish src/NeverLetMeGo.Extract -c Release --use-current-runtime -o /tmp/extract \
 && cp /tmp/extract/nlmg-extract /app/worker/nlmg-extract

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app /app
USER app
