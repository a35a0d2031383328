// Flat config: typescript-eslint (type-aware, so Pulumi's Output rules can see types),
// @pulumi/eslint-plugin, and eslint-plugin-mocha for the tests. Zero warnings are allowed.
import pulumi from "@pulumi/eslint-plugin";
import mocha from "eslint-plugin-mocha";
import tseslint from "typescript-eslint";

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
