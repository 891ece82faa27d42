"""Build data/emoji: Noto Color Emoji rendered to small RGB images, classed by the nine Unicode emoji groups.

    apt-get install fonts-noto-color-emoji unicode-data   # the font and emoji-test.txt, once
    python tools/build_emoji.py                           # writes data/emoji/{train,validation}.parquet, names.json
    python tools/build_emoji.py --size 64 --out /tmp/emoji64

Takes every fully-qualified sequence of emoji-test.txt except the "Component" group and those with a skin-tone
modifier, renders it on white in the same square frame (the font's full 136×128 strike, centred), resizes it with
Lanczos, and drops any sequence the font does not draw as one emoji glyph. The files have the format of data/mnist5k:
columns `image` (PNG bytes) and `label` (ClassLabel of the group names). Same versions (font,
unicode-data, Pillow, datasets/pyarrow), same bytes.
"""
import argparse, io, json, sys
from collections import Counter
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont, features

ROOT = Path(__file__).resolve().parent.parent
FONT = '/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf'
EMOJI_TEST = '/usr/share/unicode/emoji/emoji-test.txt'
FONT_SIZE = 109                      # Noto Color Emoji is a CBDT bitmap font with a single strike, 109 ppem
SKIN_TONES = range(0x1F3FB, 0x1F400)  # U+1F3FB..U+1F3FF: the five Fitzpatrick modifiers
VAL_FRACTION = 0.1
REFERENCE = '\U0001F600'             # grinning face: one plain glyph, gives the frame and the advance of one emoji
# A regional-indicator pair that names no region (AA) and a tag sequence that names no subdivision: the font draws
# its "unknown flag" placeholder for both, which shaping alone cannot tell from a real flag.
UNKNOWN_FLAGS = ('\U0001F1E6\U0001F1E6', '\U0001F3F4\U000E0067\U000E0062\U000E0061\U000E0061\U000E007F')


def read_emoji_test(path) -> tuple[list[str], list[tuple[str, str, int]]]:
    "Group names in file order, and (codepoints, CLDR name, group index) of each kept sequence, in CLDR order."
    groups, rows, group = [], [], None
    for line in Path(path).read_text(encoding='utf-8').splitlines():
        if line.startswith('# group:'):
            group = line.split(':', 1)[1].strip()
            if group != 'Component': groups.append(group)  # skin tones and hair styles alone are not classes
            continue
        if line.startswith('#') or not line.strip(): continue
        codepoints, rest = (s.strip() for s in line.split(';', 1))
        status, comment = (s.strip() for s in rest.split('#', 1))
        if status != 'fully-qualified' or group == 'Component': continue
        if any(int(cp, 16) in SKIN_TONES for cp in codepoints.split()): continue
        name = comment.split(' ', 2)[2]  # comment is "<emoji> E<version> <name>"
        rows.append((codepoints, name, groups.index(group)))
    return groups, rows


def text_of(codepoints: str) -> str:
    "The string of a space-separated list of hex codepoints."
    return ''.join(chr(int(cp, 16)) for cp in codepoints.split())


