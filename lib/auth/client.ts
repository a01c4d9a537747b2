"use client";
import { createAuthClient } from "better-auth/react";

/** Browser-side auth calls (sign in, sign out) against this console's own /api/auth. */
export const authClient = createAuthClient();
