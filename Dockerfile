# Headroom GitHub App: the bundled web process (dist/app.js), worker (dist/worker.js) and review
# thread (dist/app-thread.js) with their shared chunks, built from the sources in a first stage.
FROM node:24-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY scripts ./scripts
COPY src ./src
COPY rules ./rules
RUN node scripts/build.ts app

# The bundle holds its dependencies: the image needs neither node_modules nor npm install.
FROM node:24-slim
ENV NODE_ENV=production
WORKDIR /app
COPY app.yml ./
COPY --from=build /src/dist/app.js /src/dist/worker.js /src/dist/app-thread.js ./dist/
COPY --from=build /src/dist/app-chunks ./dist/app-chunks
USER node
EXPOSE 3000
# APP_ID, PRIVATE_KEY and WEBHOOK_SECRET come from the environment (see .env.example); with
# REDIS_URL the queue is BullMQ, and `node dist/worker.js` runs a worker from this image.
ENV HOST=0.0.0.0
# The App keeps WebAssembly on V8's baseline compiler itself: as fast as the optimising one in a
# process that lives on, for a third of the memory (`npm run bench`, "five reviews in one process").
CMD ["node", "dist/app.js"]
