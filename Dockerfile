# syntax=docker/dockerfile:1
# Mailpak's container: docs/deploy.md says how to build, configure and run it.

# Every dependency, exactly as locked.
FROM node:20-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

# The production build. Replicas built separately must share NEXT_SERVER_ACTIONS_ENCRYPTION_KEY
# (a build argument here), or a form rendered by one build cannot be posted to another.
# This stage also runs the one-off tools: npm run create-admin.
FROM node:20-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /app/node_modules ./node_modules
COPY . .
ARG NEXT_SERVER_ACTIONS_ENCRYPTION_KEY
RUN NEXT_SERVER_ACTIONS_ENCRYPTION_KEY="${NEXT_SERVER_ACTIONS_ENCRYPTION_KEY}" node_modules/.bin/next build

# What the running panel needs, and nothing to build or test with.
FROM node:20-slim AS runtime-deps
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json package-lock.json ./
RUN npm prune --omit=dev --no-audit --no-fund

FROM node:20-slim AS panel
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    EMBEDDED_POSTGRES_DIR=/data/postgres
# A user of its own; it may write only to /data (the embedded database, when there is no DATABASE_URL).
RUN groupadd --system --gid 10001 mailpak \
 && useradd --system --uid 10001 --gid mailpak --home-dir /app --shell /usr/sbin/nologin mailpak \
 && mkdir -p /data \
 && chown mailpak:mailpak /data
COPY --from=runtime-deps /app/node_modules ./node_modules
COPY --from=build /app/package.json /app/next.config.js ./
COPY --from=build /app/public ./public
COPY --from=build /app/.next ./.next
# Applied at start, under an advisory lock so that replicas starting together take turns.
COPY --from=build /app/lib/db/migrations ./lib/db/migrations
USER mailpak
EXPOSE 3000
VOLUME ["/data"]
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.status===200?0:1),()=>process.exit(1))"]
CMD ["node_modules/.bin/next", "start", "-H", "0.0.0.0"]
