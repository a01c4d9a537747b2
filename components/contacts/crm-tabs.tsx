import Link from "next/link";

export function CrmTabs({ active }: { active: "contacts" | "companies" }) {
  const tab = (href: string, label: string, on: boolean) => (
    <Link
      href={href}
      aria-current={on ? "page" : undefined}
      className={`border-b-2 px-1 pb-2 text-sm font-medium ${on ? "border-brand-600 text-brand-700" : "border-transparent text-slate-500 hover:text-slate-800"}`}
    >
      {label}
    </Link>
  );
  return (
    <div className="mb-5 flex gap-6 border-b border-slate-200">
      {tab("/contacts", "Contacts", active === "contacts")}
      {tab("/companies", "Companies", active === "companies")}
    </div>
  );
}
