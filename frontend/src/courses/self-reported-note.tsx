/** Check results are run in each student's browser: the dashboard says so wherever it shows them. */
export function SelfReportedNote() {
  return (
    <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-1.5 text-sm text-amber-900">
      <span className="font-semibold">Self-reported:</span> checked in the student’s browser
    </p>
  );
}
