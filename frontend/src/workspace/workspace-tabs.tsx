import { useRef, type KeyboardEvent } from 'react';

export type WorkspaceTab = 'notebook' | 'tutor';

const tabs: { name: WorkspaceTab; label: string }[] = [
  { name: 'notebook', label: 'Notebook' },
  { name: 'tutor', label: 'Tutor' },
];

interface WorkspaceTabsProps {
  tab: WorkspaceTab;
  onChange: (tab: WorkspaceTab) => void;
}

/**
 * The notebook/tutor switch of the compact layout: a tab list controlling the two panes of
 * WorkspaceSplit. The selected tab is the one in the Tab order; arrow keys, Home and End move
 * between the tabs.
 */
export function WorkspaceTabs({ tab, onChange }: WorkspaceTabsProps) {
  const refs = useRef<Partial<Record<WorkspaceTab, HTMLButtonElement | null>>>({});

  function handleKeyDown(event: KeyboardEvent) {
    const index = tabs.findIndex((t) => t.name === tab);
    let next: number | null = null;
    if (event.key === 'ArrowRight') next = (index + 1) % tabs.length;
    else if (event.key === 'ArrowLeft') next = (index - 1 + tabs.length) % tabs.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = tabs.length - 1;
    if (next === null) return;
    event.preventDefault();
    const name = tabs[next]!.name;
    onChange(name);
    refs.current[name]?.focus();
  }

  return (
    <div
      role="tablist"
      aria-label="Workspace panes"
      onKeyDown={handleKeyDown}
      className="flex shrink-0 rounded-lg bg-slate-100 p-0.5"
    >
      {tabs.map(({ name, label }) => {
        const selected = tab === name;
        return (
          <button
            key={name}
            ref={(element) => {
              refs.current[name] = element;
            }}
            type="button"
            role="tab"
            id={`workspace-tab-${name}`}
            aria-selected={selected}
            aria-controls={`workspace-${name}-pane`}
            tabIndex={selected ? 0 : -1}
            onClick={() => onChange(name)}
            className={`rounded-md px-3 py-1.5 text-sm font-medium ${
              selected
                ? 'bg-white text-brand-800 shadow-sm ring-1 ring-slate-200'
                : 'text-slate-700 hover:text-slate-900'
            }`}
          >
            {label}
          </button>
        );
      })}
    </div>
  );
}
