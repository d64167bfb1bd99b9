import { describe, expect, it } from "vitest";
import { makeEnvironment } from "../../../testing/facts";
import { oidcMissing, staticCloudCredentials } from "./secrets-cloud";
import { persistedCheckoutCredentials, secretInLogs } from "./secrets-exposure";
import { overprovisionedSecrets, secretsInherit, secretsOutsideEnvironment } from "./secrets-scope";
import { lines, runOn } from "./test-kit";

const job = (steps: string, extra = "") => `on: push
jobs:
  work:
    runs-on: ubuntu-latest
${extra}    steps:
${steps}`;

describe("static-cloud-credentials", () => {
  const awsKeys = job(`      - uses: aws-actions/configure-aws-credentials@v4
        with:
          aws-access-key-id: \${{ secrets.AWS_ACCESS_KEY_ID }}
          aws-secret-access-key: \${{ secrets.AWS_SECRET_ACCESS_KEY }}
`);
  it("fails on workflows reading AWS keys, citing the lines", () => {
    const o = runOn(staticCloudCredentials, awsKeys);
    expect(o.status).toBe("fail");
    expect(lines(o)).toContain(9);
  });

  it("fails on stored secret names even without workflows (settings side)", () => {
    const o = runOn(staticCloudCredentials, "", {
      files: [],
      settings: { secrets: [{ name: "AZURE_CREDENTIALS", scope: "organization", updatedAt: null }] },
    });
    expect(o.status).toBe("fail");
    expect(o.findings[0]!.evidence).toMatchObject({ kind: "api", value: "AZURE_CREDENTIALS" });
  });

  it("passes on OIDC logins with safe secret names", () => {
    const o = runOn(
      staticCloudCredentials,
      job(
        "      - uses: aws-actions/configure-aws-credentials@v4\n        with:\n          role-to-assume: arn:aws:iam::1:role/x\n",
      ),
    );
    expect(o.status).toBe("pass");
  });

  it("is not-applicable without workflows and without known secret names", () => {
    expect(runOn(staticCloudCredentials, "", { files: [], settings: null }).status).toBe("not-applicable");
  });
});

describe("oidc-missing", () => {
  it("fails on key-fed logins for each cloud", () => {
    const o = runOn(
      oidcMissing,
      job(`      - uses: google-github-actions/auth@v2
        with:
          credentials_json: \${{ secrets.GCP_SA_KEY }}
      - uses: azure/login@v2
        with:
          creds: \${{ secrets.AZURE_CREDENTIALS }}
`),
    );
    expect(lines(o)).toEqual([8, 11]);
    expect(o.findings[0]!.remediation).toContain("workload_identity_provider");
  });

  it("passes with OIDC and is not-applicable with no cloud login", () => {
    expect(
      runOn(
        oidcMissing,
        job(
          "      - uses: azure/login@v2\n        with:\n          client-id: x\n          tenant-id: y\n          subscription-id: z\n",
        ),
      ).status,
    ).toBe("pass");
    expect(runOn(oidcMissing, job("      - run: make\n")).status).toBe("not-applicable");
  });
});

describe("secrets-outside-environment", () => {
  const envJob = job(
    "      - run: kubectl apply -f k8s/\n        env:\n          KUBECONFIG_DATA: ${{ secrets.KUBECONFIG }}\n",
    "    environment: production\n",
  );
  it("fails when a deploy job's secret is a repository secret", () => {
    const o = runOn(secretsOutsideEnvironment, envJob, {
      settings: {
        secrets: [{ name: "KUBECONFIG", scope: "repository", updatedAt: null }],
        environments: [makeEnvironment({ secretNames: [] })],
      },
    });
    expect(o.status).toBe("fail");
    expect(lines(o)).toEqual([9]);
    expect(o.findings[0]!.remediation).toContain("environment `production`");
  });

  it("passes when the secret is scoped to the job's environment", () => {
    const o = runOn(secretsOutsideEnvironment, envJob, {
      settings: { secrets: [], environments: [makeEnvironment({ secretNames: ["KUBECONFIG"] })] },
    });
    expect(o.status).toBe("pass");
  });

  it("is unknown when secrets/environments are not synced or the environment name is computed", () => {
    expect(runOn(secretsOutsideEnvironment, envJob, { settings: null }).status).toBe("unknown");
    expect(
      runOn(
        secretsOutsideEnvironment,
        envJob.replace("environment: production", "environment: ${{ inputs.env }}"),
      ).status,
    ).toBe("unknown");
  });

  it("fails (wf only) for a deploy job with no environment that reads secrets", () => {
    const o = runOn(
      secretsOutsideEnvironment,
      job(
        "      - run: helm upgrade --install api ./chart\n        env:\n          TOKEN: ${{ secrets.CLUSTER_TOKEN }}\n",
      ),
      { settings: null },
    );
    expect(o.status).toBe("fail");
  });

  it("is not-applicable when no deploy job reads secrets", () => {
    expect(
      runOn(
        secretsOutsideEnvironment,
        job("      - run: npm test\n        env:\n          T: ${{ secrets.CODECOV }}\n"),
      ).status,
    ).toBe("not-applicable");
  });
});

