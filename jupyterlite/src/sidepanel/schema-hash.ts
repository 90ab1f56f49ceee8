/**
 * A hash of a settings schema's JSON text, by which the app recognises a schema compiled at build
 * time (scripts/lib/settings-validators.ts) without bundling the schema's text (the schemas
 * themselves are fetched with the settings, build/schemas/all.json). Two 32-bit FNV-1a lanes from
 * different offsets, the second over the text's code units and their position; collisions only
 * matter among the few dozen schemas of one build.
 */
const FNV_PRIME = 16777619;

export function schemaHash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, FNV_PRIME);
    b = Math.imul(b ^ (c + i), FNV_PRIME);
  }
  return `${(a >>> 0).toString(36)}-${(b >>> 0).toString(36)}-${text.length.toString(36)}`;
}
