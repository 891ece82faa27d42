"""Execute notebooks in place so their committed outputs come from the code as committed, skipping `#| slow` cells
(real training: their outputs, where present, stay as they were) unless `--slow` is given; then `nbdev_clean` strips
the run's metadata, so that only the outputs change in git.

    python tools/run_notebook.py nbs/08_sampling.ipynb [more notebooks...]
    python tools/run_notebook.py --slow nbs/10_evaluation.ipynb     # also run the slow cells (minutes to hours)

To test a notebook without writing it, run `nbdev_test --path nbs/08_sampling.ipynb` (what CI runs, for every notebook).
"""
import subprocess, sys
from pathlib import Path
import nbformat
from nbclient import NotebookClient

run_slow = '--slow' in sys.argv
paths = [a for a in sys.argv[1:] if a != '--slow']
for path in paths:
    nb = nbformat.read(path, as_version=4)
    slow = [] if run_slow else [c for c in nb.cells if c.cell_type == 'code' and c.source.lstrip().startswith('#| slow')]
    for c in slow: c.metadata.setdefault('tags', []).append('skip-execution')   # nbclient leaves these cells alone
    NotebookClient(nb, timeout=None if run_slow else 1200, kernel_name='python3',
                   resources={'metadata': {'path': str(Path(path).parent)}}).execute()
    for c in slow:
        c.metadata['tags'].remove('skip-execution')
        if not c.metadata['tags']: del c.metadata['tags']
    nbformat.write(nb, path)
    print(f'executed {path}; ' + ('slow cells included' if run_slow else f'skipped {len(slow)} slow cell(s)'))
for path in paths:   # the execution metadata (timings, kernel info) would otherwise land in git
    subprocess.run(['nbdev_clean', '--fname', path], check=True)
