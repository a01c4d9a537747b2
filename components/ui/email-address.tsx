/**
 * An email address that wraps where a reader expects, before the "@" (and after dots), not in
 * the middle of a word; a part longer than its column still breaks rather than overflowing.
 */
export function EmailAddress({ email, className = "" }: { email: string; className?: string }) {
  const at = email.lastIndexOf("@");
  const local = at >= 0 ? email.slice(0, at) : email;
  const domain = at >= 0 ? email.slice(at) : "";
  return (
    <span className={`[overflow-wrap:break-word] ${className}`}>
      {local}
      {domain ? <wbr /> : null}
      {domain}
    </span>
  );
}
