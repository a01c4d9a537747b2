import { DEMO_PASSWORD } from "@/db/seed/demo-users";
import { auth } from "./server";

/** The host test requests come from: loopback, as in demo mode. */
export const TEST_HOST = "localhost:3000";

/** Signs a demo user in through better-auth itself, as the sign-in form would. */
export function signInDemo(email: string, password = DEMO_PASSWORD): Promise<Response> {
  return auth().api.signInEmail({ body: { email, password }, headers: new Headers({ host: TEST_HOST }), asResponse: true });
}

/** Request headers carrying a demo user's real session cookie; throws when the sign-in fails. */
export async function demoSessionHeaders(email: string): Promise<Headers> {
  const response = await signInDemo(email);
  if (response.status !== 200) throw new Error(`Signing in ${email} answered ${response.status}.`);
  const cookie = response.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  return new Headers({ cookie, host: TEST_HOST });
}
