# syntax=docker/dockerfile:1
# One image, three roles (compose picks the command): web (`scripts/web/serve.mjs`: one
# `next start` per core, or GATEHOUSE_WEB_PROCESSES of them, on one port), worker
# (sync jobs) and migrate (one-shot). Runs as the unprivileged `node` user.
#
# The base image is pinned by digest so a moved tag cannot change what we build on;
# Dependabot's docker ecosystem (.github/dependabot.yml) proposes digest bumps.
# To refresh by hand: docker buildx imagetools inspect node:20-bookworm-slim
ARG NODE_IMAGE=node:20-bookworm-slim@sha256:2cf067cfed83d5ea958367df9f966191a942351a2df77d6f0193e162b5febfc0

FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1 CI=true
COPY package.json package-lock.json ./
COPY scripts/prisma-generate.mjs scripts/schema-engine-stub.sh ./scripts/
COPY prisma ./prisma
COPY prisma.config.ts ./
RUN npm ci --no-audit --no-fund
COPY . .
# The simulator, test helpers and fixtures serve tests, bench and `npm run demo` only:
# nothing that runs in production imports them (a lint rule keeps it so), so the image
# leaves them out.
RUN npx next build \
 && npm prune --omit=dev --no-audit --no-fund \
 && rm -rf .next/cache simulator testing e2e bench fixtures scripts/web/__fixtures__

FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000
COPY --from=build --chown=node:node /app /app
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --retries=3 CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/api/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["node", "scripts/web/serve.mjs", "-H", "0.0.0.0"]
