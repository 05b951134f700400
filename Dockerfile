# Verity (indexer + query API + explorer) as one container: `verity start`.
# Built from the repository root: docker build -t verity .
FROM node:24-bookworm-slim
WORKDIR /verity
RUN npm install --global pnpm@10
COPY . .
RUN pnpm install --frozen-lockfile
ENV NODE_ENV=production
EXPOSE 3000
# Node with tsx as a loader, not through pnpm (which does not pass SIGTERM on) nor the `tsx`
# command (whose signal relay SIGKILLs a process that does not answer within 30 ms), so
# `docker stop` lets the commit in flight finish. Flags after the image name (or compose's
# `command:`) are appended.
ENTRYPOINT ["node", "--import", "tsx", "apps/cli/src/main.ts", "start", "--host", "0.0.0.0"]
