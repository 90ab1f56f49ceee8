/**
 * Holds the kernel back until the notebook has rendered, so Pyodide (13 MB and a busy worker) does
 * not compete with the first paint.
 */
import type { ServiceManagerPlugin } from '@jupyterlab/services';
import { IKernelSpecs } from '@jupyterlite/services';
import { PromiseDelegate } from '@lumino/coreutils';

/** Longest wait for the first render before the kernel starts anyway. */
const MAX_WAIT_MS = 10_000;

const rendered = new PromiseDelegate<void>();

/** Called once the notebook is on screen (or could not be opened). */
export function markNotebookRendered(): void {
  rendered.resolve();
}

export const notebookRendered = Promise.race([
  rendered.promise,
  new Promise<void>((resolve) => setTimeout(resolve, MAX_WAIT_MS)),
]);

type KernelFactory = (...args: unknown[]) => Promise<unknown>;

function deferred(create: KernelFactory): KernelFactory {
  return async (...args) => {
    await notebookRendered;
    return create(...args);
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
