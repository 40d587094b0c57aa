import { expect } from 'vitest';
import type { Page } from 'playwright-core';

/** How many antd modal dialogs are open. */
export const dialogs = (page: Page) => page.locator('.ant-modal-wrap:visible').count();

/**
 * Picks the option of an antd Select by its label — typed first into a searchable one, since
 * its list is virtual and may not hold the option yet — and waits for the list to close.
 */
export async function choose(page: Page, testId: string, text: string, search = true) {
  const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  await page.getByTestId(testId).click();
  if (search) await page.keyboard.type(text);
  await dropdown.locator('.ant-select-item-option').filter({ hasText: text }).first().click();
  await expect.poll(() => dropdown.count()).toBe(0);
}
