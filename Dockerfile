# Headroom GitHub App. Node 24 runs the TypeScript sources directly (type stripping): no build step.
FROM node:24-slim

ENV NODE_ENV=production
WORKDIR /app

COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force

COPY app.yml ./
COPY src ./src
COPY rules ./rules

USER node
EXPOSE 3000
# APP_ID, PRIVATE_KEY and WEBHOOK_SECRET come from the environment (see .env.example).
CMD ["node", "src/delivery/app/main.ts"]
