/**
 * TEST BUILDS ONLY (`--with-test-kernel`): registers a small JavaScript kernel that stands in for
 * Pyodide so end-to-end tests can run cells offline. Never part of the production build.
 */
import type { JupyterFrontEndPlugin } from '@jupyterlab/application';
import { IKernelSpecs } from '@jupyterlite/services';

import { TestKernel } from './kernel';

export const TEST_KERNEL_NAME = 'test-js';

const testKernel: JupyterFrontEndPlugin<void> = {
  id: '@tutor/jupyterlite:test-kernel',
  description: 'Test kernel (JavaScript stand-in for Pyodide), for end-to-end tests only.',
  autoStart: true,
  requires: [IKernelSpecs],
  activate: (_app, kernelspecs: IKernelSpecs): void => {
    kernelspecs.register({
      spec: {
        name: TEST_KERNEL_NAME,
        display_name: 'Test kernel (JavaScript stand-in for Pyodide)',
        // Not "python": notebooks asking for Python keep getting the Pyodide kernel.
        language: 'test',
        argv: [],
        resources: {},
      },
      create: async (options) => new TestKernel(options),
    });
  },
};

export default [testKernel];
