"""Execute notebooks in place so their committed outputs come from the code as committed, skipping `#| slow` cells
(real training: their outputs, where present, stay as they were). Then run `nbdev_clean`.

    python tools/run_notebook.py nbs/08_sampling.ipynb [more notebooks...]
"""
import sys
from pathlib import Path
import nbformat
from nbclient import NotebookClient

for path in sys.argv[1:]:
    nb = nbformat.read(path, as_version=4)
    slow = [c for c in nb.cells if c.cell_type == 'code' and c.source.lstrip().startswith('#| slow')]
    for c in slow: c.metadata.setdefault('tags', []).append('skip-execution')   # nbclient leaves these cells alone
    NotebookClient(nb, timeout=1200, kernel_name='python3', resources={'metadata': {'path': str(Path(path).parent)}}).execute()
    for c in slow:
        c.metadata['tags'].remove('skip-execution')
        if not c.metadata['tags']: del c.metadata['tags']
    nbformat.write(nb, path)
    print(f'executed {path}; skipped {len(slow)} slow cell(s)')
