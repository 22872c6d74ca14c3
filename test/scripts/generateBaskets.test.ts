import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateBaskets } from '../../scripts/generateBaskets.js';
import { ASSETS_DIR, readDemoCatalog } from '../main/catalog/catalogFixture.js';

const demo = readDemoCatalog();
type Toy = Parameters<typeof generateBaskets>[0][number];
const toys = demo.toys.toys as unknown as Toy[];
const committed = JSON.parse(fs.readFileSync(path.join(ASSETS_DIR, 'catalog', 'baskets.json'), 'utf8')) as {
  seed: number;
  synthetic: boolean;
  baskets: ReturnType<typeof generateBaskets>;
};

describe('generateBaskets', () => {
  it('reproduces the committed baskets', () => {
    expect(committed.synthetic).toBe(true);
    expect(generateBaskets(toys, committed.seed)).toEqual(committed.baskets);
  });

  it('another seed gives other baskets', () => {
    expect(generateBaskets(toys, committed.seed + 1)).not.toEqual(committed.baskets);
  });

  it('popularity has a long tail', () => {
    const counts = new Map<string, number>();
    for (const basket of committed.baskets) for (const item of basket.items) counts.set(item, (counts.get(item) ?? 0) + 1);
    const sorted = [...counts.values()].sort((a, b) => b - a);
    const total = sorted.reduce((sum, count) => sum + count, 0);
    const top10Share = sorted.slice(0, 10).reduce((sum, count) => sum + count, 0) / total;
    // Uniform sales over 205 toys would give the top 10 about 5 %.
    expect(top10Share).toBeGreaterThan(0.25);
    expect(counts.size).toBeGreaterThan(150);
  });

  it('train sets come with track', () => {
    // veh-010 is the Thomas railway set and veh-011 its expansion track.
    const withSet = committed.baskets.filter((basket) => basket.items.includes('veh-010'));
    const withBoth = withSet.filter((basket) => basket.items.includes('veh-011'));
    expect(withSet.length).toBeGreaterThan(0);
    expect(withBoth.length / withSet.length).toBeGreaterThan(0.3);
  });

  it('members visit several times', () => {
    const visits = new Map<string, number>();
    for (const basket of committed.baskets) {
      if (basket.memberCode) visits.set(basket.memberCode, (visits.get(basket.memberCode) ?? 0) + 1);
    }
    expect(visits.size).toBeGreaterThan(100);
    expect(Math.min(...visits.values())).toBeGreaterThanOrEqual(2);
  });

  it('baskets are age coherent', () => {
    const ages = new Map(toys.map((toy) => [toy.id, toy]));
    for (const basket of committed.baskets) {
      // Accessories are used by the adult, so their age range is not the child's.
      const basketToys = basket.items.map((id) => ages.get(id)!).filter((toy) => toy.accessory !== true);
      if (basketToys.length === 0) continue;
      const low = Math.max(...basketToys.map((toy) => toy.ageMinYears));
      const high = Math.min(...basketToys.map((toy) => toy.ageMaxYears));
      expect(low, basket.id).toBeLessThanOrEqual(high);
    }
  });

  it('batteries follow a young child’s remote-control car', () => {
    // veh-001 is a remote-control car for ages 3-8, the batteries are for 14+.
    const withCar = committed.baskets.filter((basket) => basket.items.includes('veh-001'));
    const withBatteries = withCar.filter((basket) => basket.items.some((id) => id === 'veh-004' || id === 'veh-005'));
    expect(withCar.length).toBeGreaterThan(0);
    expect(withBatteries.length / withCar.length).toBeGreaterThan(0.2);
  });
});
