/**
 * Holds the kernel back until the notebook's first cells are on screen, so Pyodide (13 MB and a
 * busy worker) does not compete with the first paint; and holds what the first paint does not need
 * (MathJax) until the kernel has been started, so that the kernel is not held up by it either.
 */
import type { ServiceManagerPlugin } from '@jupyterlab/services';
import { IKernelSpecs } from '@jupyterlite/services';
import { PromiseDelegate } from '@lumino/coreutils';

/** Longest wait for the first render before the kernel starts anyway. */
const MAX_WAIT_MS = 10_000;
/** Longest wait for the kernel to be started before the deferred work runs anyway. */
const MAX_KERNEL_WAIT_MS = 2_000;
/** Longest wait for an idle moment once painted (the notebook renders its next cells then). */
const IDLE_TIMEOUT_MS = 300;

const rendered = new PromiseDelegate<void>();
const launched = new PromiseDelegate<void>();

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves at the next idle moment of the main thread (or after `timeout` ms). */
export function idle(timeout = IDLE_TIMEOUT_MS): Promise<void> {
  // Safari has no requestIdleCallback (JupyterLab's notebook module stands in for it there).
  if (typeof requestIdleCallback !== 'function') return delay(0);
  return new Promise((resolve) => requestIdleCallback(() => resolve(), { timeout }));
}

/** Resolves at the next animation frame. */
export function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

/** Resolves once what is on screen now has been painted (two animation frames). */
export const painted = (): Promise<void> => nextFrame().then(nextFrame);

/** Called once the notebook's first cells are on screen (or it could not be opened). */
export function markNotebookRendered(): void {
  rendered.resolve();
}

export const notebookRendered = Promise.race([rendered.promise, delay(MAX_WAIT_MS)]);

/**
 * Resolves once the first kernel has been created (its worker is starting and will fetch Pyodide);
 * or, if no kernel starts, shortly after the first render.
 */
export const kernelLaunched: Promise<void> = Promise.race([
  launched.promise,
  notebookRendered.then(() => delay(MAX_KERNEL_WAIT_MS)),
]);

type KernelFactory = (...args: unknown[]) => Promise<unknown>;

function deferred(create: KernelFactory): KernelFactory {
  return async (...args) => {
    await notebookRendered;
    try {
      return await create(...args);
    } finally {
      launched.resolve();
    }
  };
}

export const deferKernelStart: ServiceManagerPlugin<void> = {
  id: '@tutor/jupyterlite:defer-kernel-start',
  description: 'Starts kernels only after the notebook has rendered.',
  autoStart: true,
  requires: [IKernelSpecs],
  activate: (_: null, kernelSpecs: IKernelSpecs) => {
    const factories = kernelSpecs.factories as unknown as Map<string, KernelFactory>;
    for (const [name, create] of factories) factories.set(name, deferred(create));
    const register = kernelSpecs.register.bind(kernelSpecs);
    kernelSpecs.register = (options) =>
      register({
        ...options,
        create: deferred(options.create as unknown as KernelFactory) as never,
      });
  },
};
