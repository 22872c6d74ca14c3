// Every error code the API, the storage layer or the cameras can emit must
// have text in both locale files, or the screens fall back to the English
// message. The codes are collected from the source, so a new code without
// a translation fails here.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RESOURCES } from '../../renderer/src/i18n/index.js';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** TypeScript sources under `folder` (relative to the repository), keyed by relative path. */
function readSources(folder: string): Map<string, string> {
  const root = path.join(REPO_ROOT, folder);
  const sources = new Map<string, string>();
  for (const entry of fs.readdirSync(root, { recursive: true, encoding: 'utf8' })) {
    if (entry.endsWith('.ts') || entry.endsWith('.tsx')) sources.set(path.join(folder, entry), fs.readFileSync(path.join(root, entry), 'utf8'));
  }
  return sources;
}

/** First capture group of every match of `pattern` in `text`. */
function captures(text: string, pattern: RegExp): string[] {
  return [...text.matchAll(pattern)].map((match) => match[1]!);
}

/** Returns the string members of `export type <name> = 'a' | 'b' …;`. */
function unionMembers(text: string, typeName: string): string[] {
  const body = new RegExp(`export type ${typeName} =([^;]+);`).exec(text)?.[1];
  if (body === undefined) throw new Error(`type ${typeName} not found; update this test if it moved`);
  return captures(body, /'([a-z][a-z0-9_]*)'/g);
}

function requireSource(sources: Map<string, string>, file: string): string {
  const text = sources.get(file);
  if (text === undefined) throw new Error(`${file} not found; update this test if it moved`);
  return text;
}

/** Values of `export const NAME = 'code';` string constants, so codes passed by name are found too. */
function codeConstants(main: Map<string, string>): Map<string, string> {
  const constants = new Map<string, string>();
  for (const text of main.values()) {
    for (const match of text.matchAll(/export const ([A-Z][A-Z0-9_]*) = '([a-z][a-z0-9_]*)';/g)) constants.set(match[1]!, match[2]!);
  }
  return constants;
}

/** Resolves a code written as a literal `'code'` or as a constant name. */
function resolveCode(token: string, constants: Map<string, string>): string {
  if (token.startsWith("'")) return token.slice(1, -1);
  const code = constants.get(token);
  if (code === undefined) throw new Error(`constant ${token} not found; update this test if it moved`);
  return code;
}

/** A literal code or a constant name as the capture group of a pattern. */
const CODE_TOKEN = "('[a-z][a-z0-9_]*'|[A-Z][A-Z0-9_]*)";

/** Codes shown through `errors.<code>`: API errors, the summary's store-level error and the kiosk's own request errors. */
function apiErrorCodes(main: Map<string, string>, renderer: Map<string, string>): Set<string> {
  const constants = codeConstants(main);
  const codes = new Set<string>();
  for (const text of main.values()) {
    for (const code of captures(text, /new ApiError\(\s*\d{3},\s*'([a-z][a-z0-9_]*)'/g)) codes.add(code);
    for (const code of captures(text, /sendError\(\s*\w+,\s*\d{3},\s*'([a-z][a-z0-9_]*)'/g)) codes.add(code);
    // The summary's store-level code set at start-up, e.g. `startupErrorCode: recovered ? DATABASE_RECOVERED : null`.
    for (const token of captures(text, new RegExp(`startupErrorCode: [^,\\n]*?${CODE_TOKEN}`, 'g'))) codes.add(resolveCode(token, constants));
  }
  for (const code of unionMembers(requireSource(main, 'main/storage/minuteWriter.ts'), 'StorageErrorCode')) codes.add(code);
  for (const code of captures(requireSource(renderer, 'renderer/src/shared/api.ts'), /new ApiRequestError\(\s*'([a-z][a-z0-9_]*)'/g)) codes.add(code);
  return codes;
}

/**
 * Codes shown through `notices.<code>`: every code passed to
 * `TrafficService.addNotice`, to a heatmap renderer's `notify`, or set as a
 * notice `code:` in main/app.ts.
 */
function noticeCodes(main: Map<string, string>): Set<string> {
  const constants = codeConstants(main);
  const codes = new Set<string>();
  for (const text of main.values()) {
    for (const token of captures(text, new RegExp(`(?:addNotice|notify)\\(\\s*${CODE_TOKEN}`, 'g'))) codes.add(resolveCode(token, constants));
  }
  for (const token of captures(requireSource(main, 'main/app.ts'), new RegExp(`\\bcode: ${CODE_TOKEN}`, 'g'))) {
    codes.add(resolveCode(token, constants));
  }
  return codes;
}

/** Codes shown through `cameraErrors.<code>`: everything that reaches `CameraStatus.errorCode`. */
function cameraErrorCodes(main: Map<string, string>): Set<string> {
  const constants = codeConstants(main);
  const codes = new Set(unionMembers(requireSource(main, 'main/cameras/errors.ts'), 'VideoErrorCode'));
  const supervisor = requireSource(main, 'main/cameras/cameraSupervisor.ts');
  for (const code of captures(supervisor, /readonly code = '([a-z][a-z0-9_]*)'/g)) codes.add(code);
  for (const code of captures(supervisor, /\{ code: '([a-z][a-z0-9_]*)'/g)) codes.add(code);
  for (const [file, text] of main) {
    if (file.startsWith('main/pipeline/')) for (const code of captures(text, /errorCode: '([a-z][a-z0-9_]*)'/g)) codes.add(code);
    const calls = new RegExp(`(?:scheduleRestart|failAllCameras|stopAllCameras)\\(\\s*${CODE_TOKEN}`, 'g');
    for (const token of captures(text, calls)) codes.add(resolveCode(token, constants));
  }
  return codes;
}

describe('error code translations', () => {
  const main = readSources('main');
  const renderer = readSources('renderer/src');
  const apiCodes = apiErrorCodes(main, renderer);
  const cameraCodes = cameraErrorCodes(main);
  const storeNoticeCodes = noticeCodes(main);

  it('collect known codes from the source', () => {
    // If one of these goes missing, a pattern above no longer matches the code it was written for.
    for (const code of ['not_found', 'invalid_parameter', 'too_many_requests', 'storage_read_only', 'database_recovered', 'network_error']) {
      expect(apiCodes.has(code), code).toBe(true);
    }
    for (const code of ['video_decode_failed', 'frame_handler_failed', 'camera_error', 'pipeline_crashed', 'detector_load_failed', 'demo_video_missing', 'analysis_off']) {
      expect(cameraCodes.has(code), code).toBe(true);
    }
    for (const code of ['catalog_rejected', 'recommendations_unavailable', 'heatmap_background_invalid', 'database_recovered']) {
      expect(storeNoticeCodes.has(code), code).toBe(true);
    }
  });

  for (const lang of ['zh-CN', 'en'] as const) {
    it(`API codes have ${lang} text`, () => {
      const errors = RESOURCES[lang].errors as Record<string, string>;
      expect([...apiCodes].filter((code) => !errors[code]).sort()).toEqual([]);
    });

    it(`notice codes have ${lang} text`, () => {
      const notices = RESOURCES[lang].notices as Record<string, string>;
      expect([...storeNoticeCodes].filter((code) => !notices[code]).sort()).toEqual([]);
    });

    it(`camera codes have ${lang} text`, () => {
      const cameraErrors = RESOURCES[lang].cameraErrors as Record<string, string>;
      expect([...cameraCodes].filter((code) => !cameraErrors[code]).sort()).toEqual([]);
    });
  }
});
