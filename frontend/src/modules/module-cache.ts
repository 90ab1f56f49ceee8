import { type ModuleOut, ModuleOutSchema } from '@tutor/shared/learning-modules';

/**
 * The modules this browser has seen (title, description, notebook file: what every student sees,
 * never their work), so that a workspace can open its notebook frame at once on the next visit,
 * while the module and progress requests are still on their way. The server's answer wins.
 */
const KEY = 'numerical-tutor:modules';

function readAll(): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? '{}');
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

function writeAll(modules: Record<string, unknown>): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(modules));
  } catch {
    // Storage full or disabled: the next visit waits for the server, as the first one did.
  }
}

/** The module as last seen, or null (never seen, or what is stored is not a module). */
export function rememberedModule(id: string): ModuleOut | null {
  const parsed = ModuleOutSchema.safeParse(readAll()[id]);
  return parsed.success && parsed.data.id === id ? parsed.data : null;
}

export function rememberModules(modules: ModuleOut[]): void {
  const all = readAll();
  for (const { id, title, description, notebook_filename, order } of modules) {
    all[id] = { id, title, description, notebook_filename, order };
  }
  writeAll(all);
}

export function forgetModule(id: string): void {
  const all = readAll();
  if (!(id in all)) return;
  delete all[id];
  writeAll(all);
}
