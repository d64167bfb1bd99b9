"use server";
import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/auth";
import { changeUserRole } from "@/lib/server/users/change-user-role";
import { setUserDisabled } from "@/lib/server/users/set-user-disabled";
import { runAction, type ActionResult } from "@/lib/server/action-result";

export async function changeRoleAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const result = await changeUserRole(await getActor(), {
      userId: form.get("userId"),
      role: form.get("role"),
    });
    revalidatePath("/admin/users");
    return result.changed ? "Role saved." : "Role unchanged: the user already has this role.";
  });
}

export async function setDisabledAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    await setUserDisabled(await getActor(), {
      userId: form.get("userId"),
      disabled: form.get("disabled") === "true",
    });
    revalidatePath("/admin/users");
  });
}
