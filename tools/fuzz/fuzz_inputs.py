#!/usr/bin/env python3
"""Mutation fuzzing of CityDrill's inputs: bad input must give an error (exit 1) naming file,
line and field, never a crash, a signal or a hang.

Each run takes a shipped input (a scenario, a bot, the district manifest, the ground-motion
record, a fire case, a crowd case, a flood DEM / inflow / rain series, a glTF model, a session
database), mutates a copy in a scratch workspace (lines deleted or repeated, numbers swapped for
-1, 0, 1e308, nan, inf or a string, lines cut short, stray section headers; bytes flipped or the
file truncated for the database) and runs the matching `citydrill` command on it. A run that
exits with anything but 0 or 1, or outlives its time limit, is reported and its input kept.

Usage: fuzz_inputs.py CITYDRILL REPO [--runs N] [--seed S] [--targets a,b,...] [--keep DIR]
Exit status 1 when any run crashed or hung.
"""
import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

NUMBERS = ['-1', '0', '1e308', 'nan', 'inf', '-inf', '"x"', '1e-300', '99999999999', '-0.0', '1e9', 'true', '[]', '{}']
STRINGS = ['""', '"nope"', '"outside"', '1', '"\u00e9\u4e2d"']
HEADERS = ['[[room]]', '[[opening]]', '[[connection]]', '[[fire]]', '[[probe]]', '[settings]', '[[area]]', '[[door]]', '[[step]]', 'x = ']


def mutate_text(text, rng):
    lines = text.split('\n')
    for _ in range(rng.randint(1, 3)):
        i = rng.randrange(len(lines))
        op = rng.random()
        if op < 0.15:
            del lines[i]
            if not lines:
                lines = ['']
        elif op < 0.25:
            lines.insert(i, lines[rng.randrange(len(lines))])
        elif op < 0.7:
            found = list(re.finditer(r'-?\d+(\.\d+)?(e-?\d+)?', lines[i]))
            if found:
                m = rng.choice(found)
                lines[i] = lines[i][:m.start()] + rng.choice(NUMBERS) + lines[i][m.end():]
        elif op < 0.8:
            found = list(re.finditer(r'"[^"]*"', lines[i]))
            if found:
                m = rng.choice(found)
                lines[i] = lines[i][:m.start()] + rng.choice(STRINGS) + lines[i][m.end():]
        elif op < 0.9:
            lines[i] = lines[i][:rng.randint(0, len(lines[i]))]
        else:
            lines[i] = rng.choice(HEADERS)
    return '\n'.join(lines)


def mutate_bytes(data, rng):
    b = bytearray(data)
    op = rng.random()
    if op < 0.5:
        for _ in range(rng.randint(1, 20)):
            b[rng.randrange(len(b))] = rng.randrange(256)
    elif op < 0.8:
        b = b[:rng.randrange(len(b))]
    else:
        i = rng.randrange(len(b))
        j = min(len(b), i + rng.randint(1, 4096))
        b[i:j] = bytes(j - i)
    return bytes(b)


class Workspace:
    """A scratch copy of scenes/, assets/ and the test inputs, so mutations never touch the repo."""

    def __init__(self, repo, citydrill):
        self.dir = tempfile.mkdtemp(prefix='citydrill-fuzz-')
        self.bin = citydrill
        for sub in ('scenes', 'assets'):
            shutil.copytree(os.path.join(repo, sub), os.path.join(self.dir, sub))
        shutil.copy(os.path.join(repo, 'tests/verification/crowd/cases/school_wing.toml'), os.path.join(self.dir, 'crowd.toml'))
        shutil.copy(os.path.join(repo, 'tools/fuzz/fire_case.toml'), os.path.join(self.dir, 'fire.toml'))
        shutil.copy(os.path.join(repo, 'tools/fuzz/triangle.gltf'), os.path.join(self.dir, 'model.gltf'))
        self._small_flood()
        self.session_db = None

    def _small_flood(self):
        rows = ['ncols 30', 'nrows 30', 'xllcorner 0.0', 'yllcorner 0.0', 'cellsize 2.0', 'NODATA_value -9999']
        rows += [' '.join('%.2f' % (10 + 0.01 * i + 0.02 * j) for i in range(30)) for j in range(30)]
        self.write('dem.asc', '\n'.join(rows) + '\n')
        self.write('inflow.csv', 'time_s,q_m3_s\n0,0\n60,5\n600,5\n')
        self.write('rain.csv', 'time_s,rain_mm_h\n0,50\n600,50\n')

    def path(self, name):
        return os.path.join(self.dir, name)

    def read(self, name, mode='r'):
        with open(self.path(name), mode) as f:
            return f.read()

    def write(self, name, data):
        with open(self.path(name), 'wb' if isinstance(data, bytes) else 'w') as f:
            f.write(data)

    def run(self, args, timeout):
        out = self.path('out')
        shutil.rmtree(out, ignore_errors=True)
        try:
            r = subprocess.run([self.bin] + [a.replace('{out}', out) for a in args], cwd=self.dir,
                               capture_output=True, timeout=timeout)
            return r.returncode, (r.stdout + r.stderr).decode('utf8', 'replace')
        except subprocess.TimeoutExpired:
            return 'timeout', ''


