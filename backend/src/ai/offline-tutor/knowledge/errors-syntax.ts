import type { ErrorEntry } from './types';

// Errors before the code runs (syntax, indentation) and imports in the browser.

export const INDENTATION_ERROR: ErrorEntry = {
  id: 'indentation-error',
  title: 'IndentationError',
  detect: /IndentationError(?::\s*(?<detail>[^\n]+))?|TabError(?::\s*(?<tab>[^\n]+))?/,
  defaults: { detail: 'unexpected indent', tab: '' },
  keywords: [
    'indentationerror',
    'unexpected indent',
    'expected an indented block',
    'unindent',
    'indentation',
    'taberror',
  ],
  questions: [
    'Which lines belong inside the `for`, `if` or `def` above them, and do they all start at the same column?',
    'Does the line before the indented block end with a colon?',
    'Could there be a mix of tabs and spaces, perhaps from pasted code?',
  ],
  concept:
    'Python uses **indentation** to group statements: every line of a block (the body of `def`, `for`, `if`, ...) must start at the same column, deeper than the line that opens it, which ends with a colon. **IndentationError** ("{detail}") means a line is deeper or shallower than Python expects: an indent with no block opening it, a block opener with nothing indented after it, or a line that un-indents to a column that matches no outer block.',
  analogy:
    'Like a numbered outline: sub-points are indented under their point, and a sub-point that floats in at a random depth makes the outline unreadable.',
  steps: [
    'Go to the line the error points at and the line just above it.',
    'Check that the opener above ends with a colon and that the block lines share one indentation (4 spaces is the convention).',
    'Remove stray spaces at the start of lines that are not in a block.',
    'Re-indent pasted code with spaces only (in JupyterLab: select and press Tab / Shift+Tab).',
  ],
  example: {
    intro: 'A similar block to fix: where should each line start?',
    code: 'def total(values):\ns = 0\n    for v in values:\n    s += v\n  return s',
    after: 'Decide the correct column for each line, then check your own cell the same way.',
  },
  solution: {
    intro: 'Each block is indented one level (4 spaces) under its opener:',
    code: 'def total(values):\n    s = 0\n    for v in values:\n        s += v\n    return s\n\nprint(total([1, 2, 3]))   # 6',
    explanation:
      'The body of `def` is one level in; the body of `for` is one more level in; `return` goes back to the function level so it runs after the loop.',
  },
  pitfalls: [
    '`return` indented inside the loop returns after the first iteration.',
    'An empty block needs `pass`.',
    'Mixing tabs and spaces gives TabError.',
  ],
  variations: [
    'Let the editor re-indent a selection.',
    'A formatter such as black normalises indentation.',
  ],
};

export const SYNTAX_ERROR: ErrorEntry = {
  id: 'syntax-error',
  title: 'SyntaxError',
  detect: /SyntaxError(?::\s*(?<detail>[^\n]+))?/,
  defaults: { detail: 'invalid syntax' },
  keywords: [
    'syntaxerror',
    'invalid syntax',
    'unexpected eof',
    'was never closed',
    'unterminated string',
    'expected',
  ],
  questions: [
    'The caret `^` points at the spot where Python got confused. What is just before it?',
    'Are all brackets and quotes opened and closed in pairs?',
    'Does every `if`, `for`, `while` and `def` line end with a colon?',
    'Is there a `=` where you meant `==`, or a missing comma or operator such as `2x` instead of `2*x`?',
  ],
  concept:
    'Before running anything, Python **parses** the whole cell. A **SyntaxError** ("{detail}") means the text is not valid Python, so nothing in the cell ran. The reported position is where the parser noticed the problem, which is often just *after* the real mistake: an unclosed bracket on an earlier line, a missing colon, a missing operator (maths writes $2x$, Python needs `2*x`), or `=` (assignment) where `==` (comparison) was meant.',
  steps: [
    'Look at the line and the caret in the error, then at the line above it.',
    'Count brackets and quotes on those lines.',
    'Check colons after block openers, commas between arguments and list items, and explicit `*` for multiplication.',
    'Fix one thing at a time and re-run: later errors often disappear with the first.',
  ],
  example: {
    intro: 'A similar cell with three syntax slips. Can you find them?',
    code: 'import numpy as np\nx = np.linspace(0, 1, 5\ny = 2x + 1\nif y[0] = 1\n    print("starts at one")',
  },
  solution: {
    intro: 'The corrected cell:',
    code: 'import numpy as np\nx = np.linspace(0, 1, 5)     # closing bracket\ny = 2 * x + 1                 # explicit multiplication\nif y[0] == 1:                 # comparison and colon\n    print("starts at one")',
    explanation:
      'An unclosed bracket makes Python read on into the next line, so it reports the error there. Multiplication is always written with `*`, comparison with `==`, and block openers end with `:`.',
  },
  pitfalls: [
    '`^` for powers is bitwise XOR in Python; use `**`.',
    'Curly quotes pasted from documents are not Python quotes.',
    'Python 2 style `print "x"` is invalid.',
  ],
  variations: [
    'Editors highlight unmatched brackets; use it.',
    'Split long expressions over lines inside brackets to see their structure.',
  ],
};

