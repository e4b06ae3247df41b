import { expect } from '@open-wc/testing';
import { headingLevel, warnAttribute } from '../../src/core/attributes.js';
import { captureWarnings } from '../support/helpers.js';

describe('headingLevel()', () => {
  it('reads a level from 1 to 6', async () => {
    const warnings = await captureWarnings(() => {
      expect([1, 2, 3, 4, 5, 6].map((n) => headingLevel('test-levels', String(n)))).to.deep.equal([
        1, 2, 3, 4, 5, 6,
      ]);
    });
    expect(warnings).to.deep.equal([]);
  });

  it('uses the element’s level, silently, when the attribute is absent', async () => {
    const warnings = await captureWarnings(() => {
      expect(headingLevel('test-absent', '')).to.equal(2);
      expect(headingLevel('test-absent', '', 3)).to.equal(3);
    });
    expect(warnings).to.deep.equal([]);
  });

  it('uses the element’s level for anything else, and says what to write', async () => {
    for (const value of ['0', '7', '2.5', 'h3', 'three', '-1']) {
      const warnings = await captureWarnings(() => {
        expect(headingLevel('test-wrong', value, 3), value).to.equal(3);
      });
      expect(warnings, value).to.deep.equal([
        `[vitrine] <test-wrong> heading-level="${value}" is not a heading level from 1 to 6; level 3 is used. Write heading-level="3", for example.`,
      ]);
    }
  });

  it('warns once per element kind and value, however many elements have it', async () => {
    const warnings = await captureWarnings(() => {
      for (let i = 0; i < 20; i += 1) headingLevel('test-grid', '9');
      headingLevel('test-grid', '10');
      headingLevel('test-other', '9');
    });
    expect(warnings).to.have.length(3);
    expect(warnings[0]).to.contain('<test-grid> heading-level="9"');
    expect(warnings[1]).to.contain('<test-grid> heading-level="10"');
    expect(warnings[2]).to.contain('<test-other> heading-level="9"');
  });
});

describe('warnAttribute()', () => {
  const advice = { expected: 'a whole number', instead: 'all are shown', example: 'limit="10"' };

  it('says what was wrong, what the element does instead, and what to write', async () => {
    const warnings = await captureWarnings(() =>
      warnAttribute('test-board', 'limit', 'many', advice),
    );
    expect(warnings).to.deep.equal([
      '[vitrine] <test-board> limit="many" is not a whole number; all are shown. Write limit="10", for example.',
    ]);
  });

  it('warns once per element kind, attribute and value', async () => {
    const warnings = await captureWarnings(() => {
      warnAttribute('test-once', 'limit', 'many', advice);
      warnAttribute('test-once', 'limit', 'many', advice);
      warnAttribute('test-once', 'limit', 'few', advice);
      warnAttribute('test-once', 'size', 'many', advice);
      warnAttribute('test-twice', 'limit', 'many', advice);
    });
    expect(warnings).to.have.length(4);
  });
});
