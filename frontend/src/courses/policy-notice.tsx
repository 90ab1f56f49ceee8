interface PolicyNoticeProps {
  /** The server's sentence ("Your class allows hints up to level 4"); nothing without one. */
  notice: string | null | undefined;
}

/** What the student's class decided about the tutor or the chat, beside it. */
export function PolicyNotice({ notice }: PolicyNoticeProps) {
  return (
    <p
      role="status"
      data-testid="policy-notice"
      className="rounded-md border border-sky-200 bg-sky-50 px-3 py-1.5 text-xs text-sky-900 empty:hidden"
    >
      {notice ?? ''}
    </p>
  );
}
