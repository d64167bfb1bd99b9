// File texts the generator hands out. Each is one shared string: thousands of generated
// repositories point at the same few texts, which keeps a 10,000-repository org small.
// The set spans good and bad posture so checks see realistic variety.

export const WORKFLOWS: Record<string, string> = {
  "ci-pinned.yml": `name: CI
on:
  push:
    branches: [main]
  pull_request:
permissions:
  contents: read
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2
        with:
          persist-credentials: false
      - uses: actions/setup-node@39370e3970a6d050c480ffad4ff0ed4d3fdee5af # v4.1.0
        with:
          node-version: 20
      - run: npm ci
      - run: npm test
`,
  "ci-tags.yml": `name: CI
on: [push, pull_request]
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-go@v5
        with:
          go-version: '1.22'
      - run: go test ./...
`,
  "prt-checkout.yml": `name: Preview
on:
  pull_request_target:
    types: [opened, synchronize]
permissions: write-all
jobs:
  preview:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          ref: \${{ github.event.pull_request.head.sha }}
      - run: npm install && npm run build
      - run: ./scripts/deploy-preview.sh
        env:
          DEPLOY_TOKEN: \${{ secrets.DEPLOY_TOKEN }}
`,
  "issue-injection.yml": `name: Triage
on:
  issues:
    types: [opened]
jobs:
  label:
    runs-on: ubuntu-latest
    steps:
      - run: echo "New issue: \${{ github.event.issue.title }}"
      - uses: actions/github-script@v7
        with:
          script: |
            github.rest.issues.addLabels({ owner: context.repo.owner, repo: context.repo.repo, issue_number: context.issue.number, labels: ['triage'] })
`,
  "release-signed.yml": `name: Release
on:
  push:
    tags: ['v*']
permissions:
  contents: read
jobs:
  image:
    runs-on: ubuntu-latest
    environment: production
    permissions:
      contents: read
      packages: write
      id-token: write
      attestations: write
    steps:
      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2
      - uses: docker/login-action@9780b0c442fbb1117ed29e0efdff1e18412f7567 # v3.3.0
        with:
          registry: ghcr.io
          username: \${{ github.actor }}
          password: \${{ secrets.GITHUB_TOKEN }}
      - id: build
        uses: docker/build-push-action@4f58ea79222b3b9dc2c8bbdd6debcef730109a75 # v6.9.0
        with:
          push: true
          tags: ghcr.io/\${{ github.repository }}:\${{ github.ref_name }}
          provenance: mode=max
          sbom: true
      - uses: sigstore/cosign-installer@dc72c7d5c4d10cd6bcb8cf6e3fd625a9e5e537da # v3.7.0
      - run: cosign sign --yes ghcr.io/\${{ github.repository }}@\${{ steps.build.outputs.digest }}
      - uses: actions/attest-build-provenance@1c608d11d69870c2092266b3f9a6f3abbf17002c # v1.4.3
        with:
          subject-name: ghcr.io/\${{ github.repository }}
          subject-digest: \${{ steps.build.outputs.digest }}
          push-to-registry: true
`,
  "release-unsigned.yml": `name: Publish
on:
  release:
    types: [published]
jobs:
  publish:
    runs-on: self-hosted
    steps:
      - uses: actions/checkout@v3
      - run: docker build -t ghcr.io/\${{ github.repository }}:latest .
      - run: echo \${{ secrets.GHCR_PAT }} | docker login ghcr.io -u bot --password-stdin
      - run: docker push ghcr.io/\${{ github.repository }}:latest
`,
  "deploy-aws.yml": `name: Deploy
on:
  workflow_dispatch:
  push:
    branches: [main]
permissions:
  id-token: write
  contents: read
jobs:
  deploy:
    runs-on: ubuntu-latest
    environment: production
    steps:
      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2
      - uses: aws-actions/configure-aws-credentials@e3dd6a429d7300a6a4c196c26e071d42e0343502 # v4.0.2
        with:
          role-to-assume: arn:aws:iam::123456789012:role/deploy
          aws-region: eu-west-1
      - run: ./deploy.sh
`,
  "deploy-keys.yml": `name: Deploy
on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@master
      - run: |
          curl -sSL https://get.example.com/install.sh | bash
          AWS_ACCESS_KEY_ID=\${{ secrets.AWS_ACCESS_KEY_ID }} AWS_SECRET_ACCESS_KEY=\${{ secrets.AWS_SECRET_ACCESS_KEY }} ./deploy.sh
`,
  "codeql.yml": `name: CodeQL
on:
  push:
    branches: [main]
  schedule:
    - cron: '17 3 * * 1'
permissions:
  contents: read
  security-events: write
jobs:
  analyze:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2
      - uses: github/codeql-action/init@v3
        with:
          languages: javascript
      - uses: github/codeql-action/analyze@v3
`,
  "tj-changed-files.yml": `name: Lint changed
on: pull_request
jobs:
  lint:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: tj-actions/changed-files@v44
        id: changed
      - run: echo "\${{ steps.changed.outputs.all_changed_files }}"
`,
};

