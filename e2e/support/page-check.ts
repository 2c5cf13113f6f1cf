import type { Page } from 'playwright-core';
import { horizontalOverflow, screenshot, seriousViolations, type Viewport } from './browser';

/**
 * What every page of the console must pass where it stands: no serious or critical accessibility
 * violation, no sideways scrolling at phone width, and a screenshot for the reviewers.
 */
export async function checkPage(page: Page, name: string, viewport: Viewport): Promise<void> {
  await screenshot(page, name, viewport);
  expect(await seriousViolations(page)).toEqual([]);
  if (viewport === 'phone') expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
}
