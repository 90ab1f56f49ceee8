import type { ErrorEntry } from './types';

// Errors about names, types, indices, keys and attributes.

export const NAME_ERROR: ErrorEntry = {
  id: 'name-error',
  title: 'NameError',
  detect: /NameError(?::\s*name\s+'(?<name>[^']+)'\s+is not defined)?/,
  defaults: { name: 'the variable' },
  keywords: ['nameerror', 'not defined', 'is not defined', 'undefined variable'],
  questions: [
    'Where in your code is `{name}` given a value for the very first time?',
    'Has that cell (or that line) actually run before the line that fails? In a notebook the order you *ran* cells matters, not the order they appear in.',
    'Is the spelling exactly the same in both places, including capital letters?',
    'Could `{name}` be created inside a function, an `if` block that did not run, or a loop that never started?',
  ],
  concept:
    'Python looks a name up at the moment a line runs. A **NameError** means that, at that moment, no variable, function or module called `{name}` exists yet. Assigning a value (`=`), a `def`, or an `import` is what creates a name; merely mentioning it does not. In a notebook, each cell adds its names to one shared namespace, but only once the cell has been executed, and a kernel restart forgets them all.',
  analogy:
    'It is like asking a friend to pass "the blue folder" before anyone has put a folder on the table: the request is fine, but the thing it refers to does not exist yet.',
  steps: [
    'Read the last line of the traceback: it names the missing name and the line where it was needed.',
    'Search your notebook for the place where `{name}` should be assigned, defined or imported.',
    'Check the spelling and capitalisation match exactly.',
    'Make sure that place runs first: run the cells from the top (Run All), or move the assignment above the use.',
    'If the name is created inside a function, return it and assign the result outside.',
  ],
  example: {
    intro:
      'A similar case: the function uses a name that only exists after it is called, or a typo hides the real name.',
    code: 'import numpy as np\n\nvalues = np.array([1.0, 2.0, 3.0])\n# total is used before it exists: give it a value first\n___ = ___\nfor v in values:\n    total = total + v\nprint(total)',
    after:
      'Fill in the blanks so that `total` exists before the loop, then compare with your own line.',
  },
  solution: {
    intro: 'Create the name before it is used, and run the cell that creates it:',
    code: 'import numpy as np\n\nvalues = np.array([1.0, 2.0, 3.0])\ntotal = 0.0          # the name now exists\nfor v in values:\n    total = total + v\nprint(total)          # 6.0',
    explanation:
      'The loop reads `total` on its right-hand side, so it must exist before the first iteration. Starting from `0.0` makes the sum correct. In your notebook, the same applies to `{name}`: assign, define or import it in a cell that runs *before* the failing one.',
  },
  pitfalls: [
    'Restarting the kernel clears every variable: re-run the earlier cells.',
    'Names are case-sensitive: `Total` and `total` are different.',
    'A variable created inside a function is local to it; return it instead.',
    "Forgetting `import numpy as np` gives `NameError: name 'np' is not defined`.",
  ],
  variations: [
    'With NumPy the loop is unnecessary: `total = values.sum()`.',
    'Use `%whos` (IPython) to list the names that currently exist.',
  ],
};

