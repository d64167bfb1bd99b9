// Drives next-auth's real request handling (its pages-router entry, which takes plain
// request/response objects) with a cookie jar, so integration tests run the whole OAuth
// dance (Gatehouse → the simulator's GitHub → back) without a browser or a Next server.
import NextAuth, { type NextAuthOptions } from "next-auth";

export interface Answer {
  status: number;
  location: string | null;
  body: unknown;
  setCookies: string[];
}

export class NextAuthDriver {
  readonly jar = new Map<string, string>();
  constructor(
    private readonly options: NextAuthOptions,
    /** NEXTAUTH_URL: next-auth reads the public URL from the process environment. */
    private readonly publicUrl: string,
    private readonly headers: Record<string, string> = {},
  ) {}

  async call(
    method: "GET" | "POST",
    segments: string[],
    query: Record<string, string> = {},
    body?: Record<string, string>,
  ): Promise<Answer> {
    process.env.NEXTAUTH_URL = this.publicUrl;
    const handler = NextAuth(this.options) as unknown as (req: unknown, res: unknown) => Promise<void>;
    const out: Answer = { status: 200, location: null, body: undefined, setCookies: [] };
    const headers: Record<string, unknown> = {};
    const res = {
      status(code: number) {
        out.status = code;
        return res;
      },
      getHeader: (k: string) => headers[k.toLowerCase()],
      setHeader(k: string, v: unknown) {
        headers[k.toLowerCase()] = v;
        return res;
      },
      end() {},
      json(b: unknown) {
        out.body = b;
      },
      send(b: unknown) {
        out.body = b;
      },
    };
    await handler(
      {
        method,
        query: { ...query, nextauth: segments },
        cookies: Object.fromEntries(this.jar),
        headers: { host: "127.0.0.1", ...this.headers },
        body: body ?? {},
      },
      res,
    );
    out.location = (headers.location as string | undefined) ?? null;
    const set = headers["set-cookie"];
    out.setCookies = Array.isArray(set) ? (set as string[]) : set ? [String(set)] : [];
    for (const c of out.setCookies) {
      const [pair, ...attrs] = c.split(";");
      const eq = pair!.indexOf("=");
      const name = pair!.slice(0, eq).trim();
      const value = decodeURIComponent(pair!.slice(eq + 1));
      const expired = attrs.some((a) => /max-age=0\b/i.test(a.trim()) || /expires=thu, 01 jan 1970/i.test(a));
      if (expired || value === "") this.jar.delete(name);
      else this.jar.set(name, value);
    }
    return out;
  }

  /**
   * The whole sign-in: CSRF token, "Sign in with GitHub", the simulator's authorize page
   * (the user picked by login_hint), and the callback. Returns the callback's answer.
   */
  async signInThroughGitHub(login: string): Promise<Answer> {
    const csrf = await this.call("GET", ["csrf"]);
    const { csrfToken } = csrf.body as { csrfToken: string };
    const start = await this.call("POST", ["signin", "github"], {}, { csrfToken, callbackUrl: "/" });
    if (!start.location) throw new Error(`sign-in did not redirect: ${start.status}`);
    const authorize = new URL(start.location);
    authorize.searchParams.set("login_hint", login);
    const gh = await fetch(authorize, { redirect: "manual" });
    const back = gh.headers.get("location");
    if (!back) throw new Error(`the simulator did not redirect back: ${gh.status} ${await gh.text()}`);
    const cb = new URL(back);
    return this.call("GET", ["callback", "github"], Object.fromEntries(cb.searchParams));
  }
}
