import { describe, expect, it } from "vitest";
import { anyLiteral } from "./any-literal";
import { BUILD_COMMANDS, DEPLOY_COMMANDS } from "./deploy";

describe("anyLiteral", () => {
  it("answers as some(includes), metacharacters included", () => {
    const lists = [DEPLOY_COMMANDS, BUILD_COMMANDS, ["a.b", "x|y", "(c)", "$d", "e*", "[f]", "g\\h", "i/j"]];
    const texts = [
      "",
      "kubectl apply -f k8s/",
      "./deploy prod",
      "xdeploy.sh",
      "deploysh",
      "npm run build && hugo ",
      "hugo",
      "a.b",
      "axb",
      "x|y",
      "xy",
      "(c)",
      "$d",
      "e*",
      "[f]",
      "g\\h",
      "i/j",
      "echo ok",
    ];
    for (const list of lists) {
      const re = anyLiteral(list);
      for (const t of texts) expect(re.test(t), `${t} in ${list[0]}…`).toBe(list.some((l) => t.includes(l)));
    }
  });
});
