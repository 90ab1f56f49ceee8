export const EXAMPLE_PROMPTS = [
  'How do I compute the determinant of a 3x3 matrix with numpy?',
  'Why do I get "operands could not be broadcast together"?',
  'Explain linear interpolation with a small example.',
  'What is the difference between a Python list and a NumPy array?',
];

interface ChatWelcomeProps {
  username: string;
  onPick: (prompt: string) => void;
  /** False while the socket is not connected: the examples cannot be sent yet. */
  canSend: boolean;
}

/** The greeting on an empty session, with a few example questions to start from. */
export function ChatWelcome({ username, onPick, canSend }: ChatWelcomeProps) {
  return (
    <div className="mx-auto flex max-w-2xl flex-col items-center gap-6 py-10 text-center">
      <div>
        <h2 className="text-2xl font-semibold tracking-tight">
          Hi {username}, what are you working on?
        </h2>
        <p className="mt-2 text-sm text-slate-600">
          Ask about Python, NumPy or the maths behind it. The tutor starts with hints and gives more
          detail each time you ask.
        </p>
      </div>
      <ul className="grid w-full gap-2 sm:grid-cols-2">
        {EXAMPLE_PROMPTS.map((prompt) => (
          <li key={prompt}>
            <button
              type="button"
              disabled={!canSend}
              onClick={() => onPick(prompt)}
              className="h-full w-full rounded-lg border border-slate-200 bg-white px-4 py-3 text-left text-sm text-slate-700 hover:border-brand-600 hover:bg-brand-50 disabled:cursor-not-allowed disabled:opacity-60"
            >
              {prompt}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
