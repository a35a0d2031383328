// Flat config: typescript-eslint (type-aware, so Pulumi's Output rules can see types),
// @pulumi/eslint-plugin, and eslint-plugin-mocha for the tests. Zero warnings are allowed.
import pulumi from "@pulumi/eslint-plugin";
import jsdoc from "eslint-plugin-jsdoc";
import mocha from "eslint-plugin-mocha";
import tseslint from "typescript-eslint";

/** A field of an interface whose name ends in `Args` (not the fields of nested object types). */
const ARGS_FIELD =
  "TSInterfaceDeclaration[id.name=/Args$/] > TSInterfaceBody > TSPropertySignature";

export default tseslint.config(
  { ignores: ["node_modules/", "build/", "plan/", "**/*.js", "**/*.cjs", "**/*.mjs"] },
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts"],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { "@pulumi": pulumi },
    rules: {
      "@pulumi/no-output-in-template-literal": "error",
      "@pulumi/no-output-instance-in-template-literal": "error",
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      eqeqeq: "error",
      "no-console": "off",
    },
  },
  {
    // Every field of a component's or service's `*Args` interface says what it is for, its
    // default and its unit: the args are the components' public interface.
    files: ["components/**/*.ts", "services/**/*.ts"],
    plugins: { jsdoc },
    rules: {
      "jsdoc/require-jsdoc": [
        "error",
        {
          require: { FunctionDeclaration: false },
          contexts: [ARGS_FIELD],
        },
      ],
      "jsdoc/require-description": ["error", { contexts: [ARGS_FIELD] }],
      // An optional field says what happens when it is left out.
      "jsdoc/match-description": [
        "error",
        {
          contexts: [`${ARGS_FIELD}[optional=true]`],
          matchDescription: "[\\s\\S]*(Default|default|[Uu]nset)[\\s\\S]*",
          message: 'An optional *Args field states its default ("Default ..." or "unset ...").',
        },
      ],
    },
  },
  {
    files: ["test/**/*.ts"],
    ...mocha.configs.recommended,
    rules: {
      ...mocha.configs.recommended.rules,
      "mocha/no-exclusive-tests": "error",
      "mocha/no-pending-tests": "error",
      // Table-driven tests build `it` calls in loops on purpose.
      "mocha/no-setup-in-describe": "off",
      // The suites never use mocha's `this` (timeouts live in .mocharc.json), so arrows are safe.
      "mocha/no-mocha-arrows": "off",
      // Layout is Prettier's job; this rule fights it inside table-driven loops.
      "mocha/consistent-spacing-between-blocks": "off",
      "mocha/max-top-level-suites": "off",
    },
  },
);
