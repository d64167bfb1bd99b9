/** The dashboard link to a repository page ("owner/name", each part URL-encoded). */
export const repoHref = (fullName: string) =>
  `/repos/${fullName.split("/").map(encodeURIComponent).join("/")}`;
