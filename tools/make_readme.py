"""Write README.md from nbs/index.ipynb (nbdev's own nbdev_readme needs Quarto, which we do not use), with every measured
figure rendered from its results file in data/: a placeholder `{{file:key.path|format}}` in the notebook becomes the
figure of data/file.json (see notebook 00b, `records.render_figures`); a results file without provenance is refused.

    python tools/make_readme.py          # rewrite README.md
    python tools/make_readme.py --check  # exit 1 if README.md is out of step with nbs/index.ipynb and the files in data/ (CI)
"""
import json, re, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from var_nb.records import render_figures


def render() -> str:
    nb = json.loads((ROOT / 'nbs' / 'index.ipynb').read_text(encoding='utf-8'))
    parts = []
    for cell in nb['cells']:
        src = ''.join(cell['source']).strip()
        if cell['cell_type'] != 'markdown' or not src: continue
        # links and pictures are relative to nbs/ in the notebook, to the repository root in README.md
        src = re.sub(r'(\]\()(?!https?:|#|/)', r'\1nbs/', src)
        src = re.sub(r'(<img src=")(?!https?:|/)', r'\1nbs/', src)
        parts.append(src)
    text = '<!-- generated from nbs/index.ipynb by tools/make_readme.py: edit the notebook, not this file -->\n\n' + '\n\n'.join(parts) + '\n'
    return render_figures(text, ROOT / 'data')


if __name__ == '__main__':
    try: text = render()
    except ValueError as e: sys.exit(f'make_readme: {e}')
    readme = ROOT / 'README.md'
    if '--check' in sys.argv:
        if readme.read_text(encoding='utf-8') != text:
            sys.exit('README.md is out of step with nbs/index.ipynb or the results files in data/: run `python tools/make_readme.py` and commit both')
        print('README.md agrees with nbs/index.ipynb and the results files in data/')
    else:
        readme.write_text(text, encoding='utf-8')
        print(f'wrote {readme}')
