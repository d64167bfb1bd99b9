// Where next-auth may send the browser after sign-in or sign-out: only back into Gatehouse.
// next-auth's default parses the callbackUrl with `new URL` unguarded, so a hostile value
// (`http://[`, `javascript:…`) threw and answered 500; anything off-origin or unparsable
// now goes to the home page [ASVS 16.5].

export function safeRedirect(url: string, baseUrl: string): string {
  if (url.startsWith("/") && !url.startsWith("//") && !url.startsWith("/\\")) return `${baseUrl}${url}`;
  try {
    const target = new URL(url);
    return target.origin === new URL(baseUrl).origin ? target.toString() : baseUrl;
  } catch {
    return baseUrl;
  }
}
