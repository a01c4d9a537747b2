import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ownEnvironment } from "@/db/testing";

// This file owns its process's environment: a fresh database file in demo mode.
const testEnv = ownEnvironment("auth", { DEMO_MODE: "true" });

const { db } = await import("@/db/client");
const { prepareDatabase } = await import("@/db/setup");
const { auth } = await import("./server");
const { demoSessionHeaders: sessionHeaders, signInDemo: signIn, TEST_HOST: HOST } = await import("./testing");
const { userFromHeaders } = await import("./session");
const contactsRoute = await import("@/app/api/contacts/route");
const contactRoute = await import("@/app/api/contacts/[id]/route");
const { listUsersFor } = await import("@/lib/services/users");
const authRoute = await import("@/app/api/auth/[...all]/route");
const { PEER_HEADER } = await import("@/lib/http/client-ip");

beforeAll(async () => {
  await prepareDatabase(db(), { demo: true });
}, 60_000);
afterAll(() => {
  db().$client.close();
  testEnv.removeDir();
});

describe("sign-in", () => {
  it("a demo rep signs in and the session carries the rep role", async () => {
    const user = await userFromHeaders(await sessionHeaders("rep@demo.local"));
    expect(user).toMatchObject({ email: "rep@demo.local", role: "rep" });
  });

  it("an admin's session carries the admin role", async () => {
    expect((await userFromHeaders(await sessionHeaders("admin@demo.local")))?.role).toBe("admin");
  });

  it("a wrong password is refused with 401", async () => {
    expect((await signIn("rep@demo.local", "not-the-password")).status).toBe(401);
    expect((await signIn("nobody@demo.local")).status).toBe(401);
  });

  it("nobody can sign themselves up", async () => {
    const response = await auth().api.signUpEmail({
      body: { email: "mallory@example.com", password: "long-enough-pass", name: "Mallory" },
      headers: new Headers({ host: HOST }),
      asResponse: true,
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(await userFromHeaders(new Headers({ host: HOST }))).toBeNull();
  });
});

describe("the contacts API", () => {
  const request = (path: string, headers = new Headers({ host: HOST })) => new Request(`http://${HOST}${path}`, { headers });

  it("answers 401 JSON without a session", async () => {
    const response = await contactsRoute.GET(request("/api/contacts"));
    expect(response.status).toBe(401);
    expect((await response.json()).error.code).toBe("unauthorized:contacts");
  });

  it("answers a signed-in rep with a page of contacts", async () => {
    const response = await contactsRoute.GET(request("/api/contacts?pageSize=10", await sessionHeaders("rep@demo.local")));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.total).toBe(2000);
    expect(body.rows).toHaveLength(10);
  });

  it("names the bad parameter in a 400", async () => {
    const response = await contactsRoute.GET(request("/api/contacts?page=zero", await sessionHeaders("rep@demo.local")));
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatchObject({ code: "bad_request:contacts", field: "page" });
  });

  it("answers 404 for a contact that does not exist", async () => {
    const headers = await sessionHeaders("rep@demo.local");
    const response = await contactRoute.GET(request("/api/contacts/999999", headers), { params: Promise.resolve({ id: "999999" }) });
    expect(response.status).toBe(404);
    const found = await contactRoute.GET(request("/api/contacts/1", headers), { params: Promise.resolve({ id: "1" }) });
    expect(found.status).toBe(200);
    expect((await found.json()).contact.id).toBe(1);
  });
});

describe("admin-only services", () => {
  it("a rep cannot list users; an admin can", async () => {
    const rep = (await userFromHeaders(await sessionHeaders("rep@demo.local")))!;
    const admin = (await userFromHeaders(await sessionHeaders("admin@demo.local")))!;
    await expect(listUsersFor(rep)).rejects.toMatchObject({ code: "forbidden:admin", status: 403 });
    expect((await listUsersFor(admin)).map((u) => u.email)).toContain("operator@demo.local");
  });
});

describe("sign-in limits", () => {
  const post = (email: string, password: string, headers: Record<string, string>) =>
    authRoute.POST(new Request(`http://${HOST}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { host: HOST, origin: `http://${HOST}`, "content-type": "application/json", ...headers },
      body: JSON.stringify({ email, password }),
    }));

  it("an attacker rotating X-Forwarded-For is locked out of the account after ten wrong passwords, and the right password is refused too", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) {
      const response = await post("operator@demo.local", `wrong-${i}`, { [PEER_HEADER]: `198.51.100.${i + 1}`, "x-forwarded-for": `10.9.${i}.1` });
      statuses.push(response.status);
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(new Set(statuses.slice(10))).toEqual(new Set([429]));
    const right = await post("operator@demo.local", "demo-password", { [PEER_HEADER]: "203.0.113.50" });
    expect(right.status).toBe(429);
    expect(right.headers.get("retry-after")).toMatch(/^\d+$/);
    expect((await right.json()).message).toMatch(/Too many failed sign-ins for this account/);
    // Another account is untouched.
    expect((await post("rep2@demo.local", "demo-password", { [PEER_HEADER]: "203.0.113.51" })).status).toBe(200);
  });

  it("one client address cannot spread guesses over many accounts, whatever X-Forwarded-For it sends", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) {
      const response = await post(`nobody${i}@demo.local`, "wrong", { [PEER_HEADER]: "198.51.100.200", "x-forwarded-for": `10.8.${i}.1` });
      statuses.push(response.status);
    }
    expect(statuses.filter((s) => s === 401)).toHaveLength(20);
    expect(statuses.slice(20)).toEqual(Array(5).fill(429));
  });
});
