#!/bin/sh
# Stand-in for Prisma's schema engine: `prisma generate` only checks that one exists.
echo "schema engine is not available offline; use npm run db:migrate" >&2
exit 1
