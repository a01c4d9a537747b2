import { readdirSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";

/**
 * The URL patterns of every file with this name under app/ (`page.tsx` for pages, `route.ts`
 * for route handlers), route groups dropped, sorted. The smoke walk and the fuzz suite read them
 * from the folder, so a new page or route they do not know fails them.
 */
export function appRoutes(file: "page.tsx" | "route.ts"): string[] {
  const root = join(process.cwd(), "app");
  const routes: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name === file) routes.push(`/${relative(root, dir).split(sep).filter((p) => p && !/^\(.*\)$/.test(p)).join("/")}`);
    }
  };
  walk(root);
  return routes.sort();
}
