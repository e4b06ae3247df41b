// The build squeezes the CSS of every css`` literal (scripts/bundle.js). The styles that ship
// must mean what the sources say: each literal, as written and as squeezed, is parsed by
// Chromium, and both give the same rules.
/* global CSSStyleSheet -- in the callback puppeteer runs in the page */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/chromium.js';
import { CSS_LITERAL, squeezeCss } from '../../scripts/bundle.js';

const sources = readdirSync('src', { recursive: true })
  .filter((file) => String(file).endsWith('.ts'))
  .map((file) => join('src', String(file)));

describe('the CSS that ships', () => {
  let browser;
  let page;
  before(async () => {
    browser = await puppeteer.launch({
      executablePath: chromiumPath(),
      headless: true,
      args: CHROMIUM_ARGS,
    });
    page = await browser.newPage();
  });
  after(() => browser?.close());

  it('parses to the same rules as the sources, in every css`` literal', async () => {
    const literals = sources.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(CSS_LITERAL)].map(([, css], index) => ({
        where: `${file} #${index + 1}`,
        css,
      })),
    );
    assert.ok(literals.length >= 10, `only ${literals.length} css literals found`);
    const rules = (css) =>
      page.evaluate((text) => {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(text);
        // Custom properties keep their text as written: a space after a comma in one means
        // nothing once it is substituted, so it is not a difference.
        return [...sheet.cssRules].map((rule) => rule.cssText.replace(/,\s+/g, ','));
      }, css);
    for (const { where, css } of literals) {
      const squeezed = squeezeCss(css);
      assert.ok(squeezed.length < css.length, `${where} is not smaller`);
      assert.deepEqual(await rules(squeezed), await rules(css), where);
    }
  });
});
