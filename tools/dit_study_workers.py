"""Train and measure the runs of notebook 14's study (VAR against a small DiT) in several processes, then let the
notebook's slow cell put them together (it reuses every trained and measured run, and times the samplers itself).

    python tools/dit_study_workers.py                 # 2 processes at 1 thread each: 6 trainings, then 6 evaluations
    python tools/dit_study_workers.py --tiny /tmp/t   # the notebook's CI-size study, to check the tool in a minute
    python tools/run_notebook.py --slow=9148631a,87adff1c --update-data nbs/14_var_vs_diffusion.ipynb

Each process takes the next task nobody has claimed (a claim is a folder made atomically under runs/dit_study/claims);
an evaluation waits for its run's training. The study's own functions come from the notebook's cells, so what runs
here is what the notebook runs. runs/dit_study/workers.json records the layout and the wall clock, which the slow cell
writes into the results file's provenance: a later call (after a run's eval.json was deleted to measure it again with
new settings) adds its wall clock to the earlier calls', whose trained runs it reuses.
"""
import json, multiprocessing as mp, shutil, sys, time, types
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
NB = ROOT / 'nbs' / '14_var_vs_diffusion.ipynb'
STUDY_CELLS = ('abf0ba39', '2a494530', '11da0139', '49651626', 'bf1623a9')   # the study's tools (not exported)
RUNS = ROOT / 'runs' / 'dit_study'                                              # the slow cell's Path('../runs/dit_study')
SEEDS = (0, 1, 2)

def study_namespace() -> dict:
    "The notebook's library names and its study cells, executed as the notebook executes them."
    mod = sys.modules['dit_study'] = types.ModuleType('dit_study')   # a module, as dataclasses want for the cells' classes
    exec('from var_nb.diffusion import *', mod.__dict__)
    cells = {c.get('id'): c.source for c in nbformat.read(NB, as_version=4).cells}
    for cid in STUDY_CELLS: exec(cells[cid], mod.__dict__)
    return mod.__dict__

def tasks():
    "(name, kind, arm, seed): the trainings first, the costliest first, then the evaluations."
    return ([(f'train_dit_s{s}', 'train', 'dit', s) for s in SEEDS] + [(f'train_var_s{s}', 'train', 'var', s) for s in SEEDS] +
            [(f'eval_dit_s{s}', 'eval', 'dit', s) for s in SEEDS] + [(f'eval_var_s{s}', 'eval', 'var', s) for s in SEEDS])

def worker(rank:int, threads:int, size:str):
    import torch
    torch.set_num_threads(threads)
    ns = study_namespace()
    from var_nb.core import data_path
    from var_nb.train import get_preset
    from var_nb.tokens import load_tokenizer
    tok = data_path('mnist_tokenizer.safetensors'); vae = load_tokenizer(tok)
    study, command = ns['DIT_STUDIES'][size], 'notebook 14, its slow cell'            # as the slow cell names its runs
    if size == 'mnist': var_config, dit_config = get_preset('mnist', steps=840), ns['get_dit_preset']('mnist-dit')
    else:                                                                               # --tiny: the notebook's CI-size study, to check this tool
        c = ns['load_model'](data_path('mnist_var.safetensors')).config
        var_config = get_preset('tiny', var_overrides=dict(patch_nums=c.patch_nums, vocab_size=c.vocab_size, Cvae=c.Cvae))
        dit_config = ns['get_dit_preset']('tiny-dit')
    for name, kind, arm, seed in tasks():
        try: (RUNS / 'claims' / name).mkdir(parents=True)
        except FileExistsError: continue                                                # another process has it
        folder, t0 = RUNS / f'{arm}_s{seed}', time.time()
        if kind == 'train':
            train = ns['train_var_run'] if arm == 'var' else ns['train_dit_run']
            train(ns['replace'](var_config if arm == 'var' else dit_config, seed=seed), folder, tok, command=command)
        else:
            while not (folder / 'model.safetensors').exists(): time.sleep(10)           # its training, in another process
            if arm == 'var': ns['evaluate_var_run'](study, folder, vae)
            else: ns['evaluate_dit_run'](study, folder, vae, SEEDS.index(seed) < study.full_nfe_seeds)
        print(f'[{rank}] {name}: {time.time() - t0:.0f} s', flush=True)

if __name__ == '__main__':
    size = 'tiny' if '--tiny' in sys.argv else 'mnist'
    if size == 'tiny': RUNS = Path(sys.argv[sys.argv.index('--tiny') + 1])          # --tiny FOLDER
    processes = int(next((a for a in sys.argv[1:] if a.isdecimal()), 2))
    t0 = time.time(); RUNS.mkdir(parents=True, exist_ok=True)
    shutil.rmtree(RUNS / 'claims', ignore_errors=True)                                 # claims of an earlier, stopped call: its runs resume
    ps = [mp.Process(target=worker, args=(r, 1, size)) for r in range(processes)]
    for p in ps: p.start()
    for p in ps: p.join()
    if any(p.exitcode for p in ps): sys.exit('a worker failed: see its traceback above; run again to go on (finished runs are kept)')
    was = json.loads((RUNS / 'workers.json').read_text()) if (RUNS / 'workers.json').exists() else {}
    calls = was.get('calls', [was['wall_seconds']] if 'wall_seconds' in was else []) + [round(time.time() - t0, 1)]   # an earlier call's work is reused, so its time counts
    (RUNS / 'workers.json').write_text(json.dumps(dict(processes=processes, threads=1, wall_seconds=round(sum(calls), 1), calls=calls)))
    print(f'done in {time.time() - t0:.0f} s; now: python tools/run_notebook.py --slow=9148631a,87adff1c --update-data {NB.relative_to(ROOT)}')
