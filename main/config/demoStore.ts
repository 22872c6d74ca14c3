import path from 'node:path';
import type { StoreConfig } from './schema.js';
import { storeConfigSchema } from './schema.js';

/** Returns where set-up saves the demo footage: OpenCV's sample pedestrian video, 768×576 at 10 fps. */
export function demoVideoPath(dataDir: string): string {
  return path.join(dataDir, 'samples', 'vtest.avi');
}

/**
 * Returns the demo store used when no config file exists: one camera looking down on a
 * campus walkway (vtest.avi), looping at real-time pace. The line and zones
 * were placed on a still frame of that video. People walk left and right along
 * the road, so a vertical line across the road counts them. It is drawn top
 * to bottom, so walking from right to left across it is `in` (see
 * ml/counting/lineZone.ts). The two zones cover the straight road on the left
 * and the junction on the right. Names are given in both dashboard languages.
 */
export function demoStoreConfig(dataDir: string): StoreConfig {
  return storeConfigSchema.parse({
    storeName: 'PlayAisle Demo Store',
    cameras: [
      {
        id: 'entrance',
        name: { 'zh-CN': '入口', en: 'Entrance' },
        url: demoVideoPath(dataDir),
        fps: 5,
        loop: true,
        realtime: true,
        lines: [{ id: 'door', name: { 'zh-CN': '入口', en: 'Entrance' }, points: [560, 150, 560, 430], entrance: true }],
        zones: [
          { id: 'walkway', name: { 'zh-CN': '步行道', en: 'Walkway' }, polygon: [[0, 185], [420, 185], [420, 300], [0, 245]] },
          { id: 'junction', name: { 'zh-CN': '路口', en: 'Junction' }, polygon: [[470, 120], [768, 80], [768, 500], [470, 420]] },
        ],
      },
    ],
  });
}
