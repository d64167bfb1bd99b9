import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

// A real OCI distribution registry (Debian's docker-registry 2.8) for integration tests:
// its own temp dir, filesystem storage, an ephemeral loopback port, no auth unless a
// token issuer is given. Install it with scripts/ensure-test-tools.sh.

const REGISTRY_BIN = process.env.DOCKER_REGISTRY_PATH ?? "/usr/bin/docker-registry";

export interface StartedRegistry {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  /** host:port, as it appears in image names. */
  host: string;
  dir: string;
  stop(): Promise<void>;
}

export interface StartRegistryOptions {
  /** Bearer-token auth (distribution's `auth.token`): realm URL, service, issuer and the PEM root bundle. */
  tokenAuth?: { realm: string; service: string; issuer: string; rootCertPem: string };
  startTimeoutMs?: number;
}

function configYaml(dir: string, opts: StartRegistryOptions, rootCertPath: string): string {
  const auth = opts.tokenAuth
    ? `auth:\n  token:\n    realm: ${JSON.stringify(opts.tokenAuth.realm)}\n    service: ${JSON.stringify(opts.tokenAuth.service)}\n    issuer: ${JSON.stringify(opts.tokenAuth.issuer)}\n    rootcertbundle: ${JSON.stringify(rootCertPath)}\n`
    : "";
  return [
    "version: 0.1",
    "log:\n  level: info\n  formatter: text",
    `storage:\n  filesystem:\n    rootdirectory: ${JSON.stringify(path.join(dir, "data"))}\n  delete:\n    enabled: true`,
    "http:\n  addr: 127.0.0.1:0\n  secret: gatehouse-test-only",
    auth,
  ].join("\n");
}

const live = new Set<ChildProcess>();
let exitHookInstalled = false;
function killAllOnExit(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once("exit", () => {
    for (const child of live) child.kill("SIGKILL");
  });
}

/** If this process dies without running exit hooks (SIGKILL), a shell watchdog still ends the registry. */
function watchdog(registryPid: number): ChildProcess {
  const script = `while kill -0 ${process.pid} 2>/dev/null && kill -0 ${registryPid} 2>/dev/null; do sleep 1; done; kill -9 ${registryPid} 2>/dev/null; exit 0`;
  const dog = spawn("sh", ["-c", script], { stdio: "ignore", detached: true });
  dog.unref();
  return dog;
}

function waitForPort(child: ChildProcess, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let log = "";
    const timer = setTimeout(
      () => done(new Error(`docker-registry did not start within ${timeoutMs} ms:\n${log.slice(-2000)}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      const m = /listening on 127\.0\.0\.1:(\d+)/.exec(log);
      if (m) done(null, Number(m[1]));
    };
    const onExit = (code: number | null) =>
      done(new Error(`docker-registry exited (${code}) before listening:\n${log.slice(-2000)}`));
    function done(err: Error | null, port?: number) {
      clearTimeout(timer);
      child.stderr?.off("data", onData);
      child.stdout?.off("data", onData);
      child.off("exit", onExit);
      if (err) reject(err);
      else resolve(port!);
    }
    child.stderr?.on("data", onData);
    child.stdout?.on("data", onData);
    child.once("exit", onExit);
  });
}

async function waitForV2(url: string, deadline: number): Promise<void> {
  for (;;) {
    try {
      const res = await fetch(`${url}/v2/`, { signal: AbortSignal.timeout(1000) });
      await res.body?.cancel();
      // 401 counts: a token-auth registry answers /v2/ with a challenge once it is up.
      if (res.status === 200 || res.status === 401) return;
    } catch {
      /* not yet listening */
    }
    if (Date.now() > deadline) throw new Error(`docker-registry at ${url} did not answer GET /v2/`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function startRegistry(opts: StartRegistryOptions = {}): Promise<StartedRegistry> {
  if (!existsSync(REGISTRY_BIN)) {
    throw new Error(
      `docker-registry not found at ${REGISTRY_BIN}: run scripts/ensure-test-tools.sh (Debian package docker-registry) or set DOCKER_REGISTRY_PATH`,
    );
  }
  const timeoutMs = opts.startTimeoutMs ?? 15_000;
  const dir = await mkdtemp(path.join(tmpdir(), "gatehouse-registry-"));
  const rootCertPath = path.join(dir, "token-root.pem");
  if (opts.tokenAuth) await writeFile(rootCertPath, opts.tokenAuth.rootCertPem);
  const configPath = path.join(dir, "config.yml");
  await writeFile(configPath, configYaml(dir, opts, rootCertPath));

  const child = spawn(REGISTRY_BIN, ["serve", configPath], { stdio: ["ignore", "pipe", "pipe"] });
  live.add(child);
  killAllOnExit();
  const dog = child.pid ? watchdog(child.pid) : null;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    live.delete(child);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 3000);
      await exited;
      clearTimeout(timer);
    }
    if (dog?.pid) {
      try {
        process.kill(dog.pid, "SIGKILL");
      } catch {
        /* already gone */
      }
    }
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const port = await waitForPort(child, timeoutMs);
    // Keep draining the log so a chatty registry never blocks on a full pipe.
    child.stdout?.resume();
    child.stderr?.resume();
    const url = `http://127.0.0.1:${port}`;
    await waitForV2(url, Date.now() + timeoutMs);
    return { url, host: `127.0.0.1:${port}`, dir, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
