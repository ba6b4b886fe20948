import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { bundlePaths } from '../../../src-main/desktop/bundle-paths';
import { isDemoRequested } from '../../../src-main/desktop/launch-options';

describe('isDemoRequested', () => {
  it('is on with SWITCHBOARD_DEMO=1 or --demo, and off otherwise', () => {
    expect(isDemoRequested(['electron', '.'], { SWITCHBOARD_DEMO: '1' })).toBe(true);
    expect(isDemoRequested(['electron', '.', '--demo'], {})).toBe(true);
    expect(isDemoRequested(['electron', '.'], {})).toBe(false);
    expect(isDemoRequested(['electron', '.'], { SWITCHBOARD_DEMO: '0' })).toBe(false);
    expect(isDemoRequested(['electron', '.', '--demo-data'], {})).toBe(false);
  });
});

describe('bundlePaths', () => {
  it('finds the preload beside main and the renderer in dist/renderer', () => {
    const dist = path.resolve('/opt/Switchboard/resources/app.asar/dist');
    const paths = bundlePaths(path.join(dist, 'desktop'));
    expect(paths.preload).toBe(path.join(dist, 'desktop', 'preload.cjs'));
    expect(paths.rendererIndex).toBe(path.join(dist, 'renderer', 'index.html'));
    expect(paths.rendererUrl).toMatch(/^file:\/\/\/.*\/dist\/renderer\/index\.html$/);
  });
});
