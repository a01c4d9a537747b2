import { auth } from "@/lib/auth/server";
import { withSignInLimits } from "@/lib/auth/sign-in-route";

const handle = (request: Request) => auth().handler(request);

export function GET(request: Request) {
  return withSignInLimits(request, handle);
}

export function POST(request: Request) {
  return withSignInLimits(request, handle);
}
