#!/usr/bin/env python3
# check-flatpak-manifest.py: the Flatpak manifest is complete and every source in it is pinned.
#
# Copyright 2026 The Beacon authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-flatpak-manifest.py MANIFEST SRCROOT   check one manifest (TAP)
#        check-flatpak-manifest.py --self-test        prove each check can fail (TAP)
#
# The runtime cannot be downloaded where the tests run, so this reads the manifest the way
# flatpak-builder would: module entries that are strings are JSON files next to the manifest.
# flatpak-builder --show-manifest runs too when it is installed; otherwise that case is
# reported as skipped, never as passed.

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

SHA256_RE = re.compile(r'^[0-9a-f]{64}$')
COMMIT_RE = re.compile(r'^[0-9a-f]{40}$')
BRANCH_RE = re.compile(r'^[0-9]+(\.[0-9]+)?$')
REQUIRED_KEYS = ['id', 'runtime', 'runtime-version', 'sdk', 'command', 'finish-args', 'modules']
# A GNOME app that reaches its camera through the portal needs none of these.
FORBIDDEN_ARGS = ['--device=all', '--filesystem=host', '--filesystem=home', '--socket=x11',
                  '--talk-name=org.freedesktop.Flatpak']
APP_MODULE = 'beacon'


class Result:
    def __init__(self, name):
        self.name = name
        self.problems = []
        self.skip = None

    def fail(self, message):
        self.problems.append(message)


def load_json(path):
    with open(path, encoding='utf-8') as f:
        return json.load(f)


def flatten_modules(modules, base_dir, where, problems):
    """Every module, nested and included ones too, as (module, where, base_dir)."""
    out = []
    for i, module in enumerate(modules):
        here = '%s[%d]' % (where, i)
        module_dir = base_dir
        if isinstance(module, str):
            path = os.path.join(base_dir, module)
            try:
                module = load_json(path)
            except (OSError, ValueError) as e:
                problems.append('%s: cannot load module file %s: %s' % (here, module, e))
                continue
            here = module.get('name', here) + ' (' + os.path.relpath(path, base_dir) + ')'
            module_dir = os.path.dirname(path)
        if not isinstance(module, dict):
            problems.append('%s: a module must be an object or a file name' % here)
            continue
        out.extend(flatten_modules(module.get('modules', []), module_dir, here, problems))
        out.append((module, here, module_dir))
    return out


def check_source(source, where, module_dir, srcroot, is_app, r):
    kind = source.get('type')
    if kind in ('archive', 'file'):
        if 'url' in source:
            sha = source.get('sha256', '')
            if not SHA256_RE.match(sha):
                r.fail('%s: %s %s has no valid sha256 (64 lowercase hex digits), got %r'
                       % (where, kind, source['url'], sha))
        elif not os.path.exists(os.path.join(module_dir, source.get('path', ''))):
            r.fail('%s: local %s %r does not exist' % (where, kind, source.get('path')))
    elif kind == 'git':
        if not COMMIT_RE.match(source.get('commit', '')) and not source.get('tag'):
            r.fail('%s: git source %s is pinned to neither a commit nor a tag'
                   % (where, source.get('url', source.get('path'))))
    elif kind == 'dir':
        target = os.path.realpath(os.path.join(module_dir, source.get('path', '')))
        if not is_app:
            r.fail('%s: only the app module may build from a directory, this one uses %r'
                   % (where, source.get('path')))
        elif target != os.path.realpath(srcroot):
            r.fail('%s: dir source %r is %s, not the source tree %s'
                   % (where, source.get('path'), target, os.path.realpath(srcroot)))
    elif kind == 'patch':
        if not os.path.exists(os.path.join(module_dir, source.get('path', ''))):
            r.fail('%s: patch %r does not exist' % (where, source.get('path')))
    elif kind in ('script', 'shell'):
        pass  # inline commands: nothing to download
    elif kind == 'extra-data':
        if not SHA256_RE.match(source.get('sha256', '')):
            r.fail('%s: extra-data %s has no valid sha256' % (where, source.get('url')))
    else:
        r.fail('%s: source type %r cannot be checked for a pin' % (where, kind))


