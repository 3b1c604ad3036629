import tseslint from "typescript-eslint";

export default tseslint.config({ ignores: ["node_modules/", "data/", "coverage/", "dist/"] }, ...tseslint.configs.recommended, {
  languageOptions: {
    parserOptions: {
      projectService: { allowDefaultProject: ["eslint.config.js", ".dependency-cruiser.cjs"] },
      tsconfigRootDir: import.meta.dirname,
    },
  },
  rules: {
    // A promise nobody awaits loses its error and its ordering; the bot must never do that.
    "@typescript-eslint/no-floating-promises": "error",
    "@typescript-eslint/no-misused-promises": "error",
    "@typescript-eslint/no-explicit-any": "off",
    "@typescript-eslint/no-non-null-assertion": "off",
  },
});
