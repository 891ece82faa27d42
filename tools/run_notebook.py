"""Execute notebooks in place so their committed outputs come from the code as committed, skipping `#| slow` cells
(real training: their outputs, where present, stay as they were) unless asked to run them; then `nbdev_clean` strips
the run's metadata, so that only the outputs change in git.

    python tools/run_notebook.py nbs/08_sampling.ipynb [more notebooks...]
    python tools/run_notebook.py --slow nbs/10_evaluation.ipynb          # also run every slow cell (minutes to hours)
    python tools/run_notebook.py --slow=f6b296e0 nbs/10_evaluation.ipynb # run only the slow cells with these ids (comma-separated)
    python tools/run_notebook.py --slow=f6b296e0 --update-data nbs/10_evaluation.ipynb   # ... and let them rewrite data/

A slow cell writes into data/ only when the notebook's `UPDATE_DATA` is True; `--update-data` runs the notebook with it
True and leaves the committed notebook saying False (what a reader who re-runs it should get).
To test a notebook without writing it, run `nbdev_test --path nbs/08_sampling.ipynb` (what CI runs, for every notebook).
"""
import subprocess, sys
from pathlib import Path
import nbformat
from nbclient import NotebookClient

slow_arg = next((a for a in sys.argv[1:] if a.startswith('--slow')), None)
run_ids = set(slow_arg.split('=', 1)[1].split(',')) if slow_arg and '=' in slow_arg else None   # None: all or none
update_data = '--update-data' in sys.argv
paths = [a for a in sys.argv[1:] if not a.startswith('--slow') and a != '--update-data']
FLAG = 'UPDATE_DATA = False'
for path in paths:
    nb = nbformat.read(path, as_version=4)
    is_slow = lambda c: c.cell_type == 'code' and c.source.lstrip().startswith('#| slow')
    if slow_arg is None: skipped = [c for c in nb.cells if is_slow(c)]
    elif run_ids is None: skipped = []
    else: skipped = [c for c in nb.cells if is_slow(c) and c.get('id') not in run_ids]
    for c in skipped: c.metadata.setdefault('tags', []).append('skip-execution')   # nbclient leaves these cells alone
    flagged = [c for c in nb.cells if c.cell_type == 'code' and FLAG in c.source] if update_data else []
    for c in flagged: c.source = c.source.replace(FLAG, 'UPDATE_DATA = True')
    NotebookClient(nb, timeout=None if slow_arg else 1200, kernel_name='python3',
                   resources={'metadata': {'path': str(Path(path).parent)}}).execute()
    for c in flagged: c.source = c.source.replace('UPDATE_DATA = True', FLAG)
    for c in skipped:
        c.metadata['tags'].remove('skip-execution')
        if not c.metadata['tags']: del c.metadata['tags']
    nbformat.write(nb, path)
    ran = sum(is_slow(c) for c in nb.cells) - len(skipped)
    print(f'executed {path}; ran {ran} slow cell(s), skipped {len(skipped)}')
for path in paths:   # the execution metadata (timings, kernel info) would otherwise land in git
    subprocess.run(['nbdev_clean', '--fname', path], check=True)
