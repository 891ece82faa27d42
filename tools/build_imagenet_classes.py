"""Build data/imagenet_classes.txt: the 1,000 ImageNet-1k class names, one per line, in class-index order.

    python tools/build_imagenet_classes.py                       # pip-downloads torchvision 0.29.1 into a temp folder
    python tools/build_imagenet_classes.py /tmp/tv/torchvision-0.29.1-*.whl
    python tools/build_imagenet_classes.py --version 0.20.0 --out /tmp/imagenet_classes.txt

The names are torchvision's `_IMAGENET_CATEGORIES` (torchvision/models/_meta.py, BSD-3-Clause), read from the wheel
as a zip and parsed with `ast`: torchvision is never imported (it need not match the installed torch). Line i is the
name of class index i (0 = "tench", 207 = "golden retriever", 999 = "toilet tissue"). Prints the duplicate names and
the names with non-ASCII characters.
"""
import argparse, ast, subprocess, sys, tempfile, zipfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
META = 'torchvision/models/_meta.py'
LIST_NAME = '_IMAGENET_CATEGORIES'
CHECKS = {0: 'tench', 1: 'goldfish', 207: 'golden retriever', 999: 'toilet tissue'}  # well-known anchors of the order


def download_wheel(version: str, dest: Path) -> Path:
    "Download the torchvision wheel (no dependencies) into `dest` with pip and return its path."
    # --only-binary: the source distribution has no ready _meta.py listing to read from a zip
    subprocess.run([sys.executable, '-m', 'pip', 'download', f'torchvision=={version}', '--no-deps',
                    '--only-binary', ':all:', '-d', str(dest), '-q'], check=True)
    wheels = sorted(dest.glob('torchvision-*.whl'))
    if not wheels: sys.exit(f'pip downloaded no torchvision wheel into {dest}')
    return wheels[0]


def read_categories(wheel: Path) -> list[str]:
    "The `_IMAGENET_CATEGORIES` list of torchvision/models/_meta.py inside `wheel`, parsed without importing it."
    with zipfile.ZipFile(wheel) as z: source = z.read(META).decode('utf-8')
    for node in ast.parse(source).body:
        # the list is a plain module-level assignment; literal_eval refuses anything that is not a literal
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == LIST_NAME for t in node.targets):
            return ast.literal_eval(node.value)
    sys.exit(f'{LIST_NAME} not found in {META} of {wheel}')


def check(names: list[str]) -> tuple[dict[str, list[int]], dict[str, list[int]], list[tuple[int, str]]]:
    "Check length and anchors; return exact and case-insensitive duplicates (name: indices) and non-ASCII names."
    # sys.exit rather than assert: the checks must also run under python -O
    if len(names) != 1000: sys.exit(f'expected 1000 names, got {len(names)}')
    for i, name in CHECKS.items():
        if names[i] != name: sys.exit(f'class {i} is {names[i]!r}, expected {name!r}')
    # one name per line: a newline inside a name would shift every later index
    if not all(n and n == n.strip() and '\n' not in n for n in names): sys.exit('empty, padded or multi-line name')
    where, where_ci = defaultdict(list), defaultdict(list)
    for i, name in enumerate(names): where[name].append(i); where_ci[name.casefold()].append(i)
    dups = {name: idx for name, idx in where.items() if len(idx) > 1}
    # torchvision already renamed the exact WordNet clashes (134 "crane bird", 639 "maillot tank suit"), but a
    # case-insensitive lookup (e.g. "cardigan") still finds two classes
    dups_ci = {name: idx for name, idx in where_ci.items() if len(idx) > 1 and names[idx[0]] not in dups}
    return dups, dups_ci, [(i, n) for i, n in enumerate(names) if not n.isascii()]


def main():
    "Parse arguments, read the names from the wheel, check them and write the file."
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('wheel', nargs='?', type=Path, help='a torchvision wheel; downloaded with pip when left out')
    p.add_argument('--version', default='0.29.1', help='torchvision version to download (default %(default)s)')
    p.add_argument('--out', type=Path, default=ROOT / 'data' / 'imagenet_classes.txt')
    a = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        wheel = a.wheel or download_wheel(a.version, Path(tmp))
        names = read_categories(wheel)
        print(f'read {len(names)} names from {wheel.name}')
    dups, dups_ci, non_ascii = check(names)
    a.out.parent.mkdir(parents=True, exist_ok=True)
    a.out.write_text(''.join(n + '\n' for n in names), encoding='utf-8', newline='\n')  # same bytes on Windows
    print(f'wrote {a.out}')
    print('duplicate names:', '; '.join(f'{n!r} at {idx}' for n, idx in dups.items()) or 'none')
    print('names equal but for case:', '; '.join(', '.join(f'{names[i]!r} at {i}' for i in idx)
                                                for idx in dups_ci.values()) or 'none')
    print('non-ASCII names:', '; '.join(f'{i}: {n!r}' for i, n in non_ascii) or 'none')


if __name__ == '__main__': main()
