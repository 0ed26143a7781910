# Portal Bot: Node 20, dependencies from the lockfile, TypeScript run by tsx.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
# Fixes applied to dependencies at install (patch-package): see patches/.
COPY patches ./patches
RUN npm ci --no-audit --no-fund
COPY . .
USER node
EXPOSE 8080
# node directly, not npm: npm does not pass SIGTERM on, and the bot shuts down gracefully on it.
CMD ["node", "--import", "tsx", "src/main.ts"]
