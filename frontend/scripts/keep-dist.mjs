// Vite empties dist/ before each build; the Go side embeds dist/ and needs
// dist/.gitkeep to exist on a clean clone, so put it back after the build.
import { writeFileSync } from 'node:fs';

writeFileSync(new URL('../dist/.gitkeep', import.meta.url), '');
