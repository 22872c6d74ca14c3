import fs from 'node:fs';
import path from 'node:path';
import { demoStoreConfig } from './demoStore.js';
import { configErrorMap, describeIssue } from './issueMessages.js';
import { findJsonSyntaxError } from './jsonSyntax.js';
import { storeConfigSchema, type StoreConfig } from './schema.js';

/** A config that cannot be read or does not match the schema; `message` names the field and the fix. */
export class ConfigError extends Error {
  constructor(
    readonly code: 'config_not_found' | 'config_unreadable' | 'config_invalid_json' | 'config_invalid',
    message: string,
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}

export interface LoadedConfig {
  config: StoreConfig;
  /** The file it came from, or null for the built-in demo store. */
  path: string | null;
}

export interface LoadConfigOptions {
  /** Explicit `--config FILE`; it must exist. */
  configPath?: string | undefined;
  /** Data folder; its `config.json` is used when present, else the demo store. */
  dataDir: string;
}

/** Load the store config from `--config`, else `<dataDir>/config.json`, else the demo store. */
export function loadStoreConfig(options: LoadConfigOptions): LoadedConfig {
  if (options.configPath) {
    const file = path.resolve(options.configPath);
    if (!fs.existsSync(file)) {
      throw new ConfigError('config_not_found', `Config file not found: ${file}. Check the --config path.`);
    }
    return { config: readConfigFile(file), path: file };
  }
  const defaultFile = path.join(options.dataDir, 'config.json');
  if (fs.existsSync(defaultFile)) return { config: readConfigFile(defaultFile), path: defaultFile };
  return { config: demoStoreConfig(options.dataDir), path: null };
}

/** Read and validate one config file; relative camera and picture paths resolve against its folder. */
export function readConfigFile(file: string): StoreConfig {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError('config_unreadable', `Cannot read config file ${file}: ${(error as Error).message}`);
  }
  return resolveRelativePaths(parseStoreConfig(parseConfigJson(text, file), file), path.dirname(file));
}

/**
 * Parses the config text; a syntax error names the line and column and shows
 * that line. A UTF-8 byte order mark, which Windows Notepad may write, is skipped.
 */
export function parseConfigJson(text: string, file: string): unknown {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  try {
    return JSON.parse(body) as unknown;
  } catch (error) {
    const syntax = findJsonSyntaxError(body);
    if (!syntax) {
      throw new ConfigError('config_invalid_json', `Config file ${file} is not valid JSON (${(error as Error).message}). Fix the syntax and restart.`);
    }
    const caret = `${' '.repeat(syntax.column - 1)}^`;
    throw new ConfigError(
      'config_invalid_json',
      `Config file ${file} is not valid JSON: line ${syntax.line}, column ${syntax.column}: ${syntax.reason}.\n  ${syntax.lineText}\n  ${caret}\nFix the syntax and restart.`,
    );
  }
}

/** Validate a parsed JSON value; `source` names it in the error message. */
export function parseStoreConfig(json: unknown, source: string): StoreConfig {
  const result = storeConfigSchema.safeParse(json, { error: configErrorMap });
  if (result.success) return result.data;
  const problems = result.error.issues.map(describeIssue).join('\n  ');
  throw new ConfigError('config_invalid', `Invalid store config in ${source}:\n  ${problems}\nFix these fields and restart.`);
}

function resolveRelativePaths(config: StoreConfig, baseDir: string): StoreConfig {
  const cameras = config.cameras.map((camera) => {
    const isFile = !/^[a-z][a-z0-9+.-]*:/i.test(camera.url) && !camera.url.startsWith('/dev/');
    const url = isFile ? path.resolve(baseDir, camera.url) : camera.url;
    const backgroundPath = camera.heatmap.backgroundPath ? path.resolve(baseDir, camera.heatmap.backgroundPath) : undefined;
    return { ...camera, url, heatmap: { ...camera.heatmap, backgroundPath } };
  });
  return { ...config, cameras };
}
