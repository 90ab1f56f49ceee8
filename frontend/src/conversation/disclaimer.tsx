export const DISCLAIMER =
  'AI responses may contain errors. Always verify important information independently.';

/** Shown under every chat input. */
export function Disclaimer() {
  return <p className="text-center text-xs text-slate-500">{DISCLAIMER}</p>;
}
