// Lint with zero warnings allowed. Beyond the recommended rules, the layer boundaries: the renderer never imports
// main or Electron, src/shared stays free of Node and Electron, and only src/main/electron and the preload touch
// Electron, so the services run the same in the preview server and the CLI.
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import eslintConfigPrettier from 'eslint-config-prettier/flat';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'url', 'util'];

// The contract types every call's input and result, so a cast there only hides a change of the contract from the
// type checker. Syntax alone cannot know a call's type, so the calls are known by name: `dispatch`, `dispatchRaw`,
// `dispatchIn`, the tests' `call` and `callService` helpers, and the renderer's `api.<channel>`. Refused: a cast of
// what they answer, a cast inside their input, a cast of a Result's `.value` (a form control's `event.target.value`
// is the DOM's string, not a result), a cast to Result or to a shape with `ok`, `value` or `error`, and a cast to a
// Dispatch, which only the doors' raw entry seen typed makes (services/dispatch.ts, disabled there with its reason).
// A file that sets its own no-restricted-syntax must repeat these: a later rule entry replaces, not adds.
const callNames = '/^(dispatch(Raw|In)?|call|callService)$/';
const dispatchCall = `CallExpression:matches([callee.name=${callNames}], [callee.property.name=${callNames}])`;
const apiCall = "CallExpression[callee.object.name='api']";
const domTarget = '[object.property.name=/^(target|currentTarget)$/]';
/** `as const` keeps a literal's own type: the opposite of a cast. */
const notConst = ":not([typeAnnotation.typeName.name='const'])";
const castMessage = 'The contract types this call and its result; a cast here checks nothing. Fix the input, or read the typed result.';
export const typedDispatchRule = [
  'error',
  ...[
    `TSAsExpression > MemberExpression.expression[property.name='value']:not(${domTarget})`,
    `MemberExpression[property.name='value']:not(${domTarget.replace('object.', 'object.expression.')}) > TSAsExpression.object`,
    `TSAsExpression > AwaitExpression.expression > :matches(${dispatchCall}, ${apiCall})`,
    `TSAsExpression > :matches(${dispatchCall}, ${apiCall}).expression`,
    `:matches(${dispatchCall}, ${apiCall}) > TSAsExpression.arguments${notConst}`,
    `:matches(${dispatchCall}, ${apiCall}) > .arguments TSAsExpression${notConst}`,
    'TSAsExpression > TSTypeReference.typeAnnotation[typeName.name=/^(Result|(Raw)?Dispatch)$/]',
    'TSAsExpression > TSTypeLiteral.typeAnnotation > TSPropertySignature > Identifier.key[name=/^(ok|value|error)$/]',
  ].map((selector) => ({ selector, message: castMessage })),
];

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'resources/fonts/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': typedDispatchRule,
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/main/**', '**/preload/index*'], message: 'The renderer reaches the services only through src/renderer/src/api.' },
            { group: ['electron', ...nodeBuiltins], message: 'The renderer runs sandboxed: no Electron or Node modules.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/main/**', '**/renderer/**', '**/preload/**'],
              message: 'src/shared is imported by all three; it imports none of them.',
            },
            { group: ['electron', ...nodeBuiltins], message: 'src/shared runs in the renderer too: no Electron or Node modules.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/electron/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'Services and doors run without Electron (preview, CLI); Electron code lives in src/main/electron.',
              allowTypeImports: false,
            },
          ],
          patterns: [{ group: ['**/renderer/**'], message: 'Main never imports the renderer.' }],
        },
      ],
    },
  },
  {
    files: ['tests/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  // Layout is Prettier's (npm run format; npm run lint checks it): no lint rule argues with it.
  eslintConfigPrettier,
);
