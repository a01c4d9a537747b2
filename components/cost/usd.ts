/** Dollars as the cost pages show them: cents from $1 up, tenths of a cent below. */
export const usd = (n: number) => (n >= 1 ? `$${n.toFixed(2)}` : `$${n.toFixed(4)}`);
