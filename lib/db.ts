import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";
import { getEnv } from "./env";

// The one Prisma client. Created on first use (so `next build` needs no database) and
// kept on globalThis so Next's dev reloads don't open a new pool each time.
const globalForPrisma = globalThis as unknown as { gatehousePrisma?: PrismaClient };

export function createPrismaClient(connectionString: string, poolMax = 10): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max: poolMax }) });
}

/** Scripts and integration tests point the data layer at their own database. */
export function setDb(client: PrismaClient): void {
  globalForPrisma.gatehousePrisma = client;
}

export function getDb(): PrismaClient {
  if (!globalForPrisma.gatehousePrisma) {
    const env = getEnv();
    globalForPrisma.gatehousePrisma = createPrismaClient(env.DATABASE_URL, env.DATABASE_POOL_MAX);
  }
  return globalForPrisma.gatehousePrisma;
}

export type { PrismaClient };
