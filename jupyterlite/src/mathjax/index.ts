/**
 * The LaTeX typesetter (replaces `@jupyterlab/mathjax-extension:plugin`): MathJax is loaded only
 * when a rendered node contains something that looks like math, as one lazy chunk, and only once
 * the first screen of cells is painted and the kernel started: the cells paint with their TeX
 * source, then the formulas are typeset while Pyodide downloads (instead of MathJax, its fonts and
 * its typesetting competing with the first paint and holding up the kernel).
 */
import type { JupyterFrontEndPlugin } from '@jupyterlab/application';
import { ILatexTypesetter } from '@jupyterlab/rendermime';

import { kernelLaunched } from '../sidepanel/startup-gate';
// Type only: the module itself is loaded lazily (its own chunk) by import('./load') below.
import type { createMathDocument } from './load';

type MathDocument = ReturnType<typeof createMathDocument>;

/** `$`, `\(`, `\[` or `\begin{`: anything else cannot hold TeX for MathJax to typeset. */
const MAYBE_MATH = /\$|\\\(|\\\[|\\begin\{/;

export class LazyMathJaxTypesetter implements ILatexTypesetter {
  private document: Promise<MathDocument> | null = null;

  private mathDocument(): Promise<MathDocument> {
    this.document ??= kernelLaunched
      .then(() => import(/* webpackChunkName: "mathjax" */ './load'))
      .then((m) => m.createMathDocument());
    return this.document;
  }

  async typeset(node: HTMLElement): Promise<void> {
    if (!MAYBE_MATH.test(node.textContent ?? '')) return;
    let document: MathDocument;
    try {
      document = await this.mathDocument();
    } catch (error) {
      console.error('MathJax could not be loaded', error);
      return;
    }
    document.options['elements'] = [node];
    document.clear().render();
    delete document.options['elements'];
    for (const anchor of node.querySelectorAll<HTMLAnchorElement>('.MathJax a')) {
      anchor.rel = 'noopener';
      anchor.target = '_blank';
    }
  }
}

export const mathJaxPlugin: JupyterFrontEndPlugin<ILatexTypesetter> = {
  id: '@tutor/jupyterlite:mathjax',
  description: 'Typesets LaTeX with MathJax, loaded on the first formula.',
  autoStart: true,
  provides: ILatexTypesetter,
  activate: () => new LazyMathJaxTypesetter(),
};

export default [mathJaxPlugin];
