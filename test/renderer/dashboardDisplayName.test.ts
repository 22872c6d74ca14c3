import { describe, expect, it } from 'vitest';
import type { LocalizedNames } from '../../main/api/wire.js';
import { displayName } from '../../renderer/src/dashboard/displayName.js';

const both: LocalizedNames = { 'zh-CN': '入口', en: 'Entrance' };

describe('displayName', () => {
  it.each([
    // Chinese dashboard, both names given
    [{ name: 'Entrance', names: both }, 'zh-CN', '入口'],
    // English dashboard, both names given
    [{ name: 'Entrance', names: both }, 'en', 'Entrance'],
    // i18next may report a language without a region
    [{ name: 'Entrance', names: both }, 'zh', '入口'],
    [{ name: 'Entrance', names: both }, 'en-US', 'Entrance'],
    // a config with one name: that name in every language
    [{ name: 'Door' }, 'zh-CN', 'Door'],
    // no name at all: the id
    [{ name: '' }, 'zh-CN', 'cam-1'],
    // a malformed `names` from the network falls back to `name`
    [{ name: 'Door', names: { 'zh-CN': 5, en: null } as unknown as LocalizedNames }, 'zh-CN', 'Door'],
    [{ name: 'Door', names: 'entrance' as unknown as LocalizedNames }, 'en', 'Door'],
    // an empty localized name falls back too
    [{ name: 'Door', names: { 'zh-CN': '', en: 'Door' } }, 'zh-CN', 'Door'],
  ])('picks %j in %s', (item, language, expected) => {
    expect(displayName(item, language, 'cam-1')).toBe(expected);
  });
});
