/**
 * Tokens this process has committed to a run that llm_calls does not show yet: reservations of
 * calls in flight (prompt estimate + max output), and spend whose row failed to write. Added to
 * the recorded sum, it makes the per-run ceiling hold for concurrent calls of one run. Tickets
 * are ordered, so of two racing calls the earlier one is checked without the later one's
 * reservation: the first proceeds instead of both refusing each other.
 */
export class RunLedger {
  private readonly runs = new Map<string, Map<number, number>>();
  private nextTicket = 0;

  reserve(runId: string, tokens: number): number {
    const ticket = ++this.nextTicket;
    const entries = this.runs.get(runId) ?? new Map<number, number>();
    entries.set(ticket, tokens);
    this.runs.set(runId, entries);
    return ticket;
  }

  /** Tokens committed to the run by this ticket and every earlier one. */
  upTo(runId: string, ticket: number): number {
    let total = 0;
    for (const [t, tokens] of this.runs.get(runId) ?? []) if (t <= ticket) total += tokens;
    return total;
  }

  /** Ends a reservation; spend that could not be recorded stays counted for the life of the process. */
  settle(runId: string, ticket: number, unrecorded: number): void {
    const entries = this.runs.get(runId);
    if (!entries) return;
    if (unrecorded > 0) entries.set(ticket, unrecorded);
    else entries.delete(ticket);
    if (entries.size === 0) this.runs.delete(runId);
  }
}
