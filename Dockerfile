# Builds both hosts; docker-compose.yml picks the entry point per service.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/NeverLetMeGo.Api -c Release -o /app/api \
 && dotnet publish src/NeverLetMeGo.Worker -c Release -o /app/worker

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app /app
USER app
