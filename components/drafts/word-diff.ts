export type DiffPart = { kind: "same" | "added" | "removed"; text: string };

/** Words and the whitespace between them, so a diff keeps line breaks where they were. */
function tokens(text: string): string[] {
  return text.split(/(\s+)/).filter((t) => t !== "");
}

function push(parts: DiffPart[], kind: DiffPart["kind"], text: string) {
  const last = parts.at(-1);
  if (last?.kind === kind) last.text += text;
  else parts.push({ kind, text });
}

/**
 * A word-level diff of the original and edited text (longest common subsequence). The shared
 * head and tail are cut off first, so a typical edit compares only the few words that changed.
 */
export function wordDiff(before: string, after: string): DiffPart[] {
  const a = tokens(before);
  const b = tokens(after);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const x = a.slice(head, a.length - tail);
  const y = b.slice(head, b.length - tail);

  // lcs[i][j]: length of the longest common subsequence of x[i..] and y[j..], flattened.
  const width = y.length + 1;
  const lcs = new Uint32Array((x.length + 1) * width);
  for (let i = x.length - 1; i >= 0; i--) {
    for (let j = y.length - 1; j >= 0; j--) {
      lcs[i * width + j] = x[i] === y[j] ? lcs[(i + 1) * width + j + 1]! + 1 : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
    }
  }

  const ops: DiffPart[] = [];
  let i = 0;
  let j = 0;
  while (i < x.length || j < y.length) {
    if (i < x.length && j < y.length && x[i] === y[j]) {
      ops.push({ kind: "same", text: x[i++]! });
      j++;
    } else if (i < x.length && (j === y.length || lcs[(i + 1) * width + j]! >= lcs[i * width + j + 1]!)) {
      ops.push({ kind: "removed", text: x[i++]! });
    } else {
      ops.push({ kind: "added", text: y[j++]! });
    }
  }

  // A lone space between two changes belongs to the change: "next week" → "on Tuesday" reads as
  // one replacement, not four interleaved single-word edits.
  const parts: DiffPart[] = [];
  let removed = "";
  let added = "";
  const flush = () => {
    if (removed) push(parts, "removed", removed);
    if (added) push(parts, "added", added);
    removed = added = "";
  };
  if (head) push(parts, "same", a.slice(0, head).join(""));
  ops.forEach((op, k) => {
    const inChange = (removed || added) && /^\s+$/.test(op.text) && ops[k + 1] !== undefined && ops[k + 1]!.kind !== "same";
    if (op.kind === "same" && inChange) {
      removed += op.text;
      added += op.text;
    } else if (op.kind === "same") {
      flush();
      push(parts, "same", op.text);
    } else if (op.kind === "removed") removed += op.text;
    else added += op.text;
  });
  flush();
  if (tail) push(parts, "same", a.slice(a.length - tail).join(""));
  return parts;
}
