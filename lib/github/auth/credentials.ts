import { z } from "zod";

// How Gatehouse authenticates to GitHub. A GitHub App is preferred (short-lived
// installation tokens, fine-grained permissions); a token is accepted for small setups.

export const githubCredentialsSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("token"), token: z.string().min(1) }),
  z.object({
    kind: z.literal("app"),
    appId: z.coerce.number().int().positive(),
    privateKey: z.string().includes("PRIVATE KEY", { message: "expected a PEM private key" }),
    installationId: z.coerce.number().int().positive(),
  }),
]);

export type GitHubCredentials = z.infer<typeof githubCredentialsSchema>;
