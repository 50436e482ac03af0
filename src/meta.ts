import packageJson from '../package.json' with { type: 'json' };

export const TOOL_NAME = 'headroom';
export const TOOL_VERSION: string = packageJson.version;
/** Where each rule's docs page lives; a rule id is appended with `.md`. */
export const DOCS_BASE = 'https://github.com/headroom-dev/headroom/blob/main/rules/';
export const TOOL_URI = 'https://github.com/headroom-dev/headroom';
