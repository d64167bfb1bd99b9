import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

// lib/sync runs in the worker and the bench as well as in Next, so it takes its Prisma
// client as an argument instead of importing lib/db (which is "server-only").
export type SyncDb = PrismaClient;
export type SyncTx = Prisma.TransactionClient;

/** Escapes LIKE wildcards so repository names with `_` or `%` match literally. */
export function likePrefix(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`) + "%";
}
