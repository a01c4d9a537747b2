/** Liveness: answers at once, touches nothing. */
export function GET() {
  return Response.json({ status: "ok" });
}