export const TYPE_ERROR: ErrorEntry = {
  id: 'type-error',
  title: 'TypeError',
  detect: /TypeError(?::\s*(?<detail>[^\n]+))?/,
  defaults: { detail: 'an operation received a value of the wrong type' },
  keywords: [
    'typeerror',
    'unsupported operand',
    'not callable',
    'not subscriptable',
    'can only concatenate',
    'wrong type',
  ],
  questions: [
    'The message says: "{detail}". Which two values take part in the failing operation?',
    'What type does each of them have? What would `type(...)` print for each?',
    'Is one of them a string where you expected a number, or a list where you expected an array?',
    'Did you perhaps call something with `(...)` that is not a function, or index something with `[...]` that is not a sequence?',
  ],
  concept:
    'Every value in Python has a **type** (int, float, str, list, `numpy.ndarray`, ...) and every operation is defined only for certain types. A **TypeError** means an operation met a type it cannot handle: adding a string to a number, calling a number as if it were a function, or indexing an integer. Python does not convert types silently for you: `"3" + 4` is an error, whereas NumPy arrays of numbers happily add element by element.',
  analogy:
    'Like trying to add three apples to the word "four": both are "things", but adding them has no meaning until you turn the word into a number.',
  steps: [
    'Find the failing line in the traceback and the operation on it (`+`, `*`, a call, an index).',
    'Print the type of each operand with `type(x)` (and `x.dtype` for arrays).',
    'Convert the value that has the wrong type (`int()`, `float()`, `np.array()`), or fix where it came from.',
    'If a name that should be a function now holds a value, you have overwritten it: rename your variable.',
  ],
  example: {
    intro: 'A similar situation: numbers read as text must be converted before doing arithmetic.',
    code: 'raw = ["1.5", "2.0", "3.25"]      # strings, e.g. read from a file\nnumbers = [___(s) for s in raw]   # convert each one\nprint(sum(numbers))',
    after:
      'Which conversion function goes in the blank? Then apply the same idea to your own line.',
  },
  solution: {
    intro: 'Convert values to the type the operation needs:',
    code: 'import numpy as np\n\nraw = ["1.5", "2.0", "3.25"]\nnumbers = np.array(raw, dtype=float)   # or [float(s) for s in raw]\nprint(numbers.sum())                   # 6.75\n\nn = 3\nlabel = "n = " + str(n)                # str + str, not str + int\nprint(label)',
    explanation:
      'Your error says "{detail}". Find the operand whose type is not what you assumed, and convert it explicitly. `np.array(..., dtype=float)` converts a whole list at once; `str(n)` or an f-string (`f"n = {n}"`) turns a number into text.',
  },
  pitfalls: [
    'Naming a variable `sum`, `list`, `max` or `print` hides the built-in: later calls fail with "object is not callable".',
    '`input()` always returns a string.',
    'Python lists do not do element-wise arithmetic: `[1, 2] * 2` repeats the list. Use NumPy arrays.',
  ],
  variations: [
    'f-strings (`f"x = {x:.3f}"`) avoid most str + number errors.',
    '`isinstance(x, (int, float))` checks a type before using a value.',
  ],
};

export const INDEX_ERROR: ErrorEntry = {
  id: 'index-error',
  title: 'IndexError',
  detect: /IndexError(?::\s*(?<detail>[^\n]+))?/,
  defaults: { detail: 'index out of range' },
  keywords: ['indexerror', 'out of range', 'out of bounds', 'index out of'],
  questions: [
    'How many elements does your list or array have along that axis? What are the valid indices then?',
    'What value does the index have at the moment of the error? Could it be equal to the length?',
    'If this is in a loop, what is the last value your loop variable takes?',
    'For a 2-D array, which index is the row and which is the column?',
  ],
  concept:
    'Python and NumPy count from **0**. A sequence of length $n$ has valid indices $0, 1, \\dots, n-1$ (and $-1, \\dots, -n$ from the end). Asking for index $n$ or beyond raises **IndexError** ("{detail}"). For arrays, each axis has its own length, given by `shape`. Slices are forgiving (they stop at the end), but a single index is not.',
  analogy:
    'A bookshelf with 5 books numbered 0 to 4: asking for book number 5 means reaching past the end of the shelf.',
  steps: [
    'Print the length (`len(x)`) or the shape (`x.shape`) of the object you index.',
    'Print the index value just before the failing line.',
    'Compare: the index must be at most length − 1 on that axis.',
    'Fix the loop bounds (`range(len(x))`, not `range(len(x) + 1)`) or the index arithmetic such as `i + 1`.',
  ],
  example: {
    intro:
      'A similar loop that compares neighbours: how far may `i` go if the body uses `x[i + 1]`?',
    code: 'x = [3, 1, 4, 1, 5]\nfor i in range(___):\n    if x[i] > x[i + 1]:\n        print("drop after index", i)',
  },
  solution: {
    intro: 'Keep every index inside $0 \\dots n-1$:',
    code: 'x = [3, 1, 4, 1, 5]\nfor i in range(len(x) - 1):       # i + 1 is at most len(x) - 1\n    if x[i] > x[i + 1]:\n        print("drop after index", i)\n\nimport numpy as np\nA = np.arange(6).reshape(2, 3)\nprint(A.shape)        # (2, 3): rows 0..1, columns 0..2\nprint(A[1, 2])        # last row, last column',
    explanation:
      'Because the body reads `x[i + 1]`, the loop must stop one earlier than usual. For arrays, check `shape` first: `A[2, 0]` would fail because `A` has only rows 0 and 1.',
  },
  pitfalls: [
    '`range(1, n + 1)` is 1-based thinking; Python indices start at 0.',
    'An empty list has no index 0.',
    'Swapping row and column indices on a non-square array.',
  ],
  variations: [
    'Iterate directly (`for value in x`) or with `enumerate(x)` to avoid index arithmetic.',
    'Use `x[-1]` for the last element.',
  ],
};

