# syntax=docker/dockerfile:1
# The image of each of the five services (the client has its own: client/Dockerfile). Build from the
# repository root (npm workspaces share one package-lock.json) and name the service's folder:
#   docker build -f infra/docker/service.Dockerfile --build-arg SERVICE=auth .               production image (final stage)
#   docker build -f infra/docker/service.Dockerfile --build-arg SERVICE=auth --target dev .  tsx watch, for skaffold dev and its file sync
# Node 24 LTS on Debian 12, pinned by digest: a rebuild gets the same bytes until Renovate proposes a new
# digest (renovate.json pins and updates it). The digest is node:24-bookworm-slim as published for 24.18.0.
FROM node:24-bookworm-slim@sha256:6f7b03f7c2c8e2e784dcf9295400527b9b1270fd37b7e9a7285cf83b6951452d AS base
# No default: a build that forgets SERVICE must fail rather than build some service nobody asked for.
ARG SERVICE
# Checked before any COPY: with SERVICE empty, `COPY ${SERVICE}/package.json ${SERVICE}/` would quietly copy
# the root's package.json, and the build would fail much later with a message about something else.
RUN if [ -z "${SERVICE}" ]; then \
      echo 'SERVICE is empty: build with --build-arg SERVICE=<the folder of the service to build>' >&2; exit 1; \
    fi; \
    case "${SERVICE}" in *[!a-z0-9-]*) \
      echo "SERVICE=${SERVICE} is not the name of a service folder at the repository root" >&2; exit 1 ;; \
    esac
# Every stage derives from this one: as an environment variable, SERVICE reaches all of them (and names the
# service inside the running container).
ENV SERVICE=${SERVICE}
# The V8 flags of every service, here and nowhere else: the platform runner (npm run dev, the e2e suite,
# bench:load) reads this line. Why these: docs/scaling.md, "Memory".
ENV NODE_OPTIONS="--max-semi-space-size=4"
WORKDIR /app
ENV npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false

# Only this service's and common's manifests: a change elsewhere in the repository keeps this layer cached.
# The root's devDependencies bring TypeScript and tsx.
FROM base AS deps
COPY package.json package-lock.json .npmrc ./
COPY common/package.json common/
COPY ${SERVICE}/package.json ${SERVICE}/
RUN npm ci -w common -w "${SERVICE}" --include-workspace-root

# CMD cannot expand SERVICE in its exec form (and a shell in between would not pass SIGTERM on): a fixed
# link, /app/service, names the service's folder. Node runs a module from its real path, so __dirname is
# /app/<service>/dist (or src) and the service's `../migrations` is its own.
FROM deps AS source
COPY tsconfig.base.json ./
COPY common/ common/
COPY ${SERVICE}/ ${SERVICE}/
# A service without tables of its own has no migrations folder; the runtime stage copies one regardless.
RUN if [ ! -f "${SERVICE}/src/main.ts" ]; then \
      echo "SERVICE=${SERVICE}: ${SERVICE}/src/main.ts does not exist, so it is not a service" >&2; exit 1; \
    fi \
  && mkdir -p "${SERVICE}/migrations" \
  && ln -s "${SERVICE}" service

# Development: common is compiled once (a change to it rebuilds the image); the service's sources are
# synced into the running container by skaffold (at /app/<service>/src) and reloaded by tsx.
FROM source AS dev
RUN npx tsc -b common && chown -R node:node "${SERVICE}"
ENV NODE_ENV=development PATH=/app/node_modules/.bin:$PATH
USER node
EXPOSE 3000
# tsx is PID 1 (not npx or a shell) and passes SIGTERM on to the service it runs.
CMD ["tsx", "watch", "service/src/main.ts"]

FROM source AS build
RUN npx tsc -b "${SERVICE}"

FROM base AS prod-deps
COPY package.json package-lock.json .npmrc ./
COPY common/package.json common/
COPY ${SERVICE}/package.json ${SERVICE}/
# Workspace-local node_modules exist only when a version conflicts; create them so the copies below hold.
RUN npm ci -w common -w "${SERVICE}" --omit=dev \
  && mkdir -p common/node_modules "${SERVICE}/node_modules" \
  && npm cache clean --force

FROM base AS runtime
ENV NODE_ENV=production
COPY --from=prod-deps /app/package.json ./
COPY --from=prod-deps /app/node_modules node_modules
COPY --from=prod-deps /app/common common
COPY --from=prod-deps /app/${SERVICE} ${SERVICE}
COPY --from=build /app/common/dist common/dist
COPY --from=build /app/common/migrations common/migrations
COPY --from=build /app/${SERVICE}/dist ${SERVICE}/dist
COPY --from=build /app/${SERVICE}/migrations ${SERVICE}/migrations
# The same fixed link as in the source stage (a COPY would follow it and copy the folder).
RUN ln -s "${SERVICE}" service
USER node
EXPOSE 3000
CMD ["node", "service/dist/main.js"]
