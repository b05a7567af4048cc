# Builds both hosts; docker-compose.yml picks the entry point per service.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
# ReadyToRun: compiled ahead of time for the image's runtime, so a container starts (and nlmg scrapes its first pages)
# without waiting for the JIT (bench/README.md, Performance).
RUN dotnet publish src/NeverLetMeGo.Api -c Release --use-current-runtime --self-contained false -p:PublishReadyToRun=true -o /app/api \
 && dotnet publish src/NeverLetMeGo.Worker -c Release --use-current-runtime --self-contained false -p:PublishReadyToRun=true -o /app/worker

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app /app
USER app