def check_manifest(manifest_path, srcroot):
    results = []
    manifest_dir = os.path.dirname(os.path.abspath(manifest_path))

    r = Result('manifest parses as JSON')
    results.append(r)
    try:
        m = load_json(manifest_path)
        if not isinstance(m, dict):
            r.fail('the top level is a %s, not an object' % type(m).__name__)
    except (OSError, ValueError) as e:
        r.fail(str(e))
    if r.problems:
        return results

    r = Result('required keys are present')
    results.append(r)
    if 'app-id' in m and 'id' not in m:
        m['id'] = m['app-id']
    for key in REQUIRED_KEYS:
        if key not in m:
            r.fail('missing key %r' % key)
    if r.problems:
        return results

    r = Result('GNOME runtime and SDK pinned to a numbered stable branch')
    results.append(r)
    if m['runtime'] != 'org.gnome.Platform':
        r.fail('runtime is %r, expected org.gnome.Platform' % m['runtime'])
    if m['sdk'] != 'org.gnome.Sdk':
        r.fail('sdk is %r, expected org.gnome.Sdk' % m['sdk'])
    if not BRANCH_RE.match(str(m['runtime-version'])):
        r.fail('runtime-version %r is not a numbered branch such as "50"' % m['runtime-version'])

    r = Result('finish-args are minimal and each is justified in README.md')
    results.append(r)
    readme_path = os.path.join(manifest_dir, 'README.md')
    try:
        with open(readme_path, encoding='utf-8') as f:
            readme = f.read()
    except OSError as e:
        readme = ''
        r.fail('cannot read %s: %s' % (readme_path, e))
    for arg in m['finish-args']:
        if arg in FORBIDDEN_ARGS:
            r.fail('finish-args has %s (the camera comes through the Camera portal and PipeWire)'
                   % arg if arg == '--device=all' else 'finish-args has %s' % arg)
        if readme and '`' + arg + '`' not in readme:
            r.fail('finish-arg %s is not explained in README.md (expected `%s` there)' % (arg, arg))

    r = Result('command is the app binary')
    results.append(r)
    if m['command'] != APP_MODULE:
        r.fail('command is %r, expected %r' % (m['command'], APP_MODULE))

    r = Result('every module loads and every source is pinned')
    results.append(r)
    modules = flatten_modules(m['modules'], manifest_dir, 'modules', r.problems)
    top = m['modules'][-1] if m['modules'] else None
    for module, where, module_dir in modules:
        sources = module.get('sources')
        if not sources:
            r.fail('%s: module %r has no sources' % (where, module.get('name')))
            continue
        for j, source in enumerate(sources):
            if isinstance(source, str):
                r.fail('%s.sources[%d]: sources in separate files are not used here' % (where, j))
                continue
            check_source(source, '%s.sources[%d]' % (where, j), module_dir, srcroot,
                         module is top, r)

    r = Result('the app module is built with meson from the tree, tests on, release build')
    results.append(r)
    if not isinstance(top, dict) or top.get('name') != APP_MODULE:
        r.fail('the last module must be the app module %r' % APP_MODULE)
    else:
        if top.get('buildsystem') != 'meson':
            r.fail('buildsystem is %r, expected meson' % top.get('buildsystem'))
        if top.get('run-tests') is not True:
            r.fail('run-tests is not true')
        if [s.get('type') for s in top.get('sources', [])] != ['dir']:
            r.fail('the app module must have exactly one source, the dir of the tree')
        opts = top.get('config-opts', [])
        if not any(o in ('--buildtype=release', '-Dbuildtype=release') for o in opts):
            r.fail('config-opts %r lack --buildtype=release' % opts)
        if any(o.startswith('-Ddevelopment=true') for o in opts):
            r.fail('config-opts make a development build')

    r = Result('flatpak-builder --show-manifest accepts it')
    results.append(r)
    builder = shutil.which('flatpak-builder')
    if builder is None:
        r.skip = 'flatpak-builder is not installed'
    else:
        try:
            p = subprocess.run([builder, '--show-manifest', manifest_path],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               timeout=60, text=True)
            if p.returncode != 0:
                r.fail('flatpak-builder --show-manifest exited %d:\n%s' % (p.returncode, p.stdout))
        except subprocess.TimeoutExpired:
            r.fail('flatpak-builder --show-manifest did not finish within 60 s')
    return results