class Renderer:
    "Draws emoji on white in one fixed square frame: the reference glyph's box, padded to a square and centred."
    def __init__(self, font_path):
        self.font = ImageFont.truetype(font_path, FONT_SIZE)
        left, top, right, bottom = self.font.getbbox(REFERENCE)
        self.side = max(right - left, bottom - top)
        self.origin = ((self.side - (right - left)) // 2 - left, (self.side - (bottom - top)) // 2 - top)
        self.advance = self.font.getlength(REFERENCE)
        self.placeholders = {self.draw(s).tobytes() for s in UNKNOWN_FLAGS}

    def draw(self, text: str) -> Image.Image:
        "The emoji at full resolution, RGB."
        # Drawn straight onto white: drawing onto a transparent canvas and compositing later darkens the edges.
        img = Image.new('RGB', (self.side, self.side), 'white')
        ImageDraw.Draw(img).text(self.origin, text, font=self.font, embedded_color=True)
        return img

    def why_not_one_glyph(self, text: str, img: Image.Image) -> str | None:
        "Why the font does not draw `text` as one emoji glyph, or None when it does."
        if abs(self.font.getlength(text) - self.advance) > 0.5: return 'several glyphs side by side'
        if img.getextrema() == ((255, 255),) * 3: return 'nothing drawn (missing glyph)'
        if img.tobytes() in self.placeholders: return 'unknown-flag placeholder'
        return None


def png_bytes(img: Image.Image) -> bytes:
    "PNG-encode an image, as data/mnist5k does."
    buf = io.BytesIO(); img.save(buf, format='PNG', optimize=True)
    return buf.getvalue()


def split(labels: np.ndarray, n_groups: int, seed: int = 0) -> dict[str, np.ndarray]:
    "Stratified train/validation row indices (~10% of each group, at least 1), each split shuffled once."
    rng = np.random.default_rng(seed)
    val_idx = []
    for group in range(n_groups):
        members = np.flatnonzero(labels == group)
        val_idx.append(rng.permutation(members)[:max(1, round(VAL_FRACTION * len(members)))])
    val_idx = np.concatenate(val_idx)
    train_idx = np.setdiff1d(np.arange(len(labels)), val_idx)
    # shuffled so that reading a file in order does not give all the smileys first
    return {'train': rng.permutation(train_idx), 'validation': rng.permutation(val_idx)}


def write_names(path, names: dict[str, list]):
    "Write {split: [[codepoints, name], ...]} as JSON, one row per line so that a diff shows which emoji moved."
    splits = []
    for split_name, rows in names.items():
        lines = ',\n'.join(f'    {json.dumps(list(row), ensure_ascii=False)}' for row in rows)
        splits.append(f'  {json.dumps(split_name)}: [\n{lines}\n  ]')
    Path(path).write_text('{\n' + ',\n'.join(splits) + '\n}\n', encoding='utf-8')


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--size', type=int, default=32, help='image side in pixels')
    parser.add_argument('--out', default=str(ROOT / 'data' / 'emoji'), help='folder for the parquet files and names.json')
    parser.add_argument('--font', default=FONT, help='NotoColorEmoji.ttf')
    parser.add_argument('--emoji-test', default=EMOJI_TEST, help="Unicode's emoji-test.txt")
    args = parser.parse_args()
    if not Path(args.font).is_file(): sys.exit(f'font {args.font} not found: apt-get install fonts-noto-color-emoji, or pass --font')
    if not Path(args.emoji_test).is_file(): sys.exit(f'{args.emoji_test} not found: apt-get install unicode-data, or pass --emoji-test')
    if not features.check('raqm'):
        sys.exit('this Pillow has no libraqm, needed to shape ZWJ sequences, flags and keycaps into one glyph: apt-get install libraqm0')
    if args.size < 1: sys.exit(f'--size {args.size} must be a positive number of pixels')
    import datasets  # imported late: slow, and not needed to report a missing font
    datasets.disable_progress_bars()

    group_names, rows = read_emoji_test(args.emoji_test)
    renderer = Renderer(args.font)
    images, kept, dropped = [], [], {}
    for codepoints, name, label in rows:
        text = text_of(codepoints)
        img = renderer.draw(text)
        why = renderer.why_not_one_glyph(text, img)
        if why: dropped.setdefault(why, []).append(f'{codepoints} ({name})'); continue
        # resized after compositing on white, so that no colour from transparent pixels bleeds into the edges
        images.append(png_bytes(img.resize((args.size, args.size), Image.Resampling.LANCZOS)))
        kept.append((codepoints, name, label))
    print(f'{len(rows)} sequences, {len(kept)} kept, {sum(map(len, dropped.values()))} dropped')
    for why, examples in dropped.items(): print(f'  dropped {len(examples)}: {why}, e.g. {", ".join(examples[:3])}')

    labels = np.array([label for *_, label in kept])
    columns = datasets.Features(image=datasets.Image(), label=datasets.ClassLabel(names=group_names))
    out = Path(args.out); out.mkdir(parents=True, exist_ok=True)
    names = {}
    for split_name, idx in split(labels, len(group_names)).items():
        ds = datasets.Dataset.from_dict({'image': [{'bytes': images[i], 'path': None} for i in idx],
                                         'label': labels[idx].tolist()}, features=columns)
        ds.to_parquet(str(out / f'{split_name}.parquet'))
        names[split_name] = [kept[i][:2] for i in idx]
        counts = Counter(labels[idx].tolist())
        print(f'{split_name}: {len(idx)} rows; ' + ', '.join(f'{g} {counts[i]}' for i, g in enumerate(group_names)))
    write_names(out / 'names.json', names)
    print(f'wrote {out}/train.parquet, validation.parquet, names.json')


if __name__ == '__main__':
    main()
