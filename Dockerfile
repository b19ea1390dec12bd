# syntax=docker/dockerfile:1
#
# Promptmark container image.
#   docker build -t promptmark .
#   docker run -p 8080:8080 -v promptmark-data:/data promptmark
# By default the app runs its own PostgreSQL cluster under /data. To use an external database:
#   docker run -p 8080:8080 -e ConnectionStrings__Promptmark="Host=...;Database=...;Username=...;Password=..." promptmark

# ---- SPA (src/Promptmark.Web) -------------------------------------------------------------------
# Optional until the SPA exists: each COPY names global.json (always present) beside a
# `Promptmark.We[b]` wildcard, which may match nothing, so the build works with or without the folder.
# The bundle ends up in /out (from dist/, or from ../Promptmark.Api/wwwroot if the SPA writes there).
FROM node:22-bookworm-slim AS web
WORKDIR /repo/src/Promptmark.Web
COPY global.json src/Promptmark.We[b]/package*.json ./
RUN if [ -f package.json ]; then npm ci --no-audit --no-fund; fi
COPY global.json src/Promptmark.We[b] ./
RUN mkdir -p /out \
 && if [ -f package.json ]; then \
      npm run build \
      && if [ -d dist ]; then cp -a dist/. /out/; \
         elif [ -d ../Promptmark.Api/wwwroot ]; then cp -a ../Promptmark.Api/wwwroot/. /out/; fi; \
    fi

# ---- API build --------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    DOTNET_NOLOGO=1
WORKDIR /repo
# nuget.config maps two packages to the folder feed build/shims; both must be in the context.
COPY global.json nuget.config Directory.* ./
COPY build/shims/ build/shims/
COPY src/ src/
RUN dotnet restore src/Promptmark.Api/Promptmark.Api.csproj
# Wolverine's generated code (src/Promptmark.Api/Internal/Generated) is committed; nothing to generate here.
COPY --from=web /out/ src/Promptmark.Api/wwwroot/
# No --no-restore: the Release publish is ReadyToRun for the build machine's runtime (see the csproj), which
# restores that runtime's packs; the packages themselves come from the restore layer above.
RUN dotnet publish src/Promptmark.Api/Promptmark.Api.csproj -c Release -o /app/publish -p:UseAppHost=false

# ---- Runtime ----------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# PostgreSQL server binaries for the embedded cluster (/usr/lib/postgresql/<version>/bin; the
# version is the distribution's: 16 on the Ubuntu 24.04 base of the .NET 10 images).
# No system cluster is created: the app initialises its own under /data.
RUN apt-get update \
 && mkdir -p /etc/postgresql-common/createcluster.d \
 && echo 'create_main_cluster = false' > /etc/postgresql-common/createcluster.d/promptmark.conf \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql \
 && rm -rf /var/lib/apt/lists/* \
 && ls -d /usr/lib/postgresql/*/bin/initdb

ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_HTTP_PORTS= \
    Promptmark__DataDirectory=/data
# ConnectionStrings__Promptmark: set it to use an external PostgreSQL instead of the embedded one.

# Non-root: the .NET images' built-in `app` user ($APP_UID). initdb refuses to run as root anyway.
RUN mkdir -p /data && chown "$APP_UID:$APP_UID" /data
VOLUME /data
EXPOSE 8080

WORKDIR /app
COPY --from=build /app/publish ./
USER $APP_UID
ENTRYPOINT ["dotnet", "Promptmark.Api.dll"]
