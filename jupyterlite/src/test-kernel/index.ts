/**
 * TEST BUILDS ONLY (`--with-test-kernel`): a small JavaScript kernel that stands in for Pyodide so
 * end-to-end tests can run cells offline. Never part of the production build.
 *
 * With `?testKernel=1` in the page address it takes the place of the Python kernel (notebooks ask
 * for Python by name); without it the real Pyodide kernel runs as in production.
 */
import type { JupyterFrontEndPlugin } from '@jupyterlab/application';
import { IKernelSpecs } from '@jupyterlite/services';

import { TestKernel } from './kernel';

export const TEST_KERNEL_DISPLAY_NAME = 'Test kernel (JavaScript stand-in for Pyodide)';

const testKernel: JupyterFrontEndPlugin<void> = {
  id: '@tutor/jupyterlite:test-kernel',
  description: `${TEST_KERNEL_DISPLAY_NAME}, for end-to-end tests only.`,
  autoStart: true,
  requires: [IKernelSpecs],
  activate: (_app, kernelspecs: IKernelSpecs): void => {
    const enabled = new URLSearchParams(window.location.search).get('testKernel') === '1';
    if (!enabled) return;
    console.warn(`${TEST_KERNEL_DISPLAY_NAME} replaces the Python kernel on this page`);
    kernelspecs.register({
      spec: {
        name: 'python',
        display_name: TEST_KERNEL_DISPLAY_NAME,
        language: 'python',
        argv: [],
        resources: {},
      },
      create: async (options) => new TestKernel(options),
    });
  },
};

export default [testKernel];