describe("secrets-inherit", () => {
  it("fails on secrets: inherit, passes on an explicit map", () => {
    const call = (secrets: string) =>
      `on: push\njobs:\n  call:\n    uses: acme/wf/.github/workflows/release.yml@v1\n    secrets:${secrets}\n`;
    const o = runOn(secretsInherit, call(" inherit"));
    expect(lines(o)).toEqual([5]);
    expect(runOn(secretsInherit, call("\n      NPM_TOKEN: ${{ secrets.NPM_TOKEN }}")).status).toBe("pass");
  });
});

describe("overprovisioned-secrets", () => {
  it("fails on toJSON(secrets) and computed indexes", () => {
    const o = runOn(
      overprovisionedSecrets,
      job(
        "      - run: ./deploy\n        env:\n          ALL: ${{ toJSON(secrets) }}\n          ONE: ${{ secrets[format('{0}_KEY', matrix.env)] }}\n",
      ),
    );
    expect(lines(o)).toEqual([8, 9]);
  });
  it("passes on named secrets", () => {
    expect(
      runOn(
        overprovisionedSecrets,
        job("      - run: ./deploy\n        env:\n          K: ${{ secrets.KEY }}\n"),
      ).status,
    ).toBe("pass");
  });
});

describe("secret-in-logs", () => {
  it("fails on echo of a secret expression, a derived variable, set -x and debug env", () => {
    const o = runOn(
      secretInLogs,
      `on: push
env:
  ACTIONS_STEP_DEBUG: true
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - run: echo "\${{ secrets.API_KEY }}"
      - env:
          SA: \${{ secrets.SA_JSON }}
        run: |
          set -x
          KEY=$(echo "$SA" | jq -r .private_key)
          echo "key: $KEY"
  b:
    runs-on: ubuntu-latest
    steps: [{ run: make }]
`,
    );
    expect(lines(o).sort((a, b) => a - b)).toEqual([3, 8, 12, 14]);
  });

  it("passes when the secret is piped, redirected or masked", () => {
    const o = runOn(
      secretInLogs,
      job(`      - run: |
          echo "\${{ secrets.PASS }}" | docker login -u me --password-stdin
          echo "\${{ secrets.KEY }}" > key.pem
          echo "::add-mask::\${{ secrets.OTHER }}"
`),
    );
    expect(o.status).toBe("pass");
  });
});

describe("persisted-checkout-credentials", () => {
  it("fails when the job uploads artifacts after a default checkout", () => {
    const o = runOn(
      persistedCheckoutCredentials,
      job(
        "      - uses: actions/checkout@v4\n      - uses: actions/upload-artifact@v3\n        with:\n          path: .\n",
      ),
    );
    expect(lines(o)).toEqual([6]);
    expect(o.findings[0]!.confidence).toBe("high");
  });

  it("fails in a privileged job that runs pull-request code after a default checkout", () => {
    const o = runOn(
      persistedCheckoutCredentials,
      `on: pull_request_target
jobs:
  t:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          ref: \${{ github.event.pull_request.head.sha }}
      - run: npm test
`,
    );
    expect(lines(o)).toEqual([6]);
    expect(o.findings[0]!.message).toContain("untrusted code");
  });

  it("passes with persist-credentials: false", () => {
    const o = runOn(
      persistedCheckoutCredentials,
      job(
        "      - uses: actions/checkout@v4\n        with:\n          persist-credentials: false\n      - uses: actions/upload-artifact@v4\n",
      ),
    );
    expect(o.status).toBe("pass");
  });
});