SCENES = ['school_fire_drill', 'earthquake_school', 'school_flood', 'earthquake_rescue', 'staff_room_pan_fire',
          'classroom_fire_attack']


def target_scenario(ws, rng):
    scene = 'scenes/%s.toml' % rng.choice(SCENES)
    return [scene], ['validate', scene], 30


def target_scenario_run(ws, rng):
    scene = 'scenes/%s.toml' % rng.choice(SCENES)
    return [scene], ['run', scene, '--headless', '--seconds', '3', '--out', '{out}'], 120


def target_bot(ws, rng):
    bots = sorted(os.listdir(ws.path('scenes/bots')))
    bot = 'scenes/bots/' + rng.choice(bots)
    scene = ('school_fire_drill' if ('smoke' in bot or 'walks_out' in bot) else
             'staff_room_pan_fire' if 'pan_fire' in bot else
             'classroom_fire_attack' if 'fire_attack' in bot else
             'school_flood' if 'flood' in bot else 'earthquake_rescue' if 'rescue' in bot else 'earthquake_school')
    return [bot], ['run', 'scenes/%s.toml' % scene, '--headless', '--seconds', '20', '--bot', bot, '--out', '{out}'], 120


def target_district(ws, rng):
    return (['assets/districts/school_campus/school_campus.json'], ['validate', 'scenes/earthquake_school.toml'], 30)


def target_ground_motion(ws, rng):
    return (['assets/ground_motion/synthetic_kt_m6.csv'],
            ['run', 'scenes/earthquake_school.toml', '--headless', '--seconds', '2', '--out', '{out}'], 120)


def target_fire(ws, rng):
    return ['fire.toml'], ['fire', 'fire.toml', '--until', '120', '--every', '30', '--csv', 'fire.csv'], 60


def target_crowd(ws, rng):
    return ['crowd.toml'], ['crowd', 'crowd.toml', '--until', '20', '--csv', 'crowd.csv'], 60


def target_flood(ws, rng):
    which = rng.choice(['dem.asc', 'inflow.csv', 'rain.csv'])
    return ([which], ['flood', '--dem', 'dem.asc', '--inflow', 'inflow.csv:10,10', '--rain', 'rain.csv', '--gauge', '20,20',
                      '--until', '30', '--every', '10', '--csv', 'flood.csv'], 60)


def target_model(ws, rng):
    return (['model.gltf'], ['render-probe', 'model.gltf', '--out', 'model.png', '--size', '64x64', '--eye', '0.5,0.5,3',
                             '--target', '0.5,0.5,0'], 60)


def target_session(ws, rng):
    if ws.session_db is None:
        rc, out = ws.run(['run', 'scenes/school_fire_drill.toml', '--headless', '--seconds', '30', '--out', '{out}'], 300)
        if rc != 0:
            sys.exit('fuzz_inputs: could not record a session to corrupt: ' + out[-400:])
        ws.session_db = ws.read('out/session.db', 'rb')
        ws.write('session.db', ws.session_db)
    return ['session.db'], ['review', 'session.db', '--scenario', 'scenes/school_fire_drill.toml'], 60


TARGETS = {
    'scenario': target_scenario, 'scenario-run': target_scenario_run, 'bot': target_bot, 'district': target_district,
    'ground-motion': target_ground_motion, 'fire': target_fire, 'crowd': target_crowd, 'flood': target_flood,
    'model': target_model, 'session': target_session,
}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('citydrill')
    ap.add_argument('repo')
    ap.add_argument('--runs', type=int, default=20, help='runs per target')
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--targets', default=','.join(TARGETS))
    ap.add_argument('--keep', default='fuzz-failures', help='where inputs that crashed or hung are kept')
    a = ap.parse_args()
    rng = random.Random(a.seed)
    ws = Workspace(a.repo, os.path.abspath(a.citydrill))
    failures = 0
    try:
        for name in a.targets.split(','):
            if name not in TARGETS:
                sys.exit('fuzz_inputs: unknown target %r (known: %s)' % (name, ', '.join(TARGETS)))
            counts = {}
            for n in range(a.runs):
                files, args, timeout = TARGETS[name](ws, rng)
                originals = {f: ws.read(f, 'rb') for f in files}
                for f in files:
                    data = originals[f]
                    ws.write(f, mutate_bytes(data, rng) if f.endswith('.db') else
                             mutate_text(data.decode('utf8', 'replace'), rng))
                rc, out = ws.run(args, timeout)
                counts[rc] = counts.get(rc, 0) + 1
                if rc not in (0, 1):
                    failures += 1
                    os.makedirs(a.keep, exist_ok=True)
                    for f in files:
                        shutil.copy(ws.path(f), os.path.join(a.keep, '%s-%d-%s' % (name, n, os.path.basename(f))))
                    print('%s run %d: exit %s (citydrill %s)\n%s' % (name, n, rc, ' '.join(args), out[-600:]), flush=True)
                for f, data in originals.items():
                    ws.write(f, data)
            print('%-13s %4d runs, exit codes %s' % (name, a.runs, dict(sorted(counts.items(), key=str))), flush=True)
    finally:
        shutil.rmtree(ws.dir, ignore_errors=True)
    print('fuzz_inputs: %d crashed or hung' % failures)
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
