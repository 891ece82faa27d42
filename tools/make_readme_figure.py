"""Draw README's picture: digits generated coarse to fine by the committed MNIST models (nbs/images/coarse_to_fine.png).

    python tools/make_readme_figure.py
"""
from pathlib import Path
import torch
from PIL import Image
from var_nb.images import make_grid, to_pil
from var_nb.sampling import sample, decode
from var_nb.cli import load_for_sampling

ROOT = Path(__file__).resolve().parent.parent


def main(out=ROOT / 'nbs' / 'images' / 'coarse_to_fine.png', classes=(0, 2, 3, 5, 8), seed=3, zoom=3):
    torch.set_num_threads(1)  # bit-stable output
    var, vae, defaults = load_for_sampling()
    with torch.no_grad():
        _, fhats = sample(var, vae, list(classes), cfg=defaults.get('cfg', 3.0), top_k=defaults.get('top_k', 0),
                          top_p=defaults.get('top_p', 0.0), seed=seed, return_fhats=True)
        steps = [decode(vae, f) for f in fhats]                         # K x (B, 3, H, W), coarse to fine
    rows = torch.stack(steps, dim=1).flatten(0, 1)                      # image b, scale k -> row b, column k
    img = to_pil(make_grid(rows, ncols=len(steps), pad=2))
    img = img.resize((img.width * zoom, img.height * zoom), Image.NEAREST)
    out.parent.mkdir(parents=True, exist_ok=True); img.save(out)
    print(f'wrote {out} ({img.width}x{img.height}): classes {list(classes)}, {len(steps)} scales, seed {seed}')


if __name__ == '__main__':
    main()
