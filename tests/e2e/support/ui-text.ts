// The renderer's own UI texts, read from its i18n files, so the page objects find buttons and banners by what a
// coordinator sees (in either language) and a reworded label does not silently break a test.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ISSUE_MESSAGES, type IssueCode } from '../../../src/shared/contract';

export type UiLanguage = 'ko' | 'en';

type Tree = { readonly [key: string]: string | Tree };

function load(language: UiLanguage): Tree {
  const path = fileURLToPath(new URL(`../../../src/renderer/src/i18n/${language}.json`, import.meta.url));
  return JSON.parse(readFileSync(path, 'utf8')) as Tree;
}

const TEXTS: Record<UiLanguage, Tree> = { ko: load('ko'), en: load('en') };

/** The text of a key ("list.drafts"), with {{placeholders}} filled from `values`. Throws on a missing key. */
export function uiText(language: UiLanguage, key: string, values: Record<string, string | number> = {}): string {
  let node: string | Tree | undefined = TEXTS[language];
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  if (typeof node !== 'string') throw new Error(`No UI text ${language}:${key}`);
  return node.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? `{{${name}}}`));
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A key's text as a pattern source, any {{placeholder}} matching any text. */
function patternOf(language: UiLanguage, key: string): string {
  return uiText(language, key)
    .split(/\{\{\w+\}\}/)
    .map(escape)
    .join('.+');
}

/** A pattern matching a key's text in either UI language, for elements whose language the test does not care about. */
export function eitherLanguage(key: string): RegExp {
  return new RegExp(`^(${patternOf('ko', key)}|${patternOf('en', key)})$`);
}

export function issueText(language: UiLanguage, code: IssueCode): string {
  return ISSUE_MESSAGES[code][language];
}
