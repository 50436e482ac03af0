#!/usr/bin/env node
// Node ≥ 24 strips TypeScript types itself; the CLI runs from source without a build step.
import '../src/delivery/cli/main.ts';
