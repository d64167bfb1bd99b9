// `next build` unless the existing build matches the sources (used before e2e runs, so
// the two demo servers Playwright starts never race to build).
import { ensureBuilt } from "./next-server";

ensureBuilt();
