import { describe, expect, it } from "vitest";
import { shareInFlight } from "./share-in-flight";

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe("shareInFlight", () => {
  it("gives overlapping reads of one key the same query", async () => {
    const d = deferred<number>();
    let reads = 0;
    const read = () => {
      reads += 1;
      return d.promise;
    };
    const a = shareInFlight("k1", read);
    const b = shareInFlight("k1", read);
    d.resolve(42);
    expect(await Promise.all([a, b])).toEqual([42, 42]);
    expect(reads).toBe(1);
  });

  it("reads again once the earlier read has settled (nothing is cached)", async () => {
    let reads = 0;
    const read = async () => ++reads;
    expect(await shareInFlight("k2", read)).toBe(1);
    expect(await shareInFlight("k2", read)).toBe(2);
  });

  it("never shares between different keys", async () => {
    const one = deferred<string>();
    const a = shareInFlight("org-a", () => one.promise);
    const b = shareInFlight("org-b", async () => "b");
    one.resolve("a");
    expect(await Promise.all([a, b])).toEqual(["a", "b"]);
  });

  it("hands a failure to every waiting caller, then reads afresh", async () => {
    const d = deferred<number>();
    const a = shareInFlight("k3", () => d.promise);
    const b = shareInFlight("k3", () => d.promise);
    d.reject(new Error("boom"));
    await expect(a).rejects.toThrow("boom");
    await expect(b).rejects.toThrow("boom");
    expect(await shareInFlight("k3", async () => 7)).toBe(7);
  });
});
