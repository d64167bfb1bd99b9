import { privateUserJson, userJson } from "../../users";
import { errorBody, list, notFound, ok, type RouteTable } from "../types";

// The authenticated user (next-auth's userinfo call) and public profiles.

export const userRoutes: RouteTable = {
  "GET /user": ({ ctx, auth }) => {
    const u = auth ? ctx.users.get(auth.login.toLowerCase()) : undefined;
    if (!u || auth?.kind === "installation")
      return errorBody(
        403,
        "Resource not accessible by integration",
        "https://docs.github.com/rest/users/users#get-the-authenticated-user",
      );
    return ok(privateUserJson(u, ctx.baseUrl));
  },
  "GET /user/emails": ({ ctx, auth }) => {
    const u = auth ? ctx.users.get(auth.login.toLowerCase()) : undefined;
    if (!u || auth?.kind === "installation")
      return notFound(
        "https://docs.github.com/rest/users/emails#list-email-addresses-for-the-authenticated-user",
      );
    const emails = [
      {
        email: u.email ?? `${u.login}@users.noreply.example.com`,
        primary: true,
        verified: true,
        visibility: "private",
      },
    ];
    return list(emails);
  },
  "GET /users/{username}": ({ ctx, params }) => {
    const u = ctx.users.get(params.username!.toLowerCase());
    return u
      ? ok({
          ...userJson(u, ctx.baseUrl),
          name: u.name,
          email: null,
          company: null,
          blog: "",
          location: null,
          hireable: null,
          bio: null,
          public_repos: 0,
          public_gists: 0,
          followers: 0,
          following: 0,
          created_at: "2020-01-01T00:00:00Z",
          updated_at: "2024-01-01T00:00:00Z",
        })
      : notFound();
  },
};
