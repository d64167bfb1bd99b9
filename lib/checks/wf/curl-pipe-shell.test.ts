import { describe, expect, it } from "vitest";
import { ctx, fixtureFacts, inlineFacts } from "../test-kit";
import { curlPipeShell } from "./curl-pipe-shell";

const wf = (steps: string) =>
  `on: [push, pull_request]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n${steps}`;

describe("curl-pipe-shell", () => {
  it("flags rust-analyzer's rustup pipe at its exact line", () => {
    const o = curlPipeShell.run(fixtureFacts("rust-lang__rust-analyzer"), ctx);
    expect(o.status).toBe("fail");
    expect(o.findings[0]).toMatchObject({
      confidence: "high",
      evidence: { file: ".github/workflows/release.yaml", line: 102 },
    });
  });
  it("flags Dockerfile RUN pipes (heredoc line kept) and passes clean repositories", () => {
    const df =
      "FROM ubuntu\nRUN <<EOF\n  apt-get update\n  curl -fsSL https://deb.nodesource.com/setup_20.x | bash -\nEOF\n";
    expect(curlPipeShell.run(inlineFacts({ Dockerfile: df }), ctx).findings[0]?.evidence).toMatchObject({
      file: "Dockerfile",
      line: 4,
    });
    expect(curlPipeShell.run(fixtureFacts("ossf__scorecard"), ctx).status).toBe("pass");
    expect(curlPipeShell.run(inlineFacts({}), ctx).status).toBe("not-applicable");
  });
  it("moving-URL downloads are medium-confidence findings", () => {
    const o = curlPipeShell.run(
      inlineFacts({
        ".github/workflows/ci.yml": wf(
          "      - run: |\n          curl -sLo /usr/local/bin/yq https://github.com/mikefarah/yq/releases/latest/download/yq_linux_amd64\n          chmod +x /usr/local/bin/yq\n",
        ),
      }),
      ctx,
    );
    expect(o.findings[0]).toMatchObject({ confidence: "medium", evidence: { line: 7 } });
  });
});

describe("curl-pipe-shell: download, then execute", () => {
  it("flags a workflow step that downloads a script and runs it later", () => {
    const o = curlPipeShell.run(
      inlineFacts({
        ".github/workflows/ci.yml": wf(
          "      - run: |\n          curl -fsSL -o install.sh https://get.example.com\n          bash install.sh\n",
        ),
      }),
      ctx,
    );
    expect(o.status).toBe("fail");
    expect(o.findings[0]?.evidence).toMatchObject({ line: 8 });
  });
  it("flags a file fetched in one Dockerfile RUN and executed in the next, passes a verified one", () => {
    const bad = "FROM debian\nRUN curl -fsSLo /tmp/i.sh https://x.io/i.sh\nRUN sh /tmp/i.sh\n";
    expect(curlPipeShell.run(inlineFacts({ Dockerfile: bad }), ctx).findings[0]?.evidence).toMatchObject({
      file: "Dockerfile",
      line: 3,
    });
    const good =
      'FROM debian\nRUN curl -fsSLo /tmp/i.sh https://x.io/i.sh \\\n && echo "abc  /tmp/i.sh" | sha256sum -c - \\\n && sh /tmp/i.sh\n';
    expect(curlPipeShell.run(inlineFacts({ Dockerfile: good }), ctx).status).toBe("pass");
  });
});
