// What makes a job a deployment, and what makes a step a build. Kept as data tables.
import type { Job, Pos, Step } from "../../analyzers/workflow/model";
import type { Confidence } from "../types";
import { isActionOrSubpath } from "../../analyzers/tools/kinds";
import { actionName } from "./util";
import { anyLiteral } from "./any-literal";

export const DEPLOY_COMMANDS = [
  "kubectl apply",
  "kubectl set image",
  "kubectl rollout",
  "kubectl replace",
  "kubectl patch",
  "kubectl create",
  "helm upgrade",
  "helm install",
  "helmfile apply",
  "helmfile sync",
  "terraform apply",
  "tofu apply",
  "terragrunt apply",
  "pulumi up",
  "cdk deploy",
  "serverless deploy",
  "sls deploy",
  "sam deploy",
  "aws ecs update-service",
  "aws lambda update-function-code",
  "aws cloudformation deploy",
  "aws deploy create-deployment",
  "eb deploy",
  "gcloud run deploy",
  "gcloud app deploy",
  "gcloud functions deploy",
  "gcloud deploy",
  "az webapp deploy",
  "az webapp up",
  "az functionapp deployment",
  "az deployment",
  "az containerapp update",
  "firebase deploy",
  "vercel deploy",
  "vercel --prod",
  "netlify deploy",
  "flyctl deploy",
  "fly deploy",
  "heroku container:release",
  "git push heroku",
  "argocd app sync",
  "ansible-playbook",
  "npm run deploy",
  "yarn deploy",
  "yarn run deploy",
  "make deploy",
  "./deploy",
  "deploy.sh",
  "wrangler deploy",
  "wrangler publish",
  "docker stack deploy",
  "railway up",
  "cap production deploy",
];

// Most scripts deploy nothing: one scan says so before the list is searched in order.
const ANY_DEPLOY = anyLiteral(DEPLOY_COMMANDS);

export const DEPLOY_ACTIONS = [
  "azure/webapps-deploy",
  "azure/functions-action",
  "azure/k8s-deploy",
  "azure/arm-deploy",
  "azure/container-apps-deploy-action",
  "google-github-actions/deploy-cloudrun",
  "google-github-actions/deploy-appengine",
  "google-github-actions/deploy-cloud-functions",
  "aws-actions/amazon-ecs-deploy-task-definition",
  "aws-actions/aws-cloudformation-github-deploy",
  "actions/deploy-pages",
  "peaceiris/actions-gh-pages",
  "jamesives/github-pages-deploy-action",
  "cloudflare/wrangler-action",
  "cloudflare/pages-action",
  "amondnet/vercel-action",
  "nwtgck/actions-netlify",
  "superfly/flyctl-actions",
  "akhileshns/heroku-deploy",
  "appleboy/ssh-action",
];

export interface DeploySignal {
  pos: Pos;
  what: string;
  confidence: Confidence;
  step?: Step;
}

export const signalsByJob = new WeakMap<Job, readonly DeploySignal[]>();

/** Four checks ask this of every job; the answer is kept per parsed job (read-only). */
export function deploySignals(job: Job): readonly DeploySignal[] {
  let signals = signalsByJob.get(job);
  if (!signals) {
    signals = computeDeploySignals(job);
    signalsByJob.set(job, signals);
  }
  return signals;
}

export function computeDeploySignals(job: Job): DeploySignal[] {
  const out: DeploySignal[] = [];
  for (const step of job.steps) {
    const action = actionName(step.uses);
    const hit = action ? DEPLOY_ACTIONS.find((a) => isActionOrSubpath(action, a)) : undefined;
    if (hit && step.uses)
      out.push({
        pos: step.uses.pos,
        what: `uses ${hit}`,
        confidence: hit === "appleboy/ssh-action" ? "medium" : "high",
        step,
      });
    const run = step.run?.value.toLowerCase();
    const cmd = run && ANY_DEPLOY.test(run) ? DEPLOY_COMMANDS.find((c) => run.includes(c)) : undefined;
    if (cmd && step.run) out.push({ pos: step.run.pos, what: `runs \`${cmd}\``, confidence: "high", step });
  }
  const label = `${job.id} ${job.name ?? ""}`.toLowerCase();
  if (out.length === 0 && label.includes("deploy") && job.steps.length > 0 && !label.includes("preview")) {
    out.push({ pos: job.pos, what: `is named \`${job.name ?? job.id}\``, confidence: "low" });
  }
  return out;
}

export const BUILD_COMMANDS = [
  "docker build",
  "docker buildx build",
  "docker compose build",
  "docker-compose build",
  "npm run build",
  "yarn build",
  "yarn run build",
  "pnpm build",
  "pnpm run build",
  "bun run build",
  "go build",
  "cargo build",
  "mvn package",
  "mvn install",
  "mvn verify",
  "gradle build",
  "gradlew build",
  "gradle assemble",
  "gradlew assemble",
  "dotnet publish",
  "dotnet build",
  "python -m build",
  "make build",
  "ko build",
  "goreleaser",
  "hugo ",
  "jekyll build",
  "next build",
  "vite build",
  "webpack",
];

export const BUILD_ACTIONS = [
  "docker/build-push-action",
  "goreleaser/goreleaser-action",
  "ko-build/setup-ko",
];

const ANY_BUILD = anyLiteral(BUILD_COMMANDS);

export function buildSteps(job: Job): Array<{ step: Step; pos: Pos; what: string }> {
  return job.steps.flatMap((step) => {
    const action = actionName(step.uses);
    const hit = action ? BUILD_ACTIONS.find((a) => action === a) : undefined;
    if (hit && step.uses) return [{ step, pos: step.uses.pos, what: `uses ${hit}` }];
    const run = step.run?.value.toLowerCase();
    const cmd = run && ANY_BUILD.test(run) ? BUILD_COMMANDS.find((c) => run.includes(c)) : undefined;
    return cmd && step.run ? [{ step, pos: step.run.pos, what: `runs \`${cmd.trim()}\`` }] : [];
  });
}
