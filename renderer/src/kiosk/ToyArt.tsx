import type { ReactNode } from 'react';

/**
 * Products have no photos, so each tile shows a simple drawing for its
 * category on a background of the product's `imageHue`. All drawings use
 * a 100×100 view box and the colour `fg`.
 */
type Icon = (fg: string) => ReactNode;

const ICONS: Record<string, Icon> = {
  blocks: (fg) => (
    <g fill={fg}>
      <rect x="18" y="58" width="64" height="22" rx="3" />
      <rect x="30" y="34" width="40" height="22" rx="3" />
      <circle cx="38" cy="30" r="5" /><circle cx="62" cy="30" r="5" />
    </g>
  ),
  vehicle: (fg) => (
    <g fill={fg}>
      <path d="M14 62 L22 44 H60 L74 56 H86 V70 H14 Z" />
      <circle cx="32" cy="72" r="9" fill="#fff" stroke={fg} strokeWidth="5" />
      <circle cx="70" cy="72" r="9" fill="#fff" stroke={fg} strokeWidth="5" />
    </g>
  ),
  plush: (fg) => (
    <g fill={fg}>
      <circle cx="32" cy="30" r="10" /><circle cx="68" cy="30" r="10" />
      <circle cx="50" cy="50" r="26" />
      <circle cx="41" cy="46" r="3.5" fill="#fff" /><circle cx="59" cy="46" r="3.5" fill="#fff" />
      <ellipse cx="50" cy="60" rx="8" ry="6" fill="#fff" />
    </g>
  ),
  doll: (fg) => (
    <g fill={fg}>
      <circle cx="50" cy="28" r="13" />
      <path d="M50 42 L74 84 H26 Z" />
    </g>
  ),
  puzzle: (fg) => (
    <g fill={fg}>
      <rect x="20" y="20" width="28" height="28" rx="3" /><rect x="52" y="52" width="28" height="28" rx="3" />
      <rect x="52" y="20" width="28" height="28" rx="3" opacity="0.6" /><rect x="20" y="52" width="28" height="28" rx="3" opacity="0.6" />
      <circle cx="50" cy="34" r="6" /><circle cx="34" cy="50" r="6" />
    </g>
  ),
  game: (fg) => (
    <g>
      <rect x="22" y="22" width="56" height="56" rx="10" fill={fg} />
      <circle cx="36" cy="36" r="5" fill="#fff" /><circle cx="50" cy="50" r="5" fill="#fff" /><circle cx="64" cy="64" r="5" fill="#fff" />
    </g>
  ),
  science: (fg) => (
    <g fill={fg}>
      <rect x="42" y="14" width="16" height="8" rx="2" />
      <path d="M44 22 H56 V44 L76 80 Q78 86 72 86 H28 Q22 86 24 80 L44 44 Z" />
    </g>
  ),
  outdoor: (fg) => (
    <g>
      <circle cx="50" cy="50" r="32" fill={fg} />
      <path d="M18 50 H82 M50 18 Q66 50 50 82 M50 18 Q34 50 50 82" stroke="#fff" strokeWidth="4" fill="none" />
    </g>
  ),
  arts: (fg) => (
    <g fill={fg}>
      <path d="M50 16 C72 16 86 30 86 48 C86 60 76 62 68 60 C60 58 56 64 58 72 C60 82 54 86 48 86 C28 86 14 70 14 50 C14 30 30 16 50 16 Z" />
      <circle cx="34" cy="40" r="6" fill="#fff" /><circle cx="52" cy="30" r="6" fill="#fff" /><circle cx="70" cy="42" r="6" fill="#fff" />
    </g>
  ),
  baby: (fg) => (
    <g fill={fg}>
      <circle cx="50" cy="34" r="20" />
      <rect x="45" y="52" width="10" height="26" rx="4" />
      <circle cx="50" cy="82" r="7" />
    </g>
  ),
  music: (fg) => (
    <g fill={fg}>
      <rect x="56" y="18" width="7" height="50" />
      <path d="M56 18 L80 26 V36 L56 28 Z" />
      <ellipse cx="48" cy="70" rx="14" ry="10" />
    </g>
  ),
  figure: (fg) => (
    <g fill={fg}>
      <circle cx="50" cy="22" r="10" />
      <path d="M34 36 H66 L72 60 H62 L60 86 H40 L38 60 H28 Z" />
    </g>
  ),
  surprise: (fg) => (
    <g>
      <rect x="18" y="36" width="64" height="46" rx="4" fill={fg} />
      <rect x="14" y="26" width="72" height="14" rx="3" fill={fg} />
      <path d="M42 52 Q42 44 50 44 Q58 44 58 51 Q58 56 50 59 V64" stroke="#fff" strokeWidth="5" fill="none" strokeLinecap="round" />
      <circle cx="50" cy="72" r="3" fill="#fff" />
    </g>
  ),
  generic: (fg) => (
    <path fill={fg} d="M50 14 L60 38 L86 40 L66 57 L72 84 L50 70 L28 84 L34 57 L14 40 L40 38 Z" />
  ),
};

/** Words in a category id that select a drawing; the first match wins. */
const CATEGORY_KEYWORDS: ReadonlyArray<[string, string[]]> = [
  ['blocks', ['block', 'brick', 'build', 'construct', 'lego']],
  ['vehicle', ['vehicle', 'car', 'train', 'truck', 'rc', 'remote']],
  ['plush', ['plush', 'stuffed', 'soft', 'teddy']],
  ['doll', ['doll', 'pretend', 'role']],
  ['puzzle', ['puzzle', 'jigsaw']],
  ['game', ['game', 'board', 'card']],
  ['science', ['science', 'stem', 'educat', 'learn', 'robot']],
  ['outdoor', ['outdoor', 'sport', 'ball', 'ride']],
  ['arts', ['art', 'craft', 'draw', 'paint']],
  ['baby', ['baby', 'infant', 'toddler', 'preschool']],
  ['music', ['music', 'instrument']],
  ['figure', ['figure', 'action', 'hero', 'anime']],
  ['surprise', ['blind', 'blindbox', 'mystery', 'surprise']],
];

/** Picks the drawing for a category id, e.g. `building_blocks` → blocks; an unknown id gets a star. */
export function iconForCategory(category: string): string {
  const words = category.toLowerCase().split(/[^a-z]+/).filter((word) => word.length > 0);
  for (const [icon, keywords] of CATEGORY_KEYWORDS) {
    if (words.some((word) => keywords.some((keyword) => word === keyword || (keyword.length > 3 && word.startsWith(keyword))))) {
      return icon;
    }
  }
  return 'generic';
}

/** Normalises any number to a hue in [0, 360). */
export function normaliseHue(hue: number): number {
  if (!Number.isFinite(hue)) return 0;
  return ((Math.round(hue) % 360) + 360) % 360;
}

/** Draws the square picture of a toy tile: the category's drawing on the product's hue. */
export function ToyArt({ category, hue, size = 120 }: { category: string; hue: number; size?: number }) {
  const h = normaliseHue(hue);
  const icon = ICONS[iconForCategory(category)] ?? ICONS.generic!;
  return (
    <svg className="toy-art" width={size} height={size} viewBox="0 0 100 100" aria-hidden="true" data-icon={iconForCategory(category)}>
      <rect width="100" height="100" rx="16" fill={`hsl(${h} 75% 88%)`} />
      {icon(`hsl(${h} 60% 42%)`)}
    </svg>
  );
}