def print_tap(results, first=1):
    failed = 0
    for n, r in enumerate(results, first):
        if r.skip:
            print('ok %d - %s # SKIP %s' % (n, r.name, r.skip))
        elif r.problems:
            failed += 1
            print('not ok %d - %s' % (n, r.name))
            for p in r.problems:
                for line in p.splitlines():
                    print('#   ' + line)
        else:
            print('ok %d - %s' % (n, r.name))
    return failed


# ---- self-test: a good manifest passes, and each kind of mistake is caught by name

GOOD_README = '`--share=network` `--share=ipc` `--socket=wayland` `--socket=fallback-x11`\n'


def good_manifest():
    return {
        'id': 'io.github.beacon_wcs.Beacon',
        'runtime': 'org.gnome.Platform',
        'runtime-version': '50',
        'sdk': 'org.gnome.Sdk',
        'command': 'beacon',
        'finish-args': ['--share=network', '--share=ipc', '--socket=wayland',
                        '--socket=fallback-x11'],
        'modules': [
            'modules/lib.json',
            {'name': 'tool', 'sources': [{'type': 'git', 'url': 'https://example.org/t.git',
                                          'commit': 'a' * 40}]},
            {'name': 'beacon', 'buildsystem': 'meson', 'run-tests': True,
             'config-opts': ['--buildtype=release'],
             'sources': [{'type': 'dir', 'path': '..'}]},
        ],
    }


def good_lib():
    return {'name': 'lib', 'buildsystem': 'meson',
            'sources': [{'type': 'archive', 'url': 'https://example.org/lib-1.0.tar.xz',
                         'sha256': 'b' * 64}]}


def mutations():
    """(what must be caught, the failing check, a function that breaks a manifest tree)"""
    def m(f):
        return f

    def drop_command(t):
        del t['manifest']['command']

    def branch_master(t):
        t['manifest']['runtime-version'] = 'master'

    def device_all(t):
        t['manifest']['finish-args'].append('--device=all')
        t['readme'] += '`--device=all`\n'

    def unexplained(t):
        t['manifest']['finish-args'].append('--socket=pulseaudio')

    def no_sha(t):
        del t['lib']['sources'][0]['sha256']

    def short_sha(t):
        t['lib']['sources'][0]['sha256'] = 'abc123'

    def git_branch(t):
        t['manifest']['modules'][1]['sources'][0] = {'type': 'git', 'url': 'https://x/y.git',
                                                     'branch': 'main'}

    def dir_elsewhere(t):
        t['manifest']['modules'][2]['sources'][0]['path'] = '../..'

    def dir_in_dependency(t):
        t['manifest']['modules'][1]['sources'][0] = {'type': 'dir', 'path': '..'}

    def tests_off(t):
        t['manifest']['modules'][2]['run-tests'] = False

    def debug_build(t):
        t['manifest']['modules'][2]['config-opts'] = []

    def missing_module_file(t):
        t['manifest']['modules'][0] = 'modules/nowhere.json'

    def gtk_runtime(t):
        t['manifest']['runtime'] = 'org.freedesktop.Platform'

    return [
        ('a missing command', 'required keys are present', drop_command),
        ('runtime-version master', 'GNOME runtime and SDK pinned', branch_master),
        ('--device=all', 'finish-args are minimal', device_all),
        ('a finish-arg the README does not explain', 'finish-args are minimal', unexplained),
        ('an archive without sha256', 'every source is pinned', no_sha),
        ('an archive with a short sha256', 'every source is pinned', short_sha),
        ('a git source on a branch', 'every source is pinned', git_branch),
        ('the app dir source outside the tree', 'every source is pinned', dir_elsewhere),
        ('a dependency built from a dir', 'every source is pinned', dir_in_dependency),
        ('an included module file that is missing', 'every source is pinned',
         missing_module_file),
        ('run-tests off', 'the app module is built with meson', tests_off),
        ('no release buildtype', 'the app module is built with meson', debug_build),
        ('a non-GNOME runtime', 'GNOME runtime and SDK pinned', gtk_runtime),
    ]