export const DOCKERFILES = [
  'FROM node:20-alpine@sha256:c13b26e7e602ef2f1074aef304ce6e9b7dd284c419b35d89fcf3cc8e44a8def9\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci --omit=dev\nCOPY . .\nUSER node\nCMD ["node", "server.js"]\n',
  'FROM ubuntu:latest\nRUN apt-get update && apt-get install -y curl\nRUN curl -fsSL https://example.com/setup.sh | sh\nCOPY . /srv\nCMD ["/srv/run"]\n',
  'FROM golang:1.22 AS build\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /out/app ./cmd/app\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /out/app /app\nENTRYPOINT ["/app"]\n',
  'FROM python:3.12-slim\nENV AWS_SECRET_ACCESS_KEY=changeme\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY . .\nCMD ["python", "main.py"]\n',
];

export const CODEOWNERS = [
  "* @{org}/platform\n/.github/ @{org}/security\n",
  "# owners\n*.go @{org}/backend\n",
  "* @{org}/maintainers\n",
];

export const DEPENDABOT =
  "version: 2\nupdates:\n  - package-ecosystem: github-actions\n    directory: /\n    schedule:\n      interval: weekly\n  - package-ecosystem: npm\n    directory: /\n    schedule:\n      interval: weekly\n";
export const RENOVATE =
  '{\n  "$schema": "https://docs.renovatebot.com/renovate-schema.json",\n  "extends": ["config:recommended", "helpers:pinGitHubActionDigests"]\n}\n';
export const PACKAGE_JSON =
  '{\n  "name": "service",\n  "private": true,\n  "scripts": { "test": "node --test" },\n  "dependencies": { "express": "^4.19.2" }\n}\n';
export const PACKAGE_LOCK =
  '{\n  "name": "service",\n  "lockfileVersion": 3,\n  "requires": true,\n  "packages": {\n    "": { "name": "service", "dependencies": { "express": "^4.19.2" } },\n    "node_modules/express": { "version": "4.19.2", "resolved": "https://registry.npmjs.org/express/-/express-4.19.2.tgz", "integrity": "sha512-5T6nhjsT+EOMzuck8JjBHARTHfMht0POzlA60WV2pMD3gyXw2LZnZ+ueGdNxG+0calOJcWKbpFcuzLZ91YWq9Q==" }\n  }\n}\n';
export const GO_MOD = "module example.com/service\n\ngo 1.22\n\nrequire github.com/gorilla/mux v1.8.1\n";
export const REQUIREMENTS = "flask==3.0.3\nrequests>=2.31\n";
export const K8S_DEPLOYMENT =
  "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: service\nspec:\n  replicas: 2\n  selector:\n    matchLabels: { app: service }\n  template:\n    metadata:\n      labels: { app: service }\n    spec:\n      containers:\n        - name: service\n          image: ghcr.io/acme/service:latest\n          securityContext:\n            privileged: true\n";
