// The Vitrine tags typed in each framework, checked by that framework's own checker against
// the built types (dist/types): tsc for React 19 JSX, vue-tsc for Vue 3 templates,
// svelte-check for Svelte. In tests/types/, `good.*` must pass and every other file must
// fail with the mistake it holds.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';

const run = promisify(execFile);
const bin = (name) => new URL(`../../node_modules/.bin/${name}`, import.meta.url).pathname;

/** The checker's errors, by file name (without its folder). */
async function errorsOf(command, args, parse) {
  const { stdout, stderr, code } = await run(bin(command), args, { maxBuffer: 1 << 24 }).then(
    (result) => ({ ...result, code: 0 }),
    (error) => error,
  );
  const errors = parse(`${stdout}\n${stderr}`);
  return { code, errors };
}

/** `file.tsx(2,45): error TS2322: …` lines, as tsc and vue-tsc print them without colour. */
const tscErrors = (output) => {
  const errors = {};
  let last;
  for (const line of output.split('\n')) {
    const match = /^(?:.*\/)?([\w.-]+)\(\d+,\d+\): error (TS\d+: .*)$/.exec(line);
    if (match) {
      last = match[1];
      (errors[last] ??= []).push(match[2]);
    } else if (last && line.startsWith('  ')) {
      errors[last][errors[last].length - 1] += `\n${line.trim()}`;
    }
  }
  return errors;
};

/** svelte-check's `--output machine` lines: `<time> ERROR "File.svelte" 6:15 "message"`. */
const svelteErrors = (output) => {
  const errors = {};
  for (const match of output.matchAll(/^\d+ ERROR "([^"]+)" \d+:\d+ "(.*)"$/gm)) {
    (errors[match[1]] ??= []).push(JSON.parse(`"${match[2]}"`));
  }
  return errors;
};

/** Asserts the good file passes and each other file fails with a message matching its pattern. */
function assertChecked({ code, errors }, good, expected) {
  assert.deepEqual(errors[good] ?? [], [], `${good} must type-check`);
  for (const [file, pattern] of Object.entries(expected)) {
    const messages = (errors[file] ?? []).join('\n');
    assert.match(messages, pattern, `${file} must fail`);
  }
  assert.deepEqual(Object.keys(errors).sort(), Object.keys(expected).sort());
  assert.notEqual(code, 0);
}

describe('the tags and components typed for each framework', { timeout: 300_000 }, () => {
  it('React 19 JSX (tsc): attributes, values, events and component props are checked', async () => {
    const result = await errorsOf(
      'tsc',
      ['-p', 'tests/types/react/tsconfig.json', '--pretty', 'false'],
      tscErrors,
    );
    assertChecked(result, 'good.tsx', {
      'misspelt-attribute.tsx':
        /'campain' does not exist on type 'VitrineJsxProps<"vitrine-vote">'/,
      'wrong-value.tsx':
        /Type '"window"' is not assignable to type '"popup" \| "redirect" \| undefined'/,
      'wrong-handler.tsx': /Property 'saved' is missing in type 'VoteDetail'/,
      'misspelt-prop.tsx': /'prodctId' does not exist .*Did you mean 'productId'\?/,
      'wrong-component-handler.tsx': /Property 'user' is missing in type 'VoteDetail'/,
    });
  });

  it('Vue 3 templates (vue-tsc): attributes, values and events are checked', async () => {
    const result = await errorsOf(
      'vue-tsc',
      ['-p', 'tests/types/vue/tsconfig.json', '--pretty', 'false'],
      tscErrors,
    );
    assertChecked(result, 'Good.vue', {
      'MisspeltAttribute.vue':
        /'campain' does not exist in type .*Did you mean to write 'campaign'\?/,
      'WrongValue.vue':
        /Type '"window"' is not assignable to type '"redirect" \| "popup" \| undefined'/,
      'WrongHandler.vue': /Property 'saved' is missing in type 'VoteDetail'/,
    });
  });

  it('Svelte (svelte-check): attributes, values and events are checked', async () => {
    const result = await errorsOf(
      'svelte-check',
      ['--workspace', 'tests/types/svelte', '--tsconfig', './tsconfig.json', '--output', 'machine'],
      svelteErrors,
    );
    assertChecked(result, 'Good.svelte', {
      'MisspeltAttribute.svelte':
        /'"campain"' does not exist in type 'VitrineSvelteProps<"vitrine-vote">'/,
      'WrongValue.svelte':
        /Type '"window"' is not assignable to type '"popup" \| "redirect" \| undefined'/,
      'WrongHandler.svelte': /Property 'saved' is missing in type 'VoteDetail'/,
    });
  });
});
