import { expect, type Page } from '@playwright/test';

/** Joins the team from Settings with an invite code, as a person does, and waits until the PC is in step. */
export async function joinTeam(page: Page, serverUrl: string, code: string, name: string): Promise<void> {
  await page.getByTestId('open-settings').click();
  const team = page.getByTestId('team-settings');
  await team.getByTestId('team-server').fill(serverUrl);
  await team.getByTestId('team-code').fill(code);
  await team.getByTestId('team-name').fill(name);
  await team.getByTestId('team-join').click();
  // Joining restarts the core and reloads the page.
  await page.getByTestId('open-settings').click();
  await expect(page.getByTestId('team-joined')).toContainText(`as ${name}`);
  await expect(page.getByTestId('team-sync-state')).toHaveText('Up to date with the team.');
}