export const KEY_ERROR: ErrorEntry = {
  id: 'key-error',
  title: 'KeyError',
  detect: /KeyError(?::\s*(?<key>[^\n]+))?/,
  defaults: { key: 'the key' },
  keywords: ['keyerror', 'missing key', 'key not found', 'dictionary key'],
  questions: [
    'Which keys does your dictionary actually contain? What does `d.keys()` print?',
    'Is {key} spelled, capitalised and typed exactly like the stored key (for example `"1"` versus `1`)?',
    'Was the entry added before this line ran?',
  ],
  concept:
    'A dictionary maps **keys** to values. `d[k]` only works if `k` is stored in it exactly: same spelling, same type. Otherwise Python raises **KeyError** with the key it could not find ({key}). Unlike lists there is no position to fall back on: the key is the only way in.',
  analogy: 'A coat check: you only get a coat back with the exact ticket number you were given.',
  steps: [
    'Print `list(d.keys())` next to the key you ask for.',
    'Compare spelling, spaces, case and type.',
    'Use `k in d` to test before reading, or `d.get(k, default)` when a missing key is normal.',
  ],
  example: {
    intro: 'Counting words, where the first occurrence of a word has no entry yet:',
    code: 'counts = {}\nfor word in ["a", "b", "a"]:\n    if word ___ counts:\n        counts[word] += 1\n    else:\n        counts[word] = ___\nprint(counts)',
  },
  solution: {
    intro: 'Check for the key, or give a default:',
    code: 'counts = {}\nfor word in ["a", "b", "a"]:\n    counts[word] = counts.get(word, 0) + 1\nprint(counts)                # {\'a\': 2, \'b\': 1}\n\nsettings = {"tol": 1e-8}\nprint("max_iter" in settings)   # False, so settings["max_iter"] would raise KeyError',
    explanation:
      '`d.get(k, 0)` returns 0 when the key is missing, so the first occurrence starts the count. Apply the same check to {key} in your code.',
  },
  pitfalls: [
    'Keys `1` and `"1"` are different.',
    'Trailing spaces in keys read from files.',
    'pandas raises KeyError for a missing column name too.',
  ],
  variations: [
    '`collections.defaultdict(int)` creates missing entries automatically.',
    '`collections.Counter` counts in one line.',
  ],
};

export const ATTRIBUTE_ERROR: ErrorEntry = {
  id: 'attribute-error',
  title: 'AttributeError',
  detect:
    /AttributeError(?::\s*(?:(?:module\s+)?'(?<owner>[^']+)'(?:\s+object)?\s+has no attribute\s+'(?<attr>[^']+)'|(?<detail>[^\n]+)))?/,
  defaults: { owner: 'the object', attr: 'that attribute', detail: '' },
  keywords: ['attributeerror', 'has no attribute', 'no attribute'],
  questions: [
    'What type is the object before the dot? Is it really `{owner}`, or something you did not expect?',
    'Does `{attr}` exist for that type? What does `dir(...)` or the documentation list?',
    'Could it be a typo, or a function that lives in a submodule (for example `np.linalg` rather than `np`)?',
  ],
  concept:
    'Writing `obj.name` asks the object for an **attribute** (a value or a method). Each type offers its own set: a NumPy array has `.shape` and `.T`, a list has `.append`, the `numpy` module has `linalg`. **AttributeError** means `{owner}` has nothing called `{attr}`. Usually the object is not the type you think (a list instead of an array, `None` returned by a function) or the name is misspelt or lives somewhere else.',
  steps: [
    'Print `type(obj)` for the object before the dot.',
    'Check the spelling of `{attr}` and where it lives (for example `np.linalg.det`, not `np.det`).',
    'If the object is `None`, find the function that returned it: methods like `list.sort()` return `None`.',
    'Convert to the right type when needed (`np.array(my_list)`).',
  ],
  example: {
    intro: 'A similar mix-up: a list used as if it were an array.',
    code: 'import numpy as np\n\ndata = [[1, 2], [3, 4]]\n# data.shape fails: lists have no .shape\narr = ___(data)\nprint(arr.shape)',
  },
  solution: {
    intro: 'Make sure the object has the type whose attribute you use:',
    code: 'import numpy as np\n\ndata = [[1, 2], [3, 4]]\narr = np.array(data)\nprint(arr.shape)              # (2, 2)\nprint(np.linalg.det(arr))     # det lives in np.linalg\n\nvalues = [3, 1, 2]\nvalues.sort()                 # sorts in place and returns None\nprint(values)',
    explanation:
      'Here `{owner}` has no `{attr}`. Convert the object to the type that has it, or call the function from the module where it lives.',
  },
  pitfalls: [
    'Assigning the result of an in-place method (`x = x.sort()`) leaves `None`.',
    'Naming your own file `numpy.py` shadows the real module.',
    'Array attributes such as `.shape` are not called: `a.shape`, not `a.shape()`.',
  ],
  variations: [
    'Use tab completion after the dot to see what exists.',
    '`hasattr(obj, "name")` tests for an attribute.',
  ],
};
