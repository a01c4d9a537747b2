/** The trace id of a W3C `traceparent` header (`00-<32 hex>-<16 hex>-<2 hex>`), or null. */
export function traceIdFrom(traceparent: string | null): string | null {
  const match = traceparent?.trim().match(/^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$/);
  const traceId = match?.[1];
  return traceId && !/^0+$/.test(traceId) ? traceId : null;
}
