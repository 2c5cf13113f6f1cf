import type { Page } from 'playwright-core';
import { horizontalOverflow, screenshot, seriousViolations, type Viewport } from './browser';

/**
 * Screens whose accessibility was checked, by journey file, screen (its name without the language)
 * and width → the name checked. axe reads structure, roles, names and colours, none of which change
 * with the language (both catalogues hold every label, none empty: test/console/console-catalogue.spec.ts),
 * and it was half of the journeys' time (docs/ci.md): a screen shown in the other language at the
 * same width is photographed and measured for overflow, not checked again.
 */
const checked = new Map<string, string>();

function screenKey(name: string, viewport: Viewport): string {
  return `${expect.getState().testPath ?? ''}|${name.replace(/-(zh-CN|en)$/, '')}|${viewport}`;
}

/**
 * What every page of the console must pass where it stands: no serious or critical accessibility
 * violation (once per screen and width), no sideways scrolling at phone width, and a screenshot for
 * the reviewers.
 */
export async function checkPage(page: Page, name: string, viewport: Viewport): Promise<void> {
  await screenshot(page, name, viewport);
  const key = screenKey(name, viewport);
  const seen = checked.get(key);
  // The same name again is another state of the screen (after a step of the journey): checked again.
  if (seen === undefined || seen === name) {
    checked.set(key, name);
    expect(await seriousViolations(page)).toEqual([]);
  }
  if (viewport === 'phone') expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
}
