"""Fail when a `#| slow` cell names something its notebook never defines.

CI runs every notebook but skips the slow cells (real training, minutes to hours), so a name that left a notebook's
imports (a function moved to another module) breaks a slow cell without any test noticing, until someone re-makes
its results file. This reads each notebook's code cells in order as one module (IPython magics and shell lines
dropped) with pyflakes and reports the undefined names that fall in slow cells.

    python tools/check_names.py              # every notebook in nbs/
    python tools/check_names.py nbs/10_evaluation.ipynb
"""
import io, sys
from pathlib import Path

import nbformat
from pyflakes.api import check
from pyflakes.reporter import Reporter

IPYTHON_NAMES = {'display', 'get_ipython'}   # what a notebook's kernel defines and pyflakes does not know

def slow_cell_misses(path) -> list[str]:
    "'notebook cell ID: undefined name X' for each undefined name in a slow cell of notebook `path`."
    lines, owner = [], []
    for c in nbformat.read(path, as_version=4).cells:
        if c.cell_type != 'code': continue
        body = ['' if l.lstrip().startswith(('%', '!')) else l for l in c.source.splitlines()] + ['']
        lines += body; owner += [(c.get('id'), c.source.lstrip().startswith('#| slow'))] * len(body)
    out, err = io.StringIO(), io.StringIO()
    check('\n'.join(lines), str(path), Reporter(out, err))
    if err.getvalue(): return [f'{path}: pyflakes could not read it: {err.getvalue().strip()}']
    misses = []
    for report in out.getvalue().splitlines():
        _, line, *_, message = report.split(':', 3)
        cell, slow = owner[int(line) - 1]
        name = message.strip().removeprefix('undefined name ').strip("'")
        if 'undefined name' in message and slow and name not in IPYTHON_NAMES:
            misses.append(f'{path} cell {cell}: {message.strip()}')
    return misses

if __name__ == '__main__':
    paths = sys.argv[1:] or sorted(str(p) for p in Path('nbs').glob('*.ipynb'))
    misses = [m for p in paths for m in slow_cell_misses(p)]
    print('\n'.join(misses) if misses else f'slow cells of {len(paths)} notebooks: every name they use is defined before them')
    sys.exit(1 if misses else 0)