export const MODULE_NOT_FOUND: ErrorEntry = {
  id: 'module-not-found',
  title: 'ModuleNotFoundError in the browser',
  detect:
    /ModuleNotFoundError(?::\s*No module named\s+'(?<module>[^']+)')?|ImportError(?::\s*(?<detail>[^\n]+))?/,
  defaults: { module: 'package_name', detail: '' },
  keywords: [
    'modulenotfounderror',
    'no module named',
    'importerror',
    'cannot import',
    'pip install',
    'install package',
    'micropip',
  ],
  questions: [
    'Is `{module}` spelled exactly like the package (for example `sklearn` for scikit-learn, `matplotlib.pyplot` with a dot)?',
    'This notebook runs Python in your browser (Pyodide), not on a computer with pip. Is `{module}` a package that exists for Pyodide?',
    'Has the cell that installs or imports it run first?',
  ],
  concept:
    'Here Python runs **inside your browser** via Pyodide (JupyterLite). There is no normal `pip` and no access to packages installed on your computer. NumPy, SciPy, matplotlib and many pure-Python packages are available, and most are loaded automatically when imported. **ModuleNotFoundError** for `{module}` means the name is misspelt, the package is not available for Pyodide, or it must be installed into the browser session first with `micropip` (pure-Python packages) or `%pip install`.',
  steps: [
    'Check the import name (it can differ from the install name).',
    'Run `%pip install {module}` (or `import micropip; await micropip.install("{module}")`) in a cell, then import again.',
    'If it still fails, the package needs native code that Pyodide does not provide: use NumPy or SciPy for the same task.',
    'Never name your own notebook file or variable like the module you import.',
  ],
  example: {
    intro: 'Installing a pure-Python package into the browser session:',
    code: 'import micropip\nawait micropip.install("___")   # the package name\nimport ___',
  },
  solution: {
    intro: 'In JupyterLite, install into the running session, then import:',
    code: '%pip install {module}\n\n# or, equivalently\nimport micropip\nawait micropip.install("{module}")\n\nimport numpy as np            # numpy, scipy and matplotlib load by themselves\nprint(np.__version__)',
    explanation:
      'Installation lasts for this browser session only: after a kernel restart run the install cell again. Packages with C extensions that Pyodide does not ship cannot be installed; NumPy and SciPy usually cover the same ground.',
  },
  pitfalls: [
    '`!pip install` (shell) does not exist in the browser.',
    'Installs are lost on kernel restart.',
    'Import names differ from package names (`PIL` for pillow, `sklearn` for scikit-learn).',
  ],
  variations: [
    '`import pyodide_js; await pyodide_js.loadPackage("scipy")` for Pyodide\'s own packages.',
  ],
};
