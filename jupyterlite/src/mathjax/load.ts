/**
 * MathJax 3 (TeX in, CommonHTML out) in one lazy chunk: the packages our notebooks use instead of
 * JupyterLab's `AllPackages` (which also pulls `require` and every extension), so a page with
 * formulas costs one request instead of nine.
 */
import { mathjax } from 'mathjax-full/js/mathjax';
import { AssistiveMmlHandler } from 'mathjax-full/js/a11y/assistive-mml';
import { browserAdaptor } from 'mathjax-full/js/adaptors/browserAdaptor';
import { HTMLHandler } from 'mathjax-full/js/handlers/html/HTMLHandler';
import { TeX } from 'mathjax-full/js/input/tex';
import 'mathjax-full/js/input/tex/base/BaseConfiguration';
import 'mathjax-full/js/input/tex/ams/AmsConfiguration';
import 'mathjax-full/js/input/tex/boldsymbol/BoldsymbolConfiguration';
import 'mathjax-full/js/input/tex/cancel/CancelConfiguration';
import 'mathjax-full/js/input/tex/color/ColorConfiguration';
import 'mathjax-full/js/input/tex/configmacros/ConfigMacrosConfiguration';
import 'mathjax-full/js/input/tex/newcommand/NewcommandConfiguration';
import 'mathjax-full/js/input/tex/noundefined/NoUndefinedConfiguration';
import { CHTML } from 'mathjax-full/js/output/chtml';
import { TeXFont } from 'mathjax-full/js/output/chtml/fonts/tex';
import { SafeHandler } from 'mathjax-full/js/ui/safe/SafeHandler';

export const TEX_PACKAGES = [
  'base',
  'ams',
  'boldsymbol',
  'cancel',
  'color',
  'configmacros',
  'newcommand',
  'noundefined',
];

export function createMathDocument(): ReturnType<typeof mathjax.document> {
  mathjax.handlers.register(AssistiveMmlHandler(SafeHandler(new HTMLHandler(browserAdaptor()))));
  // The fonts come from the mathjax extension's stylesheet, loaded when a glyph needs them.
  class EmptyFont extends TeXFont {}
  (EmptyFont as unknown as { defaultFonts: object }).defaultFonts = {};
  const tex = new TeX({
    packages: TEX_PACKAGES,
    inlineMath: [
      ['$', '$'],
      ['\\(', '\\)'],
    ],
    displayMath: [
      ['$$', '$$'],
      ['\\[', '\\]'],
    ],
    processEscapes: true,
    processEnvironments: true,
  });
  return mathjax.document(window.document, {
    InputJax: tex,
    OutputJax: new CHTML({ font: new EmptyFont() }),
  });
}