def write_tree(root, tree):
    os.makedirs(os.path.join(root, 'flatpak', 'modules'), exist_ok=True)
    manifest = os.path.join(root, 'flatpak', 'app.json')
    with open(manifest, 'w', encoding='utf-8') as f:
        json.dump(tree['manifest'], f)
    with open(os.path.join(root, 'flatpak', 'modules', 'lib.json'), 'w', encoding='utf-8') as f:
        json.dump(tree['lib'], f)
    with open(os.path.join(root, 'flatpak', 'README.md'), 'w', encoding='utf-8') as f:
        f.write(tree['readme'])
    return manifest


def self_test():
    cases = mutations()
    print('1..%d' % (2 + len(cases)))
    failed = 0
    n = 0
    with tempfile.TemporaryDirectory(prefix='beacon-manifest-') as tmp:
        def fresh(name):
            root = os.path.join(tmp, name)
            return root, {'manifest': good_manifest(), 'lib': good_lib(), 'readme': GOOD_README}

        root, tree = fresh('good')
        results = check_manifest(write_tree(root, tree), root)
        bad = [r for r in results if r.problems]
        n += 1
        if bad:
            failed += 1
            print('not ok %d - a good manifest passes every check' % n)
            for r in bad:
                for p in r.problems:
                    print('#   %s: %s' % (r.name, p))
        else:
            print('ok %d - a good manifest passes every check' % n)

        root = os.path.join(tmp, 'broken-json')
        os.makedirs(root)
        path = os.path.join(root, 'app.json')
        with open(path, 'w') as f:
            f.write('{"id": "x",')
        results = check_manifest(path, root)
        n += 1
        if results[0].problems:
            print('ok %d - a manifest that is not JSON is rejected' % n)
        else:
            failed += 1
            print('not ok %d - a manifest that is not JSON is rejected' % n)

        for i, (what, check_name, mutate) in enumerate(cases):
            root, tree = fresh('case%d' % i)
            mutate(tree)
            results = check_manifest(write_tree(root, tree), root)
            caught = [r for r in results if r.problems and check_name in r.name]
            # flatpak-builder (where installed) rightly refuses some broken manifests too;
            # what matters is that no *other of our* checks misfires.
            others = [r for r in results if r.problems and check_name not in r.name and
                      'flatpak-builder' not in r.name]
            n += 1
            if caught and not others:
                print('ok %d - %s is caught by "%s"' % (n, what, check_name))
                print('#   ' + caught[0].problems[0].splitlines()[0])
            else:
                failed += 1
                print('not ok %d - %s is caught by "%s"' % (n, what, check_name))
                for r in results:
                    for p in r.problems:
                        print('#   reported by "%s": %s' % (r.name, p))
    return 1 if failed else 0


def main(argv):
    if argv[1:] == ['--self-test']:
        return self_test()
    if len(argv) != 3:
        print('usage: %s MANIFEST SRCROOT | --self-test' % argv[0], file=sys.stderr)
        return 2
    results = check_manifest(argv[1], argv[2])
    print('1..%d' % len(results))
    return 1 if print_tap(results) else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
