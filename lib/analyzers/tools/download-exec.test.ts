import { describe, expect, it } from "vitest";
import { downloadTarget, executedFile } from "./download-exec";
import { remoteExecHits } from "./remote-exec";
import { newDownloadState } from "./download-exec";

const kinds = (script: string) => remoteExecHits(script).map((h) => [h.index, h.kind]);

describe("download, then execute", () => {
  it.each([
    ["curl -fsSL -o install.sh https://x.io/i.sh", "install.sh"],
    ["curl -fsSLo /tmp/i.sh https://x.io/i.sh", "/tmp/i.sh"],
    ["curl --output=i.sh https://x.io/i.sh", "i.sh"],
    ["curl -LO https://x.io/get/install.sh?v=1", "install.sh"],
    ["wget -qO i.sh https://x.io/i.sh", "i.sh"],
    ["wget https://x.io/setup.sh", "setup.sh"],
    ["curl -fsSL https://x.io/i.sh > i.sh", "i.sh"],
    ["sudo curl -o ./i.sh https://x.io/i.sh", "i.sh"],
  ])("%s writes %s", (cmd, file) => expect(downloadTarget(cmd)).toBe(file));

  it("does not take stdout for a file", () => {
    expect(downloadTarget("wget -qO- https://x.io/i.sh")).toBeUndefined();
    expect(downloadTarget("curl -fsSL https://x.io/i.sh")).toBeUndefined();
  });

  it.each([
    ["sh install.sh", "install.sh"],
    ["sudo bash -e ./install.sh --yes", "install.sh"],
    ["./install.sh", "install.sh"],
    ["/tmp/i.sh", "/tmp/i.sh"],
    ["python3 get-pip.py", "get-pip.py"],
  ])("%s runs %s", (cmd, file) => expect(executedFile(cmd)).toBe(file));

  it("flags a later run within a step, across && chains and line continuations", () => {
    expect(kinds("curl -fsSLo i.sh https://x.io/i.sh\nsh i.sh")).toEqual([[1, "download-exec"]]);
    expect(kinds("curl -fsSLo i.sh https://x.io/i.sh && chmod +x i.sh && ./i.sh")).toEqual([
      [0, "download-exec"],
    ]);
    expect(kinds("wget -O i.sh \\\n  https://x.io/i.sh && \\\n  bash i.sh")).toEqual([[0, "download-exec"]]);
  });

  it("passes a checksum verified between download and run, and an unrelated run", () => {
    expect(kinds('curl -fsSLo i.sh https://x.io/i.sh\necho "abc  i.sh" | sha256sum -c -\nsh i.sh')).toEqual(
      [],
    );
    expect(kinds("curl -fsSLo i.sh https://x.io/i.sh\nsh other.sh")).toEqual([]);
  });

  it("follows a shared state across scripts (Dockerfile RUN instructions)", () => {
    const state = newDownloadState();
    expect(remoteExecHits("curl -fsSLo /tmp/i.sh https://x.io/i.sh", state)).toEqual([]);
    expect(remoteExecHits("sh /tmp/i.sh", state).map((h) => h.kind)).toEqual(["download-exec"]);
  });
});
